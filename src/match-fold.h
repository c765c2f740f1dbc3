/* SPDX-License-Identifier: MIT */
/* match-fold.h - the matcher's words: text folded into tokens (match.c only) */
#ifndef KW_MATCH_FOLD_H
#define KW_MATCH_FOLD_H

#include <stddef.h>
#include <stdint.h>

#define FOLD_TOKEN_MAX 48	/* bytes of a word kept */
#define FOLD_TOKENS_MAX 16384	/* words of a text kept */
#define FOLD_NUM "#"		/* what <x> and numbers fold to */

/* One token: bytes [off, off + len) of the folded buffer. */
struct ftok {
	uint32_t off, len;
	uint16_t chars;		/* characters in it */
	uint8_t cjk;		/* a character pair (or one character) of a
				 * script written without spaces */
	uint8_t num;		/* all digits */
};

struct folded {
	char *buf;
	size_t len, cap;
	struct ftok *tok;
	size_t ntok, captok;
	int open_end;		/* the text ends inside its last token (it may
				 * be a word still being typed) */
};

/* Fold `s` (UTF-8; invalid bytes count as spaces) into tokens: case folded,
 * compatibility forms and accents gone (NFKD without marks), Hangul
 * syllables whole, Arabic without tatweel and with its letter variants
 * made one, digits of any script as ASCII, an apostrophe inside a word
 * dropped before a one- or two-letter ending (can't, isn't) and a word
 * break otherwise (l'offre), any other non-letter a word break, a
 * placeholder such as <x> the token "#". Han, kana and Hangul, written
 * without word spaces (or spaced as the writer likes), become overlapping
 * character pairs across the spaces, a lone character itself. */
void fold(const char *s, struct folded *f);
void folded_free(struct folded *f);

#endif
