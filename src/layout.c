/* SPDX-License-Identifier: MIT */
/* layout.c - screen layout without a terminal: wrapped rows, truncation, folding (the key field: keyfield.c) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "layout.h"
#include "utf8.h"
#include "text.h"
#include "xalloc.h"

void
layout_init(struct kw_body *b, size_t width)
{
	memset(b, 0, sizeof *b);
	b->width = width >= 1 ? width : 1;
}

void
layout_clear(struct kw_body *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->row[i].s);
	b->n = 0;
}

void
layout_free(struct kw_body *b)
{
	if (b == NULL)
		return;
	layout_clear(b);
	free(b->row);
	b->row = NULL;
	b->cap = 0;
}

static void
add_row(struct kw_body *b, char *s, enum kw_style style, int item)
{
	if (b->n == b->cap)
		b->row = xgrow(b->row, &b->cap, b->n + 1, sizeof *b->row);
	b->row[b->n].s = s;
	b->row[b->n].style = style;
	b->row[b->n].item = item;
	b->n++;
}

void
layout_blank(struct kw_body *b)
{
	add_row(b, xstrdup(""), KW_ST_NORMAL, -1);
}

void
layout_add_line(struct kw_body *b, const char *s, enum kw_style style,
    int item)
{
	char *clean = text_clean(s), *nl;

	if ((nl = strchr(clean, '\n')) != NULL)
		*nl = '\0';
	clean[text_fit(clean, b->width)] = '\0';
	add_row(b, clean, style, item);
}

/* A lead on a row of its own, after `indent` spaces, cut to `width`:
 * without the blank that parted it from its text. */
static char *
lead_alone(const char *lead, size_t indent, size_t width)
{
	char *cut = layout_truncate(lead, width - indent), *row;
	size_t n = strlen(cut);

	while (n > 0 && cut[n - 1] == ' ')
		n--;
	row = xasprintf("%*s%.*s", (int)indent, "", (int)n, cut);
	free(cut);
	return row;
}

void
layout_add(struct kw_body *b, size_t indent, const char *lead,
    const char *text, enum kw_style style, int item)
{
	char *clean = text_clean(text), *lclean = NULL;
	struct kw_lines l = { 0 };
	size_t leadw = 0, avail;

	if (lead != NULL) {
		lclean = text_clean(lead);
		leadw = text_width(lclean);
	}
	if (indent + leadw + 8 > b->width) {
		/* no room for a hanging indent: the lead goes first, alone
		 * if need be, and the text takes the whole width */
		if (lclean != NULL && *lclean != '\0')
			add_row(b, lead_alone(lclean, 0, b->width), style,
			    item);
		indent = leadw = 0;
		free(lclean);
		lclean = NULL;
	} else if (3 * (indent + leadw) > b->width &&
	    text_width(clean) > b->width - indent - leadw) {
		/* the lead would squeeze the text into a narrow column:
		 * it gets its own row, the text keeps the indent */
		add_row(b, lead_alone(lclean, indent, b->width), style,
		    item);
		leadw = 0;
		free(lclean);
		lclean = NULL;
	}
	avail = b->width - indent - leadw;
	text_wrap(clean, avail, &l);
	for (size_t i = 0; i < l.n; i++) {
		/* a trailing blank line from a final newline adds nothing */
		if (l.len[i] == 0 && i + 1 == l.n && i > 0)
			break;
		add_row(b, xasprintf("%*s%s%.*s", (int)indent, "",
		    i == 0 && lclean != NULL ? lclean : "",
		    (int)l.len[i], l.line[i]), style, item);
		if (i == 0)
			indent += leadw;
	}
	text_lines_free(&l);
	free(clean);
	free(lclean);
}

void
layout_add_url(struct kw_body *b, size_t indent, const char *lead,
    const char *url, enum kw_style style, int item)
{
	char *clean = text_clean(url), *lclean = text_clean(lead);

	if (indent + text_width(lclean) + text_width(clean) <= b->width)
		layout_add(b, indent, lclean, clean, style, item);
	else {
		add_row(b, lead_alone(lclean, indent, b->width), style, item);
		layout_add(b, 0, NULL, clean, style, item);
	}
	free(clean);
	free(lclean);
}

