/* SPDX-License-Identifier: MIT */
/* pick.h - choosing the tree of a call: the trees found, filtered as one types */
#ifndef KW_PICK_H
#define KW_PICK_H

#include <stddef.h>

#include "treelist.h"

/*
 * What both front ends' pick screens show (--pick, or `pick: true` in the
 * configuration): the trees that `keywiz NAME` would run (a tree shadowed
 * by one of the same name in an earlier folder is not offered), titles in
 * the interface language, and those whose name or title holds the filter
 * (any case, with or without accents). A tree whose head cannot be read is
 * offered with its error, so that choosing it says what is wrong.
 */
struct kw_pick {
	struct kw_treelist list;
	size_t *all;		/* indexes in `list` of the trees offered */
	size_t nall;
	char **folded;		/* folded "name title" of each offered */
	size_t *shown;		/* those the filter keeps, in order */
	size_t nshown;
	char filter[256];
};

/* Scan the lookup folders (titles in `lang`); the filter empty. */
void pick_init(struct kw_pick *p, const char *lang);
/* Set the filter and recompute what is shown. */
void pick_filter(struct kw_pick *p, const char *filter);
/* The tree shown at row `i` (< nshown). */
const struct kw_treeinfo *pick_shown(const struct kw_pick *p, size_t i);
/* Frees what the pick holds; accepts NULL. */
void pick_free(struct kw_pick *p);

#endif
