/* SPDX-License-Identifier: MIT */
/* practice.c - training: a scenario's caller, and scoring a walk against it */
#include "config.h"

#include <string.h>

#include "practice.h"

const char *
practice_answer_id(const struct kw_node *n, int opt)
{
	if (opt < 0 || (size_t)opt >= n->nopts)
		return NULL;
	return n->opts[opt].id;
}

/* The index of node id `id` on the scenario's path, or -1. */
static long
path_index(const struct kw_scenario *sc, const char *id)
{
	for (size_t i = 0; i < sc->path.n; i++)
		if (strcmp(sc->path.v[i], id) == 0)
			return (long)i;
	return -1;
}

const char *
practice_caller_answer(const struct kw_scenario *sc, const struct kw_node *n)
{
	long i = path_index(sc, n->id);

	if (i < 0 || (size_t)i >= sc->answers.n)
		return NULL;
	return sc->answers.v[i];
}

int
practice_caller_option(const struct kw_scenario *sc, const struct kw_node *n)
{
	const char *a = practice_caller_answer(sc, n);

	if (a == NULL)
		return -1;
	for (size_t i = 0; i < n->nopts; i++)
		if (strcmp(n->opts[i].id, a) == 0)
			return (int)i;
	return -1;
}

/* Whether step `i` of the scenario's path is one the session takes by
 * itself (a logic node): not an answer the trainee gives. */
static int
routed(const struct kw_tree *t, const struct kw_scenario *sc, size_t i)
{
	const struct kw_node *n = tree_find(t, sc->path.v[i]);

	return n != NULL && n->type == KW_NODE_LOGIC;
}

static void
add_item(struct kw_practice_score *out, enum kw_practice_kind kind,
    const struct kw_node *node, const char *expected, const char *given)
{
	struct kw_practice_item *it;

	if (out->nitems >= KW_PRACTICE_ITEMS_MAX)
		return;
	it = &out->item[out->nitems++];
	it->kind = kind;
	it->node = node;
	it->expected = expected;
	it->given = given;
}

void
practice_score(const struct kw_tree *t, const struct kw_scenario *sc,
    const struct kw_session *s, struct kw_practice_score *out)
{
	size_t depth = session_depth(s), e = 0, added = 0, points;
	long penalty;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < sc->answers.n && i < sc->path.n; i++)
		out->expected += !routed(t, sc, i);
	out->outcome = session_outcome(s);
	if (sc->path.n > 0)
		out->expected_outcome = tree_find(t, sc->path.v[sc->path.n - 1]);

	/* Walk the actual path; expected nodes are met in order (a tree walk
	 * cannot revisit them out of order without a loop). */
	for (size_t i = 0; i < depth; i++) {
		const struct kw_step *st = session_step(s, i);
		const char *given = practice_answer_id(st->node, st->opt);
		long at = path_index(sc, st->node->id);

		if (st->node->type == KW_NODE_LOGIC)
			continue;	/* routed by the session, not answered */
		if (at < 0 || (size_t)at < e) {
			if (st->node->type != KW_NODE_OUTCOME) {
				add_item(out, KW_PRACTICE_ADDED, st->node,
				    NULL, given);
				added++;
			}
			continue;
		}
		/* expected steps skipped to get here */
		for (; e < (size_t)at; e++)
			if (!routed(t, sc, e))
				add_item(out, KW_PRACTICE_MISSED,
				    tree_find(t, sc->path.v[e]),
				    e < sc->answers.n ? sc->answers.v[e] :
				    NULL, NULL);
		if (e < sc->answers.n) {
			if (given == NULL)
				add_item(out, KW_PRACTICE_MISSED, st->node,
				    sc->answers.v[e], NULL);
			else if (strcmp(given, sc->answers.v[e]) == 0)
				out->correct++;
			else
				add_item(out, KW_PRACTICE_WRONG, st->node,
				    sc->answers.v[e], given);
		}
		e++;
	}
	for (; e < sc->answers.n; e++)
		if (!routed(t, sc, e))
			add_item(out, KW_PRACTICE_MISSED,
			    tree_find(t, sc->path.v[e]), sc->answers.v[e],
			    NULL);
	out->outcome_ok = out->outcome != NULL &&
	    out->outcome == out->expected_outcome;
	points = out->correct + (out->outcome_ok ? 1 : 0);
	penalty = (long)(100 * points / (out->expected + 1)) - 5 * (long)added;
	out->score = penalty > 0 ? (unsigned)penalty : 0;
}
