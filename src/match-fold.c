/* SPDX-License-Identifier: MIT */
/* match-fold.c - the matcher's words: text folded into tokens */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "match-fold.h"
#include "xalloc.h"

/*
 * Both sides of a match go through fold(): the tree's phrases when the
 * matcher is made, the text at every query. What the two must agree on is
 * all here: a difference of case, accents, compatibility form (full-width
 * Latin, Arabic presentation forms, ligatures), apostrophe, digit script
 * or word spacing in Chinese, Japanese and Korean makes no difference to
 * the tokens.
 */

struct fstate {
	struct folded *f;
	size_t start;		/* of the word being built, in f->buf */
	unsigned chars;		/* its characters */
	ucs4_t cjk_prev;	/* the last character of a spaceless run */
	unsigned cjk_len;	/* characters in that run so far */
};

static void
put_bytes(struct folded *f, const void *p, size_t n)
{
	f->buf = xgrow(f->buf, &f->cap, f->len + n, 1);
	memcpy(f->buf + f->len, p, n);
	f->len += n;
}

static void
put_uc(struct folded *f, ucs4_t uc)
{
	uint8_t enc[6];
	int m = u8_uctomb(enc, uc, sizeof enc);

	if (m > 0)
		put_bytes(f, enc, (size_t)m);
}

static void
push_token(struct fstate *st, size_t start, unsigned chars, int cjk)
{
	struct folded *f = st->f;
	struct ftok *t;

	if (f->len == start)
		return;
	if (f->ntok == FOLD_TOKENS_MAX) {
		f->len = start;
		return;
	}
	f->tok = xgrow(f->tok, &f->captok, f->ntok + 1, sizeof *f->tok);
	t = &f->tok[f->ntok++];
	t->off = (uint32_t)start;
	t->len = (uint32_t)(f->len - start);
	t->chars = (uint16_t)(chars > UINT16_MAX ? UINT16_MAX : chars);
	t->cjk = (uint8_t)cjk;
	t->num = !cjk;
	for (size_t i = start; i < f->len && t->num; i++)
		t->num = (f->buf[i] >= '0' && f->buf[i] <= '9') ||
		    (t->len == 1 && f->buf[i] == FOLD_NUM[0]);
}

static void
end_word(struct fstate *st)
{
	push_token(st, st->start, st->chars, 0);
	st->start = st->f->len;
	st->chars = 0;
}

static void
end_cjk(struct fstate *st)
{
	if (st->cjk_len == 1) {
		put_uc(st->f, st->cjk_prev);
		push_token(st, st->start, 1, 1);
		st->start = st->f->len;
	}
	st->cjk_len = 0;
}

/* Characters of the scripts written without spaces between words. */
static int
is_cjk(ucs4_t uc)
{
	return (uc >= 0x3040 && uc <= 0x30ff) ||	/* kana */
	    (uc >= 0x31f0 && uc <= 0x31ff) ||
	    (uc >= 0xac00 && uc <= 0xd7a3) ||		/* Hangul */
	    (uc >= 0x1100 && uc <= 0x11ff) ||
	    (uc >= 0x3130 && uc <= 0x318f) ||
	    (uc >= 0xa960 && uc <= 0xa97f) ||
	    (uc >= 0xd7b0 && uc <= 0xd7ff) ||
	    uc == 0x3005 || uc_is_property_ideographic(uc);
}

static int
is_letter(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z') ||
		    (uc >= '0' && uc <= '9');
	return uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N);
}

/* Letters that do not decompose but have a plain spelling. */
static const char *
plain_spelling(ucs4_t uc)
{
	switch (uc) {
	case 0x00e6: return "ae";	/* æ */
	case 0x0153: return "oe";	/* œ */
	case 0x00f8: return "o";	/* ø */
	case 0x0142: return "l";	/* ł */
	case 0x0111: return "d";	/* đ */
	case 0x00fe: return "th";	/* þ */
	case 0x00f0: return "d";	/* ð */
	case 0x0131: return "i";	/* dotless i */
	default: return NULL;
	}
}

/* Arabic letters written one for another: alef maksura and Farsi yeh for
 * yeh, teh marbuta for heh, keheh for kaf, alef wasla for alef. */
static ucs4_t
arabic_letter(ucs4_t uc)
{
	switch (uc) {
	case 0x0649: case 0x06cc: return 0x064a;
	case 0x0629: return 0x0647;
	case 0x06a9: return 0x0643;
	case 0x0671: return 0x0627;
	default: return uc;
	}
}

static int
is_apostrophe(ucs4_t uc)
{
	return uc == '\'' || uc == 0x2019 || uc == 0x02bc || uc == 0x2018 ||
	    uc == '`' || uc == 0x00b4;
}

/* A placeholder such as <x>, <n>, \<x\> at u[i]: its length, or 0. */
static size_t
placeholder(const ucs4_t *u, size_t i, size_t n)
{
	size_t letters = 0;

	for (size_t j = i + 1; j < n && letters <= 12; j++) {
		if (u[j] == '>')
			return letters > 0 ? j + 1 - i : 0;
		if (u[j] == '\\' || u[j] == ' ' || u[j] == '_')
			continue;
		if (!is_letter(u[j]))
			return 0;
		letters++;
	}
	return 0;
}

/* Hangul jamo L V (T) at u[i], as NFKD leaves a syllable: the syllable,
 * its length in *k. */