int
layout_item_rows(const struct kw_body *b, int item, size_t *first,
    size_t *last)
{
	int found = 0;

	for (size_t i = 0; i < b->n; i++) {
		if (b->row[i].item != item)
			continue;
		if (!found)
			*first = i;
		*last = i;
		found = 1;
	}
	return found;
}

size_t
layout_scroll(size_t top, size_t nrows, size_t height, size_t first,
    size_t last)
{
	if (height == 0)
		return 0;
	if (last >= top + height)
		top = last + 1 - height;
	if (first < top)
		top = first;
	if (nrows <= height)
		return 0;
	if (top > nrows - height)
		top = nrows - height;
	return top;
}

const char *
layout_ellipsis(void)
{
	return MB_CUR_MAX > 1 ? "\xe2\x80\xa6" : "...";
}

char *
layout_truncate(const char *s, size_t cols)
{
	const char *ell = layout_ellipsis();
	size_t ellw = text_width(ell), n;

	if (text_width(s) <= cols)
		return xstrdup(s);
	if (cols <= ellw)
		return xstrndup(ell, text_fit(ell, cols));
	n = text_fit(s, cols - ellw);
	return xasprintf("%.*s%s", (int)n, s, ell);
}

char *
layout_truncate_left(const char *s, size_t cols)
{
	const char *ell = layout_ellipsis();
	size_t ellw = text_width(ell), w = text_width(s);
	const uint8_t *p = (const uint8_t *)s;

	if (w <= cols)
		return xstrdup(s);
	if (cols <= ellw)
		return xstrndup(ell, text_fit(ell, cols));
	/* drop characters from the start until the rest fits */
	while (*p != '\0' && w > cols - ellw) {
		uint32_t uc;
		size_t k = kw_utf8_next(p, strlen((const char *)p), &uc);
		char one[8];

		memcpy(one, p, k);
		one[k] = '\0';
		w -= text_width(one);
		p += k;
	}
	return xasprintf("%s%s", ell, (const char *)p);
}

char *
layout_fold(const char *s)
{
	size_t n = 0, len = strlen(s);
	uint8_t *f = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFKD,
	    NULL, &n);
	char *out, *o;
	const uint8_t *p, *end;
	int space = 1;

	if (f == NULL)		/* out of memory or invalid: compare as is */
		return xstrdup(s);
	out = o = xmalloc(n + 1);
	for (p = f, end = f + n; p < end;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, p, (size_t)(end - p));

		p += k;
		if (uc_combining_class(uc) != 0)
			continue;	/* an accent */
		if (uc == 0x2018 || uc == 0x2019 || uc == 0x2032)
			uc = '\'';
		else if (uc == 0x201c || uc == 0x201d || uc == 0xab ||
		    uc == 0xbb)
			uc = '"';
		if (uc == ' ' || uc == '\t' || uc == '\n' || uc == 0xa0 ||
		    uc == 0x202f) {
			if (!space)
				*o++ = ' ';
			space = 1;
			continue;
		}
		space = 0;
		if (uc < 0x80)
			*o++ = (char)uc;
		else
			o += u8_uctomb((uint8_t *)o, uc, 6);
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	free(f);
	return out;
}

int
layout_contains(const char *hay, const char *needle)
{
	char *h, *n;
	int found;

	if (*needle == '\0')
		return 1;
	h = layout_fold(hay);
	n = layout_fold(needle);
	found = strstr(h, n) != NULL;
	free(h);
	free(n);
	return found;
}

void
layout_print(FILE *fp, size_t width, size_t indent, const char *lead,
    const char *text)
{
	struct kw_body b;

	layout_init(&b, width);
	layout_add(&b, indent, lead, text, KW_ST_NORMAL, -1);
	for (size_t i = 0; i < b.n; i++)
		fprintf(fp, "%s\n", b.row[i].s);
	layout_free(&b);
}
