/* SPDX-License-Identifier: MIT */
/* keyfield.h - the product-key entry field: what is typed, edited, shown with its dashes, wiped */
#ifndef KW_KEYFIELD_H
#define KW_KEYFIELD_H

#include <stddef.h>

/* The product-key entry field: the characters typed, one per cell, without
 * the dashes (they are shown, never stored). */
#define KW_FIELD_MAX 64

struct kw_keyfield {
	char cell[KW_FIELD_MAX][5];	/* one UTF-8 character each */
	size_t n;			/* cells in use */
	size_t cur;			/* cursor: 0..n */
};

/* Insert typed or pasted `text` at the cursor: ASCII letters upper-cased;
 * spaces, dashes of any kind, quotes and control characters dropped, so a
 * key pastes in any form. Returns the characters inserted (the field keeps
 * at most KW_FIELD_MAX). */
size_t keyfield_insert(struct kw_keyfield *f, const char *text);
/* Delete the character before the cursor (backspace) or under it; return
 * 0 when there was none. */
int keyfield_backspace(struct kw_keyfield *f);
int keyfield_delete(struct kw_keyfield *f);
/* The characters joined, without dashes, into buf (for prodkey_analyse). */
void keyfield_text(const struct kw_keyfield *f, char *buf, size_t size);
/* The field as shown: groups of `glen` separated by '-', a dash appearing
 * as soon as a group is full (but never after the last of `groups`); each
 * character replaced by '*' when `mask`. Writes the column of each cell to
 * col[0..n] (col[n]: the column after the last) when col is not NULL.
 * Returns the columns used. */
size_t keyfield_show(const struct kw_keyfield *f, unsigned groups,
    unsigned glen, int mask, char *buf, size_t size, size_t *col);
/* Forget the key (explicit_bzero). */
void keyfield_wipe(struct kw_keyfield *f);

#endif
