/* SPDX-License-Identifier: MIT */
/* check.c - semantic checks of a loaded tree: targets, ways out, translations, scenarios */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "prodkey.h"
#include "xalloc.h"

#define SUGGEST_LEN_MAX	64	/* longer words get no edit-distance hint */
#define SUGGEST_MAX	64	/* unknown ids that get a hint: each costs a
				 * pass over all the nodes */

struct checker {
	const struct kw_tree *t;
	unsigned flags;
	struct kw_diags *d;
	size_t nerrors;
	size_t nsuggest;
	int titled;		/* some node has a title */
	char hint[SUGGEST_LEN_MAX * 2 + 32];
};

/* ---- "did you mean" ---- */

/* Optimal string alignment distance (a transposition counts as one). */
static unsigned
distance(const char *a, size_t n, const char *b, size_t m)
{
	unsigned rows[3][SUGGEST_LEN_MAX + 1];
	unsigned *pp = rows[0], *p = rows[1], *c = rows[2];

	for (size_t j = 0; j <= m; j++)
		p[j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		unsigned *tmp;

		c[0] = (unsigned)i;
		for (size_t j = 1; j <= m; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			unsigned v = p[j] + 1;

			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (p[j - 1] + cost < v)
				v = p[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
		}
		tmp = pp;
		pp = p;
		p = c;
		c = tmp;
	}
	return p[m];
}

void
check_suggest_init(struct kw_suggest *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->score = UINT_MAX;
}

void
check_suggest_try(struct kw_suggest *s, const char *cand)
{
	size_t n = strlen(s->word), m = strlen(cand);
	unsigned score = UINT_MAX;

	if (n <= SUGGEST_LEN_MAX && m <= SUGGEST_LEN_MAX &&
	    (n > m ? n - m : m - n) <= 2) {
		unsigned d = distance(s->word, n, cand, m);

		if (d <= 2 && d < m)
			score = d;
	}
	if (score == UINT_MAX && n >= 2 && m >= 2 &&
	    strncmp(s->word, cand, n < m ? n : m) == 0)
		score = 3;	/* a prefix: worse than any near miss */
	if (score < s->score) {
		s->score = score;
		s->best = cand;
	}
}

/* " (did you mean 'X'?)" for an unknown node id, or "". */
static const char *
node_hint(struct checker *c, const char *id)
{
	struct kw_suggest sg;

	if (c->nsuggest++ >= SUGGEST_MAX)
		return "";
	check_suggest_init(&sg, id);
	for (size_t i = 0; i < c->t->nnodes; i++)
		check_suggest_try(&sg, c->t->nodes[i].id);
	if (sg.best == NULL)
		return "";
	snprintf(c->hint, sizeof c->hint, " (did you mean '%s'?)", sg.best);
	return c->hint;
}

/* ---- reporting ---- */

static void
report(struct checker *c, enum kw_severity sev, struct kw_pos pos,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
report(struct checker *c, enum kw_severity sev, struct kw_pos pos,
    const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diags_add(c->d, sev, pos, "%s", msg);
	if (sev == KW_SEV_ERROR)
		c->nerrors++;
}

#define ERR(c, pos, ...) report(c, KW_SEV_ERROR, pos, __VA_ARGS__)
#define WARN(c, pos, ...) report(c, KW_SEV_WARNING, pos, __VA_ARGS__)

/* ---- texts ---- */

/* A text given in the file must be there in every language; one string
 * will do in a tree in one language. */
static void
check_text(struct checker *c, const struct kw_text *x, const char *field)
{
	const struct kw_tree *t = c->t;

	if (x->pos.line == 0)
		return;		/* an optional text that was not given */
	if (x->plain && t->nlangs > 1) {
		ERR(c, x->pos, "one string for %s, but the tree has %zu "
		    "languages: write a mapping with a string in each "
		    "(%s: ..., %s: ...)", field, t->nlangs, t->langs[0],
		    t->langs[1]);
		return;
	}
	for (size_t i = 0; i < c->t->nlangs; i++)
		if (tree_text_lang(x, i) == NULL)
			ERR(c, x->pos, "missing translation '%s' of %s",
			    c->t->langs[i], field);
}

static int
is_http(const char *s)
{
	if (strncmp(s, "http://", 7) == 0)
		return s[7] != '\0';
	if (strncmp(s, "https://", 8) == 0)
		return s[8] != '\0';
	return 0;
}

/* ---- the product-key format ---- */

/* Whether the tree's key format is usable; says why not at its position. */
static int
check_keyfmt(struct checker *c)
{
	const struct kw_keyfmt *k = &c->t->keyfmt;
	size_t n = strlen(k->alphabet);
	int ok = 1;

	if (!c->t->has_keyfmt)
		return 1;	/* the default one */
	if (n == 0) {
		ERR(c, k->pos, "product_key alphabet is empty");
		ok = 0;
	}
	for (size_t i = 0; i < n; i++) {
		char ch = k->alphabet[i];

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			ERR(c, k->pos, "product_key alphabet: '%c' is not an "
			    "upper-case ASCII letter or digit",
			    (unsigned char)ch < 0x80 ? ch : '?');
			ok = 0;
			break;
		}
		if (memchr(k->alphabet, ch, i) != NULL) {
			ERR(c, k->pos, "product_key alphabet: '%c' appears "
			    "more than once", ch);
			ok = 0;
			break;
		}
	}
	if (k->groups * k->group_length > KW_KEY_MAX) {
		ERR(c, k->pos, "product_key: %u groups of %u make a key longer "
		    "than %d characters", k->groups, k->group_length,
		    KW_KEY_MAX);
		ok = 0;
	}
	return ok;
}

/* ---- the graph ---- */

/* Forward from the start: which nodes a session can reach. */
static unsigned char *
reachable(const struct kw_tree *t, size_t *queue)
{
	unsigned char *seen = xcalloc(t->nnodes, 1);
	size_t head = 0, tail = 0;

	if (t->start == NULL)
		return seen;
	seen[t->start->index] = 1;
	queue[tail++] = t->start->index;
	while (head < tail) {
		const struct kw_node *nd = &t->nodes[queue[head++]];

		for (size_t j = 0; j < nd->nopts; j++) {
			const struct kw_node *to = nd->opts[j].next;

			if (to != NULL && !seen[to->index]) {
				seen[to->index] = 1;
				queue[tail++] = to->index;
			}
		}
	}
	return seen;
}

/* Backward from the outcomes: which nodes have a way out. A node with an
 * unknown target counts as one (that target is reported already). */
static unsigned char *
way_out(const struct kw_tree *t, size_t *queue)
{
	unsigned char *ok = xcalloc(t->nnodes, 1);
	size_t *off = xcalloc(t->nnodes + 1, sizeof *off), *from;
	size_t head = 0, tail = 0, m = 0;

	/* the reverse edges, grouped by target (counting sort) */
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t j = 0; j < t->nodes[i].nopts; j++)
			if (t->nodes[i].opts[j].next != NULL) {
				off[t->nodes[i].opts[j].next->index + 1]++;
				m++;
			}
	for (size_t i = 0; i < t->nnodes; i++)
		off[i + 1] += off[i];
	from = xcalloc(m ? m : 1, sizeof *from);
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t j = 0; j < t->nodes[i].nopts; j++)
			if (t->nodes[i].opts[j].next != NULL)
				from[off[t->nodes[i].opts[j].next->index]++] =
				    i;
	/* off[i] is now the end of node i's edges; its start is off[i-1] */
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *nd = &t->nodes[i];
		int seed = nd->type == KW_NODE_OUTCOME;

		for (size_t j = 0; j < nd->nopts; j++)
			seed |= nd->opts[j].next == NULL;
		if (seed) {
			ok[i] = 1;
			queue[tail++] = i;
		}
	}
	while (head < tail) {
		size_t v = queue[head++];

		for (size_t e = v > 0 ? off[v - 1] : 0; e < off[v]; e++)
			if (!ok[from[e]]) {
				ok[from[e]] = 1;
				queue[tail++] = from[e];
			}
	}
	free(from);
	free(off);
	return ok;
}

