/* SPDX-License-Identifier: MIT */
/* pick.c - choosing the tree of a call: the trees found, filtered as one types */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "pick.h"
#include "xalloc.h"

void
pick_init(struct kw_pick *p, const char *lang)
{
	memset(p, 0, sizeof *p);
	treelist_scan(&p->list, lang);
	p->all = xcalloc(p->list.n + 1, sizeof *p->all);
	p->folded = xcalloc(p->list.n + 1, sizeof *p->folded);
	p->shown = xcalloc(p->list.n + 1, sizeof *p->shown);
	for (size_t i = 0; i < p->list.n; i++) {
		const struct kw_treeinfo *ti = &p->list.v[i];
		char *both;

		if (ti->shadowed_by >= 0)
			continue;
		both = xasprintf("%s %s", ti->name, ti->title != NULL ?
		    ti->title : "");
		p->folded[p->nall] = layout_fold(both);
		free(both);
		p->all[p->nall++] = i;
	}
	pick_filter(p, "");
}

void
pick_filter(struct kw_pick *p, const char *filter)
{
	char *f;

	if (filter != p->filter)
		snprintf(p->filter, sizeof p->filter, "%s", filter);
	f = layout_fold(p->filter);
	p->nshown = 0;
	for (size_t i = 0; i < p->nall; i++)
		if (strstr(p->folded[i], f) != NULL)
			p->shown[p->nshown++] = p->all[i];
	free(f);
}

const struct kw_treeinfo *
pick_shown(const struct kw_pick *p, size_t i)
{
	return &p->list.v[p->shown[i]];
}

void
pick_free(struct kw_pick *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nall; i++)
		free(p->folded[i]);
	free(p->folded);
	free(p->all);
	free(p->shown);
	treelist_free(&p->list);
	memset(p, 0, sizeof *p);
}
