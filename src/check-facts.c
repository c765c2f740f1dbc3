/* SPDX-License-Identifier: MIT */
/* check-facts.c - semantic checks of the call's facts: placeholders set where they are used, logic rules that can hold, no loop of logic nodes */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "facts.h"
#include "xalloc.h"

struct fchecker {
	const struct kw_tree *t;
	struct kw_diags *d;
	size_t *queue;
	unsigned char *after_key, *after_error;	/* by node index */
	unsigned char **after;	/* after[i]: reached from node i's answers,
				 * made when first needed */
};

#define ERR(c, pos, ...) diags_add((c)->d, KW_SEV_ERROR, pos, __VA_ARGS__)
#define WARN(c, pos, ...) diags_add((c)->d, KW_SEV_WARNING, pos, __VA_ARGS__)

/* Nodes reached by following edges from the nodes `from` marks (the
 * edge out of a choice option with a message only, when `errors`). */
static unsigned char *
reach(struct fchecker *c, const unsigned char *from, int errors)
{
	const struct kw_tree *t = c->t;
	unsigned char *seen = xcalloc(t->nnodes ? t->nnodes : 1, 1);
	size_t head = 0, tail = 0;

	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *nd = &t->nodes[i];

		for (size_t j = 0; j < nd->nopts; j++) {
			const struct kw_node *to = nd->opts[j].next;

			if (to == NULL || seen[to->index])
				continue;
			if (errors ? nd->type == KW_NODE_CHOICE &&
			    tree_text_set(&nd->opts[j].message) : from[i]) {
				seen[to->index] = 1;
				c->queue[tail++] = to->index;
			}
		}
	}
	while (head < tail) {
		const struct kw_node *nd = &t->nodes[c->queue[head++]];

		for (size_t j = 0; j < nd->nopts; j++) {
			const struct kw_node *to = nd->opts[j].next;

			if (to != NULL && !seen[to->index]) {
				seen[to->index] = 1;
				c->queue[tail++] = to->index;
			}
		}
	}
	return seen;
}

static const unsigned char *
after_node(struct fchecker *c, const struct kw_node *n)
{
	unsigned char *one;

	if (c->after[n->index] == NULL) {
		one = xcalloc(c->t->nnodes, 1);
		one[n->index] = 1;
		c->after[n->index] = reach(c, one, 0);
		free(one);
	}
	return c->after[n->index];
}

/* Whether name `name` can have a value at node `at` (SIZE_MAX: a text
 * of the tree's own, shown before any answer); if not, why, in `why`. */
static int
can_be_set(struct fchecker *c, const char *name, size_t at, char *why,
    size_t size, enum kw_fact_src *src)
{
	const struct kw_node *n;

	*src = facts_source(c->t, name, strlen(name), &n, why, size);
	switch (*src) {
	case KW_SRC_UNKNOWN:
		return -1;
	case KW_SRC_ALWAYS:
	case KW_SRC_GIVEN:
		return 1;
	case KW_SRC_VERSION:
		snprintf(why, size, "the tree has no 'version'");
		return c->t->version[0] != '\0';
	case KW_SRC_KEY:
		snprintf(why, size, "no path from a key node leads here");
		return at != SIZE_MAX && c->after_key[at];
	case KW_SRC_ERROR:
		snprintf(why, size, "no path through an answer that carries "
		    "an error message leads here");
		return at != SIZE_MAX && c->after_error[at];
	case KW_SRC_NODE:
		snprintf(why, size, "no path from node '%s' leads here",
		    n->id);
		return at != SIZE_MAX && after_node(c, n)[at];
	}
	return -1;
}

static void
check_use(struct fchecker *c, const struct kw_use *u)
{
	enum kw_fact_src src;
	struct kw_suggest sg;
	char why[160];
	int r = can_be_set(c, u->name, u->node, why, sizeof why, &src);

	if (r > 0)
		return;
	if (r < 0 && strcmp(why, "unknown name") == 0) {
		check_suggest_init(&sg, u->name);
		for (size_t i = 0; kw_fact_names[i] != NULL; i++)
			check_suggest_try(&sg, kw_fact_names[i]);
		ERR(c, u->pos, "unknown placeholder '{%s}'%s%s%s",
		    u->name, sg.best != NULL ? " (did you mean '{" : "",
		    sg.best != NULL ? sg.best : "", sg.best != NULL ? "}'?)" :
		    " (see keywiz-tree(5) PLACEHOLDERS)");
		return;
	}
	if (r < 0) {
		ERR(c, u->pos, "placeholder '{%s}': %s", u->name, why);
		return;
	}
	if (src == KW_SRC_VERSION || u->fallback) {
		/* the fallback shows, or the tree's version is missing */
		if (!u->fallback)
			WARN(c, u->pos, "placeholder '{%s}' is always "
			    "empty: %s", u->name, why);
		return;
	}
	ERR(c, u->pos, "placeholder '{%s}' can never be set here: %s",
	    u->name, why);
}

/* ---- logic ---- */

static const struct kw_option *
option_named(const struct kw_node *n, const char *id)
{
	for (size_t i = 0; i < n->nopts; i++)
		if (strcmp(n->opts[i].id, id) == 0)
			return &n->opts[i];
	return NULL;
}

/* Whether node `at` can follow answer `o`: its target, or a node reached
 * from there. */
static int
after_answer(struct fchecker *c, const struct kw_option *o, size_t at)
{
	return o->next != NULL && (o->next->index == at ||
	    after_node(c, o->next)[at]);
}

/* An error option: a choice option with a message and this id. Returns
 * 0 when there is none, 1 when none leads to node `at`, 2 when one does. */