/* ---- nodes ---- */

static void
check_node(struct checker *c, const struct kw_node *nd, int keyfmt_ok,
    int reached, int out)
{
	const struct kw_tree *t = c->t;

	if (!out)
		ERR(c, nd->pos, "no way out: every path from here loops");
	if (!reached && t->start != NULL)
		WARN(c, nd->pos, "node '%s' is unreachable from the start "
		    "node '%s'", nd->id, t->start->id);
	if ((c->flags & KW_CHECK_TRAINING) && nd->type != KW_NODE_OUTCOME &&
	    nd->type != KW_NODE_LOGIC &&
	    nd->why.pos.line == 0)
		ERR(c, nd->pos, "missing 'why' (required in training mode)");
	if (nd->title.pos.line == 0 && c->titled &&
	    nd->type != KW_NODE_LOGIC)	/* never shown */
		WARN(c, nd->pos, "missing 'title' (other nodes have one; "
		    "this one shows a heading for its type)");
	if (nd->type == KW_NODE_KEY && !keyfmt_ok)
		ERR(c, nd->pos, "key node cannot use this tree's product_key "
		    "format (see %u:%u)", t->keyfmt.pos.line,
		    t->keyfmt.pos.col);
	check_text(c, &nd->title, "title");
	check_text(c, &nd->text, "text");
	check_text(c, &nd->why, "why");
	check_text(c, &nd->contact, "contact");
	check_text(c, &nd->tell, "tell");
	for (size_t i = 0; i < nd->links.n; i++)
		if (!is_http(nd->links.v[i]))
			WARN(c, nd->pos, "link '%s' is not an http:// or "
			    "https:// URL", nd->links.v[i]);
	for (size_t i = 0; i < nd->nitems; i++) {
		check_text(c, &nd->items[i], "item");
		if (tree_text_empty(&nd->items[i]))
			WARN(c, nd->items[i].pos, "empty checklist item");
	}
	for (size_t i = 0; i < nd->nopts; i++) {
		const struct kw_option *o = &nd->opts[i];

		if (o->next == NULL)
			ERR(c, o->pos, "unknown node '%s'%s", o->target,
			    node_hint(c, o->target));
		if (nd->type != KW_NODE_CHOICE)
			continue;
		check_text(c, &o->label, "label");
		check_text(c, &o->message, "message");
		for (size_t j = 0; j < i; j++)
			if (strcmp(nd->opts[j].id, o->id) == 0) {
				ERR(c, o->pos, "duplicate option id '%s' "
				    "(first at %u:%u)", o->id,
				    nd->opts[j].pos.line, nd->opts[j].pos.col);
				break;
			}
	}
}

