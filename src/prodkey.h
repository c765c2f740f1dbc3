/* SPDX-License-Identifier: MIT */
/* prodkey.h - product-key normalisation, alphabet and look-alike checks, masking */
#ifndef KW_PRODKEY_H
#define KW_PRODKEY_H

#include <stddef.h>
#include <stdint.h>

#include "tree.h"

#define KW_KEY_MAX 128		/* normalised characters kept at most (a
				 * format may ask for 10 groups of 10) */
#define KW_KEY_BAD_MAX 128	/* problems recorded at most */
#define KW_KEY_INPUT_MAX 1024	/* bytes analysed; longer input is
				 * KW_KIND_TOO_LONG without a look */

enum kw_key_verdict {
	KW_KEY_VALID,		/* well-formed, nothing to say */
	KW_KEY_DOUBTFUL,	/* well-formed, but with warnings (N count) */
	KW_KEY_INVALID		/* wrong length or characters */
};

/* What the input looks like when it is not a product key at all. */
enum kw_key_kind {
	KW_KIND_KEY,		/* a product key, possibly mistyped */
	KW_KIND_EMPTY,
	KW_KIND_GUID,		/* 8-4-4-4-12 hex: a subscription or tenant id */
	KW_KIND_EMAIL,
	KW_KIND_URL,
	KW_KIND_TOO_LONG	/* far more than a key */
};

enum kw_key_problem {
	KW_BAD_IMPOSSIBLE,	/* never occurs in a key; has look-alikes */
	KW_BAD_FOREIGN		/* not an ASCII letter or digit at all (an
				 * accented letter, punctuation, ...) */
};

struct kw_key_bad {
	size_t pos;		/* 0-based in the normalised key */
	unsigned group, place;	/* 1-based group and place in the group */
	char ch[8];		/* the character as typed, after NFKC
				 * (UTF-8; U+FFFD for a control character) */
	enum kw_key_problem problem;
	const char *lookalikes;	/* characters of the alphabet it may stand
				 * for, most likely first, e.g. "DQ" for O;
				 * "" if none; static, never NULL */
};

struct kw_keycheck {
	enum kw_key_verdict verdict;
	enum kw_key_kind kind;
	char norm[KW_KEY_MAX * 4 + 1]; /* normalised, no dashes (UTF-8) */
	size_t len;		/* characters in norm */
	size_t total;		/* characters typed (spaces and dashes
				 * aside); > len when norm was cut short */
	size_t expected;	/* groups * group_length */
	struct kw_key_bad bad[KW_KEY_BAD_MAX];
	size_t nbad;		/* recorded in bad[] */
	size_t nbad_total;	/* found, >= nbad */
	unsigned n_count;	/* occurrences of N */
	int n_warning;		/* n_count is not the usual (0 or 1) */
};

/* Analyse `input` (any case, spaces, dashes of any kind, full-width forms,
 * Greek and Cyrillic capitals that look like Latin ones, surrounding quotes)
 * against `fmt` (NULL: the default format). Always fills *out; returns its
 * verdict. Invalid UTF-8 is read as U+FFFD. *out holds the key: wipe it
 * with prodkey_wipe() when done. */
enum kw_key_verdict prodkey_analyse(const struct kw_keyfmt *fmt,
    const char *input, struct kw_keycheck *out);

/* The normalised key grouped with dashes ("ABCDE-FGHIJ-..."), into buf.
 * This is the full key: for the key node's own input line only, never for
 * records, logs or screens that outlive the entry. */
void prodkey_format(const struct kw_keyfmt *fmt, const struct kw_keycheck *k,
    char *buf, size_t size);
/* The key masked to its last five characters: "XXXXX-XXXXX-XXXXX-XXXXX-7QW3K"
 * (fewer or more characters typed: grouped and masked the same way). Never
 * shows more than five characters, nor more than half of those typed; a
 * non-key (GUID, e-mail, URL, far too long) is masked whole. */
void prodkey_mask(const struct kw_keyfmt *fmt, const struct kw_keycheck *k,
    char *buf, size_t size);
/* One line in the current language (gettext) saying what the analysis
 * found, e.g. "Not a valid key: 2 impossible characters: O at 2.3, S at
 * 4.1." It names impossible characters (never the valid ones). */
void prodkey_summary(const struct kw_keycheck *k, char *buf, size_t size);
/* Look-alikes (a kw_key_bad's `lookalikes`) in words in the current
 * language: "DQ" -> "D or Q", "JT7" -> "J, T or 7". */
void prodkey_lookalikes_text(const char *chars, char *buf, size_t size);
/* Whether code point `uc` is dropped between key characters: white space,
 * any dash, invisible format characters (soft hyphen, zero-width space,
 * BOM). */
int prodkey_separator(uint32_t uc);
/* Wipe the key from memory (explicit_bzero). */
void prodkey_wipe(struct kw_keycheck *k);

/* The key format a tree declares, or the default one when it has none. */
const struct kw_keyfmt *prodkey_tree_format(const struct kw_tree *t);

/* The default key format: 5 groups of 5, BCDFGHJKMNPQRTVWXY2346789. */
void prodkey_default_format(struct kw_keyfmt *fmt);

#endif