static int
error_option(struct fchecker *c, const char *id, size_t at)
{
	int found = 0;

	for (size_t i = 0; i < c->t->nnodes && found < 2; i++) {
		const struct kw_node *n = &c->t->nodes[i];
		const struct kw_option *o;

		if (n->type == KW_NODE_CHOICE &&
		    (o = option_named(n, id)) != NULL &&
		    tree_text_set(&o->message))
			found = after_answer(c, o, at) ? 2 : 1;
	}
	return found;
}

#define NEVER(c, cond, ...) WARN(c, (cond)->pos, \
	"this test can never hold: " __VA_ARGS__)

static void
check_cond(struct fchecker *c, const struct kw_node *at,
    const struct kw_cond *k)
{
	const struct kw_option *o;
	enum kw_fact_src src;
	char why[160];
	int r;

	switch (k->fact) {
	case KW_COND_KEY:
	case KW_COND_NCOUNT:
		if (!c->after_key[at->index] && (k->fact != KW_COND_KEY ||
		    strcmp(k->value, "missing") != 0))
			NEVER(c, k, "no path from a key node leads here");
		break;
	case KW_COND_ERROR:
		if ((r = error_option(c, k->value, at->index)) == 0)
			ERR(c, k->pos, "no choice option '%s' "
			    "carries an error message", k->value);
		else if (r == 1)
			NEVER(c, k, "no path from the error '%s' leads here",
			    k->value);
		break;
	case KW_COND_ANSWER:
		if (k->node == NULL)
			ERR(c, k->pos, "unknown node '%s'",
			    k->id);
		else if ((o = option_named(k->node, k->value)) == NULL ||
		    k->node->type == KW_NODE_LOGIC ||
		    k->node->type == KW_NODE_OUTCOME)
			ERR(c, k->pos, "node '%s' has no "
			    "answer '%s'", k->id, k->value);
		else if (!after_answer(c, o, at->index))
			NEVER(c, k, "no path from answer '%s' at node '%s' "
			    "leads here", k->value, k->id);
		break;
	case KW_COND_SET:
	case KW_COND_EMPTY:
		r = can_be_set(c, k->value, at->index, why, sizeof why, &src);
		if (r < 0)
			ERR(c, k->pos, "'%s': %s", k->value,
			    why);
		else if (r == 0 && k->fact == KW_COND_SET)
			NEVER(c, k, "%s", why);
		break;
	case KW_COND_FACT_COUNT:
		break;
	}
}

static void
check_logic(struct fchecker *c, const struct kw_node *n)
{
	for (size_t i = 0; i < n->nrules; i++) {
		const struct kw_rule *r = &n->rules[i];

		for (size_t j = 0; j < r->nconds; j++)
			check_cond(c, n, &r->conds[j]);
		for (size_t j = 0; j < i; j++)
			if (strcmp(n->rules[j].shown, r->shown) == 0) {
				WARN(c, r->pos, "this rule can "
				    "never hold: rule %zu (at %u:%u) has the "
				    "same tests", j + 1, n->rules[j].pos.line,
				    n->rules[j].pos.col);
				break;
			}
	}
}

/* A loop of logic nodes would route for ever: each is reported once. */
static void
check_logic_loops(struct fchecker *c)
{
	const struct kw_tree *t = c->t;
	unsigned char *state = xcalloc(t->nnodes ? t->nnodes : 1, 1);

	/* 0 new, 1 on the walk, 2 done; walks follow logic nodes only */
	for (size_t i = 0; i < t->nnodes; i++) {
		size_t depth = 0;

		if (t->nodes[i].type != KW_NODE_LOGIC || state[i] != 0)
			continue;
		c->queue[depth++] = i;
		state[i] = 1;
		while (depth > 0) {
			const struct kw_node *n = &t->nodes[c->queue[depth -
			    1]];
			const struct kw_node *to = NULL;

			for (size_t j = 0; j < n->nopts && to == NULL; j++) {
				const struct kw_node *x = n->opts[j].next;

				if (x == NULL || x->type != KW_NODE_LOGIC)
					continue;
				if (state[x->index] == 1) {
					ERR(c, n->opts[j].pos,
					    "logic node '%s' leads back to "
					    "logic node '%s' without a "
					    "question between: a loop",
					    n->id, x->id);
					state[x->index] = 2;
				} else if (state[x->index] == 0)
					to = x;
			}
			if (to != NULL) {
				state[to->index] = 1;
				c->queue[depth++] = to->index;
			} else {
				state[n->index] = 2;
				depth--;
			}
		}
	}
	free(state);
}

size_t
check_facts(const struct kw_tree *t, struct kw_diags *diags)
{
	struct fchecker c = { .t = t, .d = diags };
	size_t before = diags->nerrors;
	unsigned char *keys = xcalloc(t->nnodes ? t->nnodes : 1, 1);

	c.queue = xcalloc(t->nnodes ? t->nnodes : 1, sizeof *c.queue);
	c.after = xcalloc(t->nnodes ? t->nnodes : 1, sizeof *c.after);
	for (size_t i = 0; i < t->nnodes; i++)
		keys[i] = t->nodes[i].type == KW_NODE_KEY;
	c.after_key = reach(&c, keys, 0);
	c.after_error = reach(&c, keys, 1);
	for (size_t i = 0; i < t->nuses; i++)
		check_use(&c, &t->uses[i]);
	for (size_t i = 0; i < t->nnodes; i++)
		if (t->nodes[i].type == KW_NODE_LOGIC)
			check_logic(&c, &t->nodes[i]);
	check_logic_loops(&c);
	for (size_t i = 0; i < t->nnodes; i++)
		free(c.after[i]);
	free(c.after);
	free(c.after_key);
	free(c.after_error);
	free(keys);
	free(c.queue);
	return diags->nerrors - before;
}