/* ---- scenarios ---- */

static int
scen_cmp(const void *a, const void *b)
{
	const struct kw_scenario *const *x = a, *const *y = b;
	int r = strcmp((*x)->id, (*y)->id);

	if (r != 0)
		return r;
	return *x < *y ? -1 : *x > *y;
}

static void
check_scenario_ids(struct checker *c)
{
	const struct kw_tree *t = c->t;
	const struct kw_scenario **v;

	if (t->nscenarios < 2)
		return;
	v = xcalloc(t->nscenarios, sizeof *v);
	for (size_t i = 0; i < t->nscenarios; i++)
		v[i] = &t->scenarios[i];
	qsort(v, t->nscenarios, sizeof *v, scen_cmp);
	for (size_t i = 1; i < t->nscenarios; i++)
		if (strcmp(v[i - 1]->id, v[i]->id) == 0)
			ERR(c, v[i]->pos, "duplicate scenario id '%s' (first "
			    "at %u:%u)", v[i]->id, v[i - 1]->pos.line,
			    v[i - 1]->pos.col);
	free(v);
}

static const struct kw_option *
find_answer(const struct kw_node *nd, const char *answer)
{
	for (size_t i = 0; i < nd->nopts; i++)
		if (strcmp(nd->opts[i].id, answer) == 0)
			return &nd->opts[i];
	return NULL;
}

