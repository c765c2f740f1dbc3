/* SPDX-License-Identifier: MIT */
/* match.h - ranking pasted error text against the tree's messages */
#ifndef KW_MATCH_H
#define KW_MATCH_H

#include <stddef.h>

#include "tree.h"

/* One candidate: option `opt` of choice node `node`. */
struct kw_match {
	const struct kw_node *node;
	size_t opt;
	double score;		/* 0..1; higher is better: 1 for the message
				 * verbatim, about 0.8 for a typed fragment;
				 * below 0.4 is never returned */
	size_t lang;		/* language of the phrase that matched best */
};

struct kw_matcher;

/* Prepare the phrases of `choice` (a choice node), or of every choice option
 * in the tree that has a message when `choice` is NULL: the option's message
 * and match phrases in every language of the tree, whatever the UI language
 * (an option with only match phrases is a candidate too). The matcher
 * borrows the tree: free it first. Free with match_free (accepts NULL). */
struct kw_matcher *match_new(const struct kw_tree *t,
    const struct kw_node *choice);
void match_free(struct kw_matcher *m);

/* Rank the candidates against `text` (any case, accents or not, any
 * quotes, punctuation and words around it, a number for <x>, a fragment of
 * three words or more, typos of one letter); writes at most `max`
 * plausible ones (best first; equal scores in tree order) to `out` and
 * returns how many. 0 means nothing is plausible. Candidates far below the
 * best are left out. Time: the text's length plus the index entries of its
 * words; the matcher is not changed (it can be shared). */
size_t match_rank(const struct kw_matcher *m, const char *text,
    struct kw_match *out, size_t max);

#endif
