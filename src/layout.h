/* SPDX-License-Identifier: MIT */
/* layout.h - screen layout without a terminal: wrapped rows, truncation, folding (the key field: keyfield.c) */
#ifndef KW_LAYOUT_H
#define KW_LAYOUT_H

#include <stddef.h>
#include <stdio.h>

/*
 * The screens compose their body as rows of text that fit the width, and
 * the curses shell paints the rows that fit the height; the plain front end
 * prints its text through the same rows. Everything here is plain
 * computation on UTF-8 strings, so the unit tests can check it.
 */

/* How a row is shown; the front end maps styles to attributes, and every
 * meaning is also carried by the text itself (marks, symbols, words). */
enum kw_style {
	KW_ST_NORMAL,
	KW_ST_HEAD,		/* a heading */
	KW_ST_DIM,		/* secondary: quotes of messages, hints */
	KW_ST_MARK,		/* a problem: marks under a key, warnings */
	KW_ST_OK,		/* a good state: a ticked item, a valid key */
	KW_ST_FIELD		/* an input line */
};

struct kw_row {
	char *s;		/* owned, clean UTF-8, fits the width */
	enum kw_style style;
	int item;		/* the selectable item it belongs to, or -1 */
};

struct kw_body {
	struct kw_row *row;
	size_t n, cap;
	size_t width;		/* columns (>= 1) */
};

/* An empty body `width` columns wide. */
void layout_init(struct kw_body *b, size_t width);
/* Drop every row (the body stays usable); layout_free also accepts NULL. */
void layout_clear(struct kw_body *b);
void layout_free(struct kw_body *b);

/* Append `text` (any UTF-8: cleaned of control characters) wrapped to the
 * body's width. The first row starts with `indent` spaces and `lead` (may
 * be NULL); the following rows are indented to line up after the lead
 * (a hanging indent). An empty text adds one row with the lead alone.
 * When indent and lead take more than a third of the width and the text
 * does not fit beside them on one row, the lead gets a row of its own and
 * the text the rows below it, both after the indent. Without room for
 * indent, lead and 8 columns, the lead (cut to the width) and the text
 * start at column 0. */
void layout_add(struct kw_body *b, size_t indent, const char *lead,
    const char *text, enum kw_style style, int item);
/* A URL led by `lead` ("Link: "): beside it when it fits; else the lead
 * on its row and the URL from column 0 on the rows below, so that no
 * indent lands inside the URL when it is selected and copied. */
void layout_add_url(struct kw_body *b, size_t indent, const char *lead,
    const char *url, enum kw_style style, int item);
/* `text` laid out as layout_add() would, `width` columns wide, printed
 * to `fp` one row a line (the plain front end's text). */
void layout_print(FILE *fp, size_t width, size_t indent, const char *lead,
    const char *text);
/* An empty row. */
void layout_blank(struct kw_body *b);
/* One row as it is (cleaned), cut to the width if longer: for input
 * fields, whose columns must not move. */
void layout_add_line(struct kw_body *b, const char *s, enum kw_style style,
    int item);
/* The first and last rows of `item`: returns 0 if no row belongs to it. */
int layout_item_rows(const struct kw_body *b, int item, size_t *first,
    size_t *last);
/* The top row that shows rows [first, last] in a window of `height` rows
 * over `nrows`, moving `top` as little as possible; clamped so the window
 * never runs past the end. */
size_t layout_scroll(size_t top, size_t nrows, size_t height, size_t first,
    size_t last);

/* The ellipsis for this locale: "…" where the character set has it, else
 * "...". */
const char *layout_ellipsis(void);
/* `s` (clean) cut to `cols` columns, ending with the ellipsis when cut (a
 * wide character never straddles the edge). Caller frees. */
char *layout_truncate(const char *s, size_t cols);
/* The same, keeping the end of `s` and starting with the ellipsis. */
char *layout_truncate_left(const char *s, size_t cols);

/* A copy of `s` for case- and accent-insensitive comparison: case folded,
 * accents dropped (NFKD without combining marks), spaces collapsed. Caller
 * frees. */
char *layout_fold(const char *s);
/* Whether `needle` occurs in `hay`, folding both (an empty needle always
 * does). */
int layout_contains(const char *hay, const char *needle);

#endif
