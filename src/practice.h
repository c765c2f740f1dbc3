/* SPDX-License-Identifier: MIT */
/* practice.h - training: a scenario's caller, and scoring a walk against it */
#ifndef KW_PRACTICE_H
#define KW_PRACTICE_H

#include <stddef.h>

#include "session.h"
#include "tree.h"

/* What the caller says when asked about the current node: the scenario's
 * answer id for that node when the node is on its expected path ("yes",
 * "no", an option id, ...), or NULL when the caller's story does not say. */
const char *practice_caller_answer(const struct kw_scenario *sc,
    const struct kw_node *n);
/* The option index of that answer at `n`, or -1. */
int practice_caller_option(const struct kw_scenario *sc,
    const struct kw_node *n);

enum kw_practice_kind {
	KW_PRACTICE_MISSED,	/* an expected step the trainee never took */
	KW_PRACTICE_ADDED,	/* a step the call did not need */
	KW_PRACTICE_WRONG	/* the right step, another answer */
};

struct kw_practice_item {
	enum kw_practice_kind kind;
	const struct kw_node *node;
	const char *expected;	/* expected answer id (missed, wrong) */
	const char *given;	/* answer id given (added, wrong), or NULL */
};

#define KW_PRACTICE_ITEMS_MAX 64

struct kw_practice_score {
	unsigned score;		/* 0..100 */
	size_t expected;	/* answers the scenario expects */
	size_t correct;		/* of those, given at the right node */
	int outcome_ok;		/* the walk ended at the expected outcome */
	const struct kw_node *outcome;	/* where it ended (NULL: no outcome) */
	const struct kw_node *expected_outcome;
	size_t asked;		/* steps the caller was asked about
				 * (interact_score: each costs points) */
	struct kw_practice_item item[KW_PRACTICE_ITEMS_MAX];
	size_t nitems;
};

/*
 * Score the session's path against the scenario. Each expected answer
 * given at the right node is a point, reaching the expected outcome is one
 * more; score = 100 * points / (expected + 1), less 5 for each added step,
 * at least 0. Items list, in path order, what was missed, added or answered
 * otherwise (their reasons are the nodes' `why`).
 */
void practice_score(const struct kw_tree *t, const struct kw_scenario *sc,
    const struct kw_session *s, struct kw_practice_score *out);

/* The answer id of option `opt` of node `n` ("next", "yes", ...). */
const char *practice_answer_id(const struct kw_node *n, int opt);

#endif
