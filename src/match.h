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

/* Prepare the options of `choice` (a choice node; every option is a
 * candidate), or every choice option in the tree that has a message or
 * match phrases when `choice` is NULL: the option's message, match phrases
 * and label in every language of the tree, match-only ones included,
 * whatever the UI language. The matcher borrows the tree: free it first.
 * Free with match_free (accepts NULL). */
struct kw_matcher *match_new(const struct kw_tree *t,
    const struct kw_node *choice);
void match_free(struct kw_matcher *m);

/* Rank the candidates against `text`, however it arrived (typed key by
 * key, pasted, read from a prompt): any case, accents or not, any quotes,
 * apostrophes, punctuation and words around it, a number for <x>, typos of
 * one letter, any language of the tree, Chinese, Japanese and Korean with
 * or without spaces; a fragment of three words, a shorter one or a single
 * word that few messages have; the last word may be unfinished when the
 * text ends inside it. Writes at most `max` plausible candidates (best
 * first; equal scores in tree order) to `out` and returns how many. 0
 * means nothing is plausible. Candidates far below the best are left out.
 * Time: the text's length plus the index entries of its words (the
 * matcher keeps its scratch space from one query to the next: one query
 * at a time). */
size_t match_rank(struct kw_matcher *m, const char *text,
    struct kw_match *out, size_t max);

/* The language (an index into the tree's languages; 0 unless set) that
 * names a match (kw_match.lang) when its wording matches about as well
 * as the best one: the interface language, so that "expi", which begins
 * "expired" and "expiré", is recognised as English in English. */
void match_prefer(struct kw_matcher *m, size_t lang);

/* `s` as the matcher reads it: its words (or character pairs) folded,
 * separated by single spaces. Caller frees. */
char *match_fold(const char *s);

#endif
