/* SPDX-License-Identifier: MIT */
/* keyfield.c - the product-key entry field: what is typed, edited, shown with its dashes, wiped */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <unitypes.h>

#include "keyfield.h"
#include "text.h"
#include "utf8.h"

/* Characters a key never carries but a pasted one may: separators and
 * quotes. */
static int
key_separator(ucs4_t uc)
{
	return uc == ' ' || uc == '-' || uc == '\t' || uc == 0xa0 ||
	    uc == 0x202f || (uc >= 0x2010 && uc <= 0x2015) || uc == 0x2212 ||
	    uc == 0xfe63 || uc == 0xff0d || uc == '"' || uc == '\'' ||
	    uc == 0xab || uc == 0xbb || (uc >= 0x2018 && uc <= 0x201f) ||
	    uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0);
}

size_t
keyfield_insert(struct kw_keyfield *f, const char *text)
{
	const uint8_t *p = (const uint8_t *)text;
	size_t len = strlen(text), added = 0;

	while (len > 0) {
		uint32_t uc;
		size_t k = kw_utf8_next(p, len, &uc);

		p += k;
		len -= k;
		if (key_separator(uc) || f->n >= KW_FIELD_MAX)
			continue;
		if (uc >= 'a' && uc <= 'z')
			uc -= 'a' - 'A';
		memmove(f->cell[f->cur + 1], f->cell[f->cur],
		    (f->n - f->cur) * sizeof f->cell[0]);
		memset(f->cell[f->cur], 0, sizeof f->cell[0]);
		kw_utf8_encode(uc, (unsigned char *)f->cell[f->cur]);
		f->n++;
		f->cur++;
		added++;
	}
	return added;
}

int
keyfield_delete(struct kw_keyfield *f)
{
	if (f->cur >= f->n)
		return 0;
	memmove(f->cell[f->cur], f->cell[f->cur + 1],
	    (f->n - f->cur - 1) * sizeof f->cell[0]);
	f->n--;
	explicit_bzero(f->cell[f->n], sizeof f->cell[0]);
	return 1;
}

int
keyfield_backspace(struct kw_keyfield *f)
{
	if (f->cur == 0)
		return 0;
	f->cur--;
	return keyfield_delete(f);
}

void
keyfield_text(const struct kw_keyfield *f, char *buf, size_t size)
{
	size_t o = 0;

	if (size == 0)
		return;
	for (size_t i = 0; i < f->n; i++) {
		size_t k = strlen(f->cell[i]);

		if (o + k >= size)
			break;
		memcpy(buf + o, f->cell[i], k);
		o += k;
	}
	buf[o] = '\0';
}

size_t
keyfield_show(const struct kw_keyfield *f, unsigned groups, unsigned glen,
    int mask, char *buf, size_t size, size_t *col)
{
	size_t o = 0, cols = 0, total = (size_t)groups * glen;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	for (size_t i = 0; i < f->n; i++) {
		const char *c = mask ? "*" : f->cell[i];
		size_t k = strlen(c);

		if (o + k + 2 > size)
			break;
		if (col != NULL)
			col[i] = cols;
		memcpy(buf + o, c, k);
		o += k;
		buf[o] = '\0';
		cols += text_width(c);
		/* a dash once a group is full, while more groups follow */
		if (glen > 0 && (i + 1) % glen == 0 && i + 1 < total) {
			buf[o++] = '-';
			buf[o] = '\0';
			cols++;
		}
	}
	if (col != NULL)
		col[f->n] = cols;
	return cols;
}

void
keyfield_wipe(struct kw_keyfield *f)
{
	explicit_bzero(f, sizeof *f);
}