static void
check_scenario(struct checker *c, const struct kw_scenario *s)
{
	const struct kw_tree *t = c->t;
	const struct kw_node *nd, *to;
	const struct kw_option *o;
	size_t n = s->path.n;

	check_text(c, &s->caller, "caller");
	for (size_t i = 0; i < n; i++)
		if (tree_find(t, s->path.v[i]) == NULL) {
			ERR(c, s->pos, "scenario '%s': unknown node '%s' in "
			    "'path'%s", s->id, s->path.v[i],
			    node_hint(c, s->path.v[i]));
			return;
		}
	if (t->start != NULL && strcmp(s->path.v[0], t->start->id) != 0)
		ERR(c, s->pos, "scenario '%s' does not begin at the start "
		    "node '%s'", s->id, t->start->id);
	if (s->answers.n + 1 != n) {
		ERR(c, s->pos, "scenario '%s': a path of %zu nodes needs %zu "
		    "answers, not %zu", s->id, n, n - 1, s->answers.n);
		return;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		nd = tree_find(t, s->path.v[i]);
		to = tree_find(t, s->path.v[i + 1]);
		if ((o = find_answer(nd, s->answers.v[i])) == NULL) {
			struct kw_suggest sg;

			check_suggest_init(&sg, s->answers.v[i]);
			for (size_t j = 0; j < nd->nopts; j++)
				check_suggest_try(&sg, nd->opts[j].id);
			ERR(c, s->pos, "scenario '%s': node '%s' has no answer "
			    "'%s'%s%s%s", s->id, nd->id, s->answers.v[i],
			    sg.best != NULL ? " (did you mean '" : "",
			    sg.best != NULL ? sg.best : "",
			    sg.best != NULL ? "'?)" : "");
			return;
		}
		if (o->next != to) {
			ERR(c, s->pos, "scenario '%s': answer '%s' at node "
			    "'%s' leads to '%s', not '%s'", s->id, o->id,
			    nd->id, o->target, to->id);
			return;
		}
	}
	nd = tree_find(t, s->path.v[n - 1]);
	if (nd->type != KW_NODE_OUTCOME)
		ERR(c, s->pos, "scenario '%s' ends at '%s', which is not an "
		    "outcome", s->id, nd->id);
}

size_t
check_tree(const struct kw_tree *t, unsigned flags, struct kw_diags *diags)
{
	struct checker c = { .t = t, .flags = flags, .d = diags };
	size_t *queue = xcalloc(t->nnodes ? t->nnodes : 1, sizeof *queue);
	unsigned char *reached, *out;
	int keyfmt_ok;

	check_text(&c, &t->title, "title");
	/* a tree that titles its nodes should title every one */
	for (size_t i = 0; i < t->nnodes && !c.titled; i++)
		c.titled = t->nodes[i].title.pos.line > 0;
	keyfmt_ok = check_keyfmt(&c);
	if (t->start == NULL)
		ERR(&c, t->start_pos, "unknown start node '%s'%s",
		    t->start_id != NULL ? t->start_id : "",
		    node_hint(&c, t->start_id != NULL ? t->start_id : ""));
	reached = reachable(t, queue);
	out = way_out(t, queue);
	for (size_t i = 0; i < t->nnodes; i++)
		check_node(&c, &t->nodes[i], keyfmt_ok, reached[i], out[i]);
	c.nerrors += check_facts(t, diags);
	check_scenario_ids(&c);
	for (size_t i = 0; i < t->nscenarios; i++)
		check_scenario(&c, &t->scenarios[i]);
	free(reached);
	free(out);
	free(queue);
	diags_sort(diags);
	return c.nerrors;
}
