/* SPDX-License-Identifier: MIT */
/* text.c - UTF-8 text for the screen: cleaning, display width, wrapping */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unictype.h>
#include <unilbrk.h>

#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* Decode one UTF-8 character of a NUL-terminated string; returns its
 * length (>= 1) and sets *wc, or returns 0 for an invalid sequence (then
 * one byte should be skipped). */
static size_t
char_at(const char *s, wchar_t *wc)
{
	uint32_t c;
	size_t k = kw_utf8_decode((const unsigned char *)s, 4, &c);

	if (k > 0)
		*wc = (wchar_t)c;
	return k;
}

/* Whether `c` is written right to left (Hebrew, Arabic, Syriac, Thaana,
 * N'Ko...): the blocks first, so that other text never asks libunistring. */
static int
rtl(uint32_t c)
{
	if (c < 0x0590 || (c > 0x08ff && c < 0xfb1d) ||
	    (c > 0xfeff && c < 0x10800) || (c > 0x10fff && c < 0x1e800) ||
	    c > 0x1efff)
		return 0;
	return uc_bidi_category(c) == UC_BIDI_R ||
	    uc_bidi_category(c) == UC_BIDI_AL;
}

#define RLI "\xe2\x81\xa7"	/* U+2067 RIGHT-TO-LEFT ISOLATE */
#define PDI "\xe2\x81\xa9"	/* U+2069 POP DIRECTIONAL ISOLATE */

/* `s` (clean: no bidi controls of its own) with each line's right-to-left
 * stretch, from its first right-to-left letter to its last, between RLI
 * and PDI, so that it never takes the text around it along. Frees `s`. */
static char *
isolate_rtl(char *s)
{
	size_t n = strlen(s);
	char *out = NULL, *o = NULL;

	for (const char *line = s; ; ) {
		const char *end = line + strcspn(line, "\n"), *first = NULL;
		const char *last = NULL;

		for (const char *p = line; p < end; ) {
			uint32_t c;
			size_t k = kw_utf8_next((const unsigned char *)p,
			    (size_t)(end - p), &c);

			if (rtl(c)) {
				if (first == NULL)
					first = p;
				last = p + k;
			}
			p += k;
		}
		if (first != NULL && out == NULL) {
			/* six bytes more per line at most, and a line with
			 * a right-to-left letter has two bytes or more */
			o = out = xmalloc(n * 4 + 1);
			memcpy(o, s, (size_t)(line - s));
			o += line - s;
		}
		if (out != NULL) {
			if (first == NULL)
				first = last = end;
			memcpy(o, line, (size_t)(first - line));
			o += first - line;
			if (first != end) {
				memcpy(o, RLI, 3);
				memcpy(o + 3, first, (size_t)(last - first));
				o += 3 + (last - first);
				memcpy(o, PDI, 3);
				o += 3;
			}
			memcpy(o, last, (size_t)(end - last));
			o += end - last;
			if (*end == '\n')
				*o++ = '\n';
		}
		if (*end == '\0')
			break;
		line = end + 1;
	}
	if (out == NULL)
		return s;
	*o = '\0';
	free(s);
	return out;
}

char *
text_clean(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1), *o = out;

	while (*s != '\0') {
		wchar_t wc;
		size_t k = char_at(s, &wc);

		if (k == 0) {
			*o++ = '?';
			s++;
			continue;
		}
		if (wc == '\n')
			*o++ = '\n';
		else if (wc == '\t')
			*o++ = ' ';
		else if (wc < 0x20 || wc == 0x7f || (wc >= 0x80 && wc < 0xa0) ||
		    wc == 0x2028 || wc == 0x2029 || (wc >= 0x202a &&
		    wc <= 0x202e) || (wc >= 0x2066 && wc <= 0x2069))
			*o++ = '?';	/* controls, bidi overrides */
		else {
			memcpy(o, s, k);
			o += k;
		}
		s += k;
	}
	*o = '\0';
	return isolate_rtl(out);
}

static size_t
wc_cols(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : (size_t)w;
}

size_t
text_width(const char *s)
{
	size_t cols = 0;

	while (*s != '\0') {
		wchar_t wc;
		size_t k = char_at(s, &wc);

		if (k == 0) {
			cols++;
			s++;
			continue;
		}
		cols += wc_cols(wc);
		s += k;
	}
	return cols;
}

