/* SPDX-License-Identifier: MIT */
/* text.c - UTF-8 text for the screen: cleaning, display width, wrapping */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

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
	return out;
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
static void
wrap_para(const char *p, const char *end, size_t width,
    struct kw_lines *out)
{
	if (p == end) {
		add_line(out, p, 0);
		return;
	}
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
			if (*q == ' ')
				brk = q;
			if (cols + w > width)
				break;
			cols += w;
			q += k;
		}
		if (q >= end) {
			add_line(out, p, (size_t)(end - p));
			return;
		}
		if (*q == ' ')
			brk = q;
		if (brk != NULL && brk > p) {
			add_line(out, p, (size_t)(brk - p));
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
