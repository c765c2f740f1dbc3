/* SPDX-License-Identifier: MIT */
/* check.h - semantic checks of a loaded tree */
#ifndef KW_CHECK_H
#define KW_CHECK_H

#include "diag.h"
#include "tree.h"

enum {
	KW_CHECK_TRAINING = 1 << 0	/* also require `why` on key, choice,
					 * question, step and wait nodes */
};

/*
 * Check a loaded tree's meaning and add what is wrong to `diags`, sorted by
 * position (see keywiz-tree(5) "DIAGNOSTICS" for the full list):
 * errors: unknown start or targets, nodes from which no outcome can be
 * reached, missing translations, duplicate option ids in a choice, an
 * unusable product_key format, scenarios that do not follow the tree;
 * warnings: unreachable nodes, links that are not http(s) URLs, empty
 * checklist items.
 * Returns the number of errors added (0: the tree is safe to run).
 */
size_t check_tree(const struct kw_tree *t, unsigned flags,
    struct kw_diags *diags);

/* The checks of the call's facts (check-facts.c), run by check_tree():
 * errors: unknown placeholders, placeholders that can never be set where
 * they are used, logic tests on unknown nodes, answers or errors, a loop
 * of logic nodes; warnings: a logic test or rule that can never hold, a
 * placeholder that is always empty. Returns the number of errors. */
size_t check_facts(const struct kw_tree *t, struct kw_diags *diags);

/*
 * "Did you mean" hints, shared with the loader: offer each candidate in
 * turn, then read `best` (NULL when none is close enough: an edit distance
 * of at most 2 that is less than the candidate's length, else a prefix
 * either way). Ties go to the first candidate offered.
 */
struct kw_suggest {
	const char *word;
	const char *best;
	unsigned score;
};

void check_suggest_init(struct kw_suggest *s, const char *word);
void check_suggest_try(struct kw_suggest *s, const char *cand);

#endif