size_t
text_fit(const char *s, size_t cols)
{
	const char *p = s;
	size_t used = 0;

	while (*p != '\0') {
		wchar_t wc;
		size_t k = char_at(p, &wc), w;

		if (k == 0) {
			k = 1;
			w = 1;
		} else
			w = wc_cols(wc);
		if (used + w > cols)
			break;
		used += w;
		p += k;
	}
	return (size_t)(p - s);
}

static void
add_line(struct kw_lines *out, const char *p, size_t len)
{
	if (out->n == out->cap) {
		size_t cap = out->cap;

		out->line = xgrow(out->line, &cap, out->n + 1,
		    sizeof *out->line);
		out->len = xrealloc(out->len, cap * sizeof *out->len);
		out->cap = cap;
	}
	/* no trailing spaces */
	while (len > 0 && p[len - 1] == ' ')
		len--;
	out->line[out->n] = p;
	out->len[out->n] = len;
	out->n++;
}

/* Wrap one paragraph (no newline in [p, end)). */
/* Where a line of [p, end) may break: ok[i] before byte i. At a space's
 * end, as UAX #14 (libunistring) allows it, so that a French "?", ":",
 * "!", ";" or "\u00bb" after a space never starts a line nor a "\u00ab"
 * ends one; and between two wide characters (Chinese, Japanese). Plain
 * ASCII without such punctuation breaks at every space, without asking
 * the library. Caller frees. */
static char *
break_points(const char *p, const char *end)
{
	size_t n = (size_t)(end - p);
	char *ok = xcalloc(n + 1, 1);
	int plain = 1;

	for (size_t i = 0; i < n && plain; i++)
		plain = (unsigned char)p[i] < 0x80 && !(p[i] == ' ' &&
		    i + 1 < n && strchr("?!:;", p[i + 1]) != NULL);
	if (plain) {
		for (size_t i = 1; i < n; i++)
			ok[i] = p[i - 1] == ' ' && p[i] != ' ';
		return ok;
	}
	u8_possible_linebreaks((const uint8_t *)p, n, "UTF-8", ok);
	for (size_t i = 1; i < n; i++) {
		wchar_t a = 0, b = 0;
		const char *prev = (const char *)kw_utf8_prev(
		    (const unsigned char *)p, (const unsigned char *)p + i);

		if (ok[i] != UC_BREAK_POSSIBLE) {
			ok[i] = 0;
			continue;
		}
		char_at(prev, &a);
		char_at(p + i, &b);
		ok[i] = p[i - 1] == ' ' || (wc_cols(a) == 2 && wc_cols(b) == 2);
	}
	ok[0] = 0;
	return ok;
}

static void
wrap_para(const char *p, const char *end, size_t width,
    struct kw_lines *out)
{
	const char *start = p;
	char *ok;

	if (p == end) {
		add_line(out, p, 0);
		return;
	}
	ok = break_points(p, end);
	while (p < end) {
		const char *q = p, *brk = NULL;
		size_t cols = 0;

		while (q < end) {
			wchar_t wc;
			size_t k = char_at(q, &wc), w;

			if (k == 0) {
				k = 1;
				w = 1;
			} else
				w = wc_cols(wc);
			if (q > p && ok[q - start])
				brk = q;
			if (cols + w > width)
				break;
			cols += w;
			q += k;
		}
		if (q >= end) {
			add_line(out, p, (size_t)(end - p));
			break;
		}
		if (*q == ' ') {	/* spaces may hang past the edge */
			const char *r = q;

			while (r < end && *r == ' ')
				r++;
			if (r == end || ok[r - start])
				brk = r;
		}
		if (brk != NULL && brk > p) {
			const char *e = brk;

			while (e > p && e[-1] == ' ')
				e--;
			add_line(out, p, (size_t)(e - p));
			p = brk;
		} else {
			if (q == p) {	/* a character wider than the width */
				wchar_t wc;
				size_t k = char_at(q, &wc);

				q += k != 0 ? k : 1;
			}
			add_line(out, p, (size_t)(q - p));
			p = q;
		}
		while (p < end && *p == ' ')
			p++;
	}
	free(ok);
}

void
text_wrap(const char *s, size_t width, struct kw_lines *out)
{
	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = strchr(s, '\n');
		const char *end = nl != NULL ? nl : s + strlen(s);

		wrap_para(s, end, width, out);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

void
text_lines_free(struct kw_lines *l)
{
	if (l == NULL)
		return;
	free(l->line);
	free(l->len);
	memset(l, 0, sizeof *l);
}
