/* SPDX-License-Identifier: MIT */
/* report-table.c - a tree's statistics as the tables every format of the
 * report prints: outcomes, contacts, errors, exits, times, texts, agents */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report-int.h"
#include "tree.h"
#include "view.h"
#include "xalloc.h"

static const struct rcol cols_share[] = {
	{ "calls", N_("calls"), K_COUNT },
	{ "share", N_("share"), K_SHARE }
};
static const struct rcol cols_error[] = {
	{ "calls", N_("calls"), K_COUNT },
	{ "share", N_("share"), K_SHARE },
	{ "resolved", N_("resolved"), K_COUNT },
	{ "escalated", N_("escalated"), K_COUNT },
	{ "quit", N_("quits"), K_COUNT }
};
static const struct rcol cols_back[] = {
	{ "times", N_("times"), K_COUNT }
};
static const struct rcol cols_wait[] = {
	{ "answered", N_("answered"), K_COUNT },
	{ "skipped", N_("skipped"), K_COUNT },
	{ "cut_short", N_("cut short"), K_COUNT }
};
static const struct rcol cols_time[] = {
	{ "count", N_("count"), K_COUNT },
	{ "median_s", N_("median"), K_SECS },
	{ "p90_s", N_("90%"), K_SECS }
};
static const struct rcol cols_text[] = {
	{ "times", N_("times"), K_COUNT }
};
static const struct rcol cols_agent[] = {
	{ "calls", N_("calls"), K_COUNT },
	{ "resolved", N_("resolved"), K_COUNT },
	{ "escalated", N_("escalated"), K_COUNT },
	{ "quit", N_("quits"), K_COUNT },
	{ "interrupted", N_("interruptions"), K_COUNT },
	{ "median_s", N_("median"), K_SECS }
};

#define COLS(c) c, sizeof c / sizeof c[0]

static void
table(struct rtable *t, const char *id, const char *title,
    const struct rcol *cols, size_t ncols, int bar)
{
	memset(t, 0, sizeof *t);
	t->id = id;
	t->title = title;
	t->cols = cols;
	t->ncols = ncols;
	t->bar = bar;
}

static struct rrow *
row(struct rtable *t, const char *key, const char *label)
{
	struct rrow *r;

	t->rows = xgrow(t->rows, &t->cap, t->nrows + 1, sizeof *t->rows);
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->key = key;
	r->label = report_safe(label != NULL ? label : key);
	return r;
}

const char *
rgroup_title(const struct rgroup *g)
{
	return g->tree != NULL ? tree_text(&g->tree->title, g->lang) : g->id;
}

/* An error option's label in the interface language, when the tree has
 * the option; else the record's. */
static const char *
error_label(const struct rgroup *g, const struct tally *e)
{
	if (g->tree != NULL)
		for (size_t i = 0; i < g->tree->nnodes; i++) {
			const struct kw_node *n = &g->tree->nodes[i];

			for (size_t j = 0; j < n->nopts; j++)
				if (n->type == KW_NODE_CHOICE &&
				    strcmp(n->opts[j].id, e->key) == 0 &&
				    tree_text_set(&n->opts[j].message))
					return tree_text(&n->opts[j].label,
					    g->lang);
		}
	return e->label != NULL ? e->label : e->key;
}

/* A node as people know it: its heading in the tree, or its id. */
static char *
node_label(const struct rgroup *g, const char *id)
{
	const struct kw_node *n = g->tree != NULL ? tree_find(g->tree, id) :
	    NULL;

	if (n == NULL)
		return xstrdup(id);
	return xasprintf("%s (%s)", view_node_heading(n, g->lang), id);
}

static void
node_row(struct rtable *t, const struct rgroup *g, const struct tally *e)
{
	char *label = node_label(g, e->key);

	row(t, e->key, label);
	free(label);
}

static void
build_outcomes(const struct rgroup *g, struct rtable *t)
{
	static const struct { int col; const char *key; } st[] = {
		{ C_RESOLVED, "resolved" }, { C_ESCALATE, "escalate" },
		{ C_REDIRECT, "redirect" }, { C_UNRESOLVED, "unresolved" },
		{ C_QUIT, "quit" }, { C_INTERRUPTED, "interrupted" }
	};

	table(t, "outcome", _("Outcomes"), COLS(cols_share), 1);
	t->total = g->n;
	for (size_t i = 0; i < sizeof st / sizeof st[0]; i++) {
		const char *label = st[i].col == C_QUIT ?
		    _("Quit before an outcome") : st[i].col == C_INTERRUPTED ?
		    _("Interrupted") : view_result_name((enum kw_result)
		    (st[i].col - C_RESOLVED));
		struct rrow *r;

		if (g->status[st[i].col] == 0)
			continue;
		r = row(t, st[i].key, label);
		r->v[0] = r->v[1] = (long)g->status[st[i].col];
	}
}

void
rtables_build(const struct report *r, const struct rgroup *g,
    struct rtable *t)
{
	struct tally **v;
	struct rrow *w;

	(void)r;
	build_outcomes(g, &t[0]);

