/* SPDX-License-Identifier: MIT */
/* text.h - UTF-8 text for the screen: cleaning, display width, wrapping */
#ifndef KW_TEXT_H
#define KW_TEXT_H

#include <stddef.h>

/* A copy of `s` fit for a terminal: control characters (C0 but newline,
 * DEL, C1, and ESC sequences), bidi controls and invalid UTF-8 replaced by
 * '?'; tabs become a space; the right-to-left stretch of each line (Arabic,
 * Hebrew: from its first such letter to its last) isolated between U+2067
 * and U+2069, so that it never reorders the text around it. Caller frees. */
char *text_clean(const char *s);

/* Columns `s` takes on a terminal (wcwidth; unprintable counts 1). */
size_t text_width(const char *s);
/* Bytes of `s` that fit in `cols` columns without cutting a character. */
size_t text_fit(const char *s, size_t cols);

/* Wrapped lines: `line[i]` is a pointer into `buf` of `len[i]` bytes. */
struct kw_lines {
	const char **line;
	size_t *len;
	size_t n, cap;
};

/* Wrap `s` (already clean) to `width` columns (>= 1): breaks at spaces,
 * keeps explicit newlines (a blank line stays blank), cuts words longer
 * than the width. Appends to `out`; the pointers point into `s`. */
void text_wrap(const char *s, size_t width, struct kw_lines *out);
void text_lines_free(struct kw_lines *l);

#endif
