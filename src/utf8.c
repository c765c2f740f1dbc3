/* SPDX-License-Identifier: MIT */
/* utf8.c - decoding and encoding one UTF-8 character, and validating */
#include "config.h"

#include "utf8.h"

size_t
kw_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0], min;
	size_t w;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		w = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		w = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		w = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;
	/* byte by byte, so a NUL (not a continuation) stops the reading */
	for (size_t i = 1; i < w; i++) {
		if (i >= n || (s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return w;
}

size_t
kw_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t w = kw_utf8_decode(s, n, cp);

	if (w == 0) {
		*cp = 0xFFFD;
		w = 1;
	}
	return w;
}

const unsigned char *
kw_utf8_prev(const unsigned char *s, const unsigned char *p)
{
	const unsigned char *q = p - 1;

	/* back over continuation bytes, at most three */
	while (q > s && p - q < 4 && (*q & 0xC0) == 0x80)
		q--;
	return q;
}

size_t
kw_utf8_encode(uint32_t cp, unsigned char out[4])
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | cp >> 6);
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | cp >> 12);
		out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	out[0] = (unsigned char)(0xF0 | cp >> 18);
	out[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
kw_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t c;
		size_t w;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((w = kw_utf8_decode(s + i, n - i, &c)) == 0)
			return 0;
		i += w;
	}
	return 1;
}