static ucs4_t
hangul(const ucs4_t *u, size_t i, size_t n, size_t *k)
{
	ucs4_t s;

	if (u[i] < 0x1100 || u[i] > 0x1112 || i + 1 >= n ||
	    u[i + 1] < 0x1161 || u[i + 1] > 0x1175)
		return 0;
	s = 0xac00 + ((u[i] - 0x1100) * 21 + (u[i + 1] - 0x1161)) * 28;
	*k = 2;
	if (i + 2 < n && u[i + 2] >= 0x11a8 && u[i + 2] <= 0x11c2) {
		s += u[i + 2] - 0x11a7;
		*k = 3;
	}
	return s;
}

static int
ascii_alnum(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Append the code points of [p, e) (valid UTF-8), case folded and
 * decomposed, to u. */
static void
put_folded(const uint8_t *p, const uint8_t *e, ucs4_t **u, size_t *n,
    size_t *cap)
{
	size_t flen;
	uint8_t *cf = u8_casefold(p, (size_t)(e - p), NULL, UNINORM_NFKD, NULL,
	    &flen);

	if (cf == NULL)
		return;
	for (const uint8_t *q = cf; q < cf + flen; ) {
		*u = xgrow(*u, cap, *n + 1, sizeof **u);
		q += u8_mbtouc(&(*u)[(*n)++], q, (size_t)(cf + flen - q));
	}
	free(cf);
}

/* The text as code points, case folded and decomposed; invalid UTF-8
 * bytes as spaces. ASCII is lowered here; only the words with other
 * characters go through libunistring. */
static ucs4_t *
decode(const char *s, size_t *n)
{
	const uint8_t *p = (const uint8_t *)s, *e = p + strlen(s);
	size_t cap = (size_t)(e - p) + 1;
	ucs4_t *u = xmalloc(cap * sizeof *u);
	uint8_t *clean = NULL;

	*n = 0;
	while (p < e) {
		const uint8_t *q = p;
		size_t o = 0;

		if (*p < 0x80) {
			/* folding may have made the text longer */
			u = xgrow(u, &cap, *n + 1, sizeof *u);
			u[(*n)++] = *p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') :
			    *p;
			p++;
			continue;
		}
		/* a word with other characters: to the next ASCII that is
		 * not a letter or digit; invalid bytes as spaces */
		if (clean == NULL)
			clean = xmalloc((size_t)(e - p) + 1);
		while (q < e && (*q >= 0x80 || ascii_alnum(*q))) {
			ucs4_t uc;
			int m = u8_mbtouc(&uc, q, (size_t)(e - q));

			if (uc == 0xfffd && (m != 3 ||
			    memcmp(q, "\xef\xbf\xbd", 3) != 0))
				clean[o++] = ' ';
			else {
				memcpy(clean + o, q, (size_t)m);
				o += (size_t)m;
			}
			q += m;
		}
		put_folded(clean, clean + o, &u, n, &cap);
		p = q;
	}
	free(clean);
	return u;
}

void
fold(const char *s, struct folded *f)
{
	struct fstate st;
	size_t n, i = 0;
	ucs4_t *u = decode(s, &n);

	memset(f, 0, sizeof *f);
	memset(&st, 0, sizeof st);
	st.f = f;
	f->cap = n + 16;
	f->buf = xmalloc(f->cap);
	while (i < n) {
		ucs4_t uc = u[i];
		const char *plain;
		size_t k = 1, ph;
		int dv;

		f->open_end = 0;
		if (uc == '<' && (ph = placeholder(u, i, n)) > 0) {
			end_word(&st);
			end_cjk(&st);
			put_bytes(f, FOLD_NUM, 1);
			push_token(&st, st.start, 1, 0);
			st.start = f->len;
			i += ph;
			continue;
		}
		if (uc >= 0x1100 && uc <= 0x1112) {
			ucs4_t syl = hangul(u, i, n, &k);

			if (syl != 0)
				uc = syl;
			else
				k = 1;
		}
		i += k;
		if (uc >= 0x80) {
			if (uc_is_general_category_withtable(uc,
			    UC_CATEGORY_MASK_M | UC_CATEGORY_MASK_Cf) ||
			    uc == 0x0640)
				continue;	/* accents, marks, tatweel,
						 * ZWJ... */
			if ((dv = uc_decimal_value(uc)) >= 0)
				uc = (ucs4_t)('0' + dv);
			uc = arabic_letter(uc);
		}
		if (uc >= 0x80 && is_cjk(uc)) {
			end_word(&st);
			if (st.cjk_len > 0) {
				put_uc(f, st.cjk_prev);
				put_uc(f, uc);
				push_token(&st, st.start, 2, 1);
				st.start = f->len;
			}
			st.cjk_prev = uc;
			st.cjk_len++;
			f->open_end = 1;
			continue;
		}
		if (is_apostrophe(uc) && st.chars > 0) {
			size_t j = i;

			while (j < n && j - i <= 2 && is_letter(u[j]))
				j++;
			if (j > i && j - i <= 2 && (j == n ||
			    !is_letter(u[j])))
				continue;	/* can't, isn't, you've */
		}
		plain = uc >= 0x80 ? plain_spelling(uc) : NULL;
		if (plain != NULL || is_letter(uc)) {
			end_cjk(&st);
			if (plain != NULL)
				put_bytes(f, plain, strlen(plain));
			else
				put_uc(f, uc);
			st.chars++;
			f->open_end = 1;
			if (f->len - st.start >= FOLD_TOKEN_MAX)
				end_word(&st);
			continue;
		}
		end_word(&st);
		/* a spaceless run goes on across spaces */
		if (st.cjk_len > 0 && uc != ' ' && uc != '\t' && uc != '\n' &&
		    uc != '\r' && !uc_is_general_category_withtable(uc,
		    UC_CATEGORY_MASK_Zs))
			end_cjk(&st);
	}
	end_word(&st);
	end_cjk(&st);
	free(u);
}

void
folded_free(struct folded *f)
{
	free(f->buf);
	free(f->tok);
}