	table(&t[1], "contact", _("Escalated to"), COLS(cols_share), 1);
	t[1].total = g->status[C_ESCALATE];
	v = tab_sorted(&g->outcomes, C_N);
	for (size_t i = 0; v[i] != NULL; i++) {
		w = row(&t[1], v[i]->key, NULL);
		w->v[0] = w->v[1] = (long)v[i]->c[C_N];
	}
	free(v);

	table(&t[2], "error", _("Error messages"), COLS(cols_error), 1);
	t[2].total = g->n;
	v = tab_sorted(&g->errors, C_N);
	for (size_t i = 0; v[i] != NULL; i++) {
		w = row(&t[2], v[i]->key, error_label(g, v[i]));
		w->v[0] = w->v[1] = (long)v[i]->c[C_N];
		w->v[2] = (long)v[i]->c[C_RESOLVED];
		w->v[3] = (long)v[i]->c[C_ESCALATE];
		w->v[4] = (long)(v[i]->c[C_QUIT] + v[i]->c[C_INTERRUPTED]);
	}
	free(v);

	table(&t[3], "abandoned", _("Where calls were abandoned (quit or "
	    "interrupted)"), COLS(cols_share), 1);
	t[3].total = g->status[C_QUIT] + g->status[C_INTERRUPTED];
	table(&t[4], "back", _("Where agents went back"), COLS(cols_back), 0);
	table(&t[5], "wait", _("Waits skipped or cut short"), COLS(cols_wait),
	    -1);
	table(&t[7], "node_time", _("Time per node (answered)"),
	    COLS(cols_time), -1);
	v = tab_sorted(&g->nodes, C_ABANDONED);
	for (size_t i = 0; v[i] != NULL && v[i]->c[C_ABANDONED] > 0; i++) {
		node_row(&t[3], g, v[i]);
		t[3].rows[t[3].nrows - 1].v[0] = (long)v[i]->c[C_ABANDONED];
		t[3].rows[t[3].nrows - 1].v[1] = (long)v[i]->c[C_ABANDONED];
	}
	free(v);
	v = tab_sorted(&g->nodes, C_BACK);
	for (size_t i = 0; v[i] != NULL && v[i]->c[C_BACK] > 0; i++) {
		node_row(&t[4], g, v[i]);
		t[4].rows[t[4].nrows - 1].v[0] = (long)v[i]->c[C_BACK];
	}
	free(v);
	v = tab_sorted(&g->nodes, C_N);
	for (size_t i = 0; v[i] != NULL; i++) {
		if (v[i]->c[C_SKIPPED] + v[i]->c[C_CUT] > 0) {
			node_row(&t[5], g, v[i]);
			w = &t[5].rows[t[5].nrows - 1];
			w->v[0] = (long)v[i]->h.n;
			w->v[1] = (long)v[i]->c[C_SKIPPED];
			w->v[2] = (long)v[i]->c[C_CUT];
		}
		if (v[i]->h.n > 0) {
			node_row(&t[7], g, v[i]);
			w = &t[7].rows[t[7].nrows - 1];
			w->v[0] = (long)v[i]->h.n;
			w->v[1] = hist_quantile(&v[i]->h, 0.5);
			w->v[2] = hist_quantile(&v[i]->h, 0.9);
		}
	}
	free(v);

	table(&t[6], "duration", _("Call duration"), COLS(cols_time), -1);
	if (g->calls.n > 0) {
		w = row(&t[6], "all", _("All calls"));
		w->v[0] = (long)g->calls.n;
		w->v[1] = hist_quantile(&g->calls, 0.5);
		w->v[2] = hist_quantile(&g->calls, 0.9);
	}

	table(&t[8], "unmatched", _("Text that matched no message (what the "
	    "tree is missing)"), COLS(cols_text), 0);
	t[8].over = g->unmatched.over;
	v = tab_sorted(&g->unmatched, C_N);
	for (size_t i = 0; v[i] != NULL; i++)
		row(&t[8], v[i]->key, NULL)->v[0] = (long)v[i]->c[C_N];
	free(v);

	table(&t[9], "agent", _("Agents"), COLS(cols_agent), -1);
	v = tab_sorted(&g->agents, C_N);
	for (size_t i = 0; v[i] != NULL; i++) {
		w = row(&t[9], v[i]->key, *v[i]->key != '\0' ? v[i]->key :
		    _("(no agent named)"));
		w->v[0] = (long)v[i]->c[C_N];
		w->v[1] = (long)v[i]->c[C_RESOLVED];
		w->v[2] = (long)v[i]->c[C_ESCALATE];
		w->v[3] = (long)v[i]->c[C_QUIT];
		w->v[4] = (long)v[i]->c[C_INTERRUPTED];
		w->v[5] = hist_quantile(&v[i]->h, 0.5);
	}
	free(v);
}

void
rtables_free(struct rtable *t)
{
	for (size_t i = 0; i < RTABLES; i++) {
		for (size_t j = 0; j < t[i].nrows; j++)
			free(t[i].rows[j].label);
		free(t[i].rows);
	}
}
