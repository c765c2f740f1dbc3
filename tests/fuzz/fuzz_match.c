/* SPDX-License-Identifier: MIT */
/* fuzz_match.c - libFuzzer harness: any text pasted at the bundled tree's
 * error choice, and at every choice of the tree at once (match_rank), in
 * any of its languages, match-only ones included */
#include "config.h"

#include <stdlib.h>

#include "fuzzutil.h"
#include "match.h"
#include "xalloc.h"

#define MAX 8

static struct kw_matcher *all, *choice;
static const struct kw_node *choice_node;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const struct kw_tree *t = fz_bundled();

	(void)argc;
	(void)argv;
	for (size_t i = 0; i < t->nnodes && choice_node == NULL; i++)
		if (t->nodes[i].type == KW_NODE_CHOICE)
			choice_node = &t->nodes[i];
	if (choice_node == NULL)
		abort();
	all = match_new(t, NULL);
	choice = match_new(t, choice_node);
	return 0;
}

/* The ranking's promises: at most `max`, best first, scores in 0..1, each
 * an option of a choice node of the tree. */
static void
verify(const struct kw_match *m, size_t n, const struct kw_node *node)
{
	const struct kw_tree *t = fz_bundled();

	if (n > MAX)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (!(m[i].score >= 0.0 && m[i].score <= 1.0) ||
		    (i > 0 && m[i].score > m[i - 1].score) ||
		    m[i].node == NULL || m[i].node->type != KW_NODE_CHOICE ||
		    m[i].opt >= m[i].node->nopts ||
		    m[i].lang >= tree_nlangs_all(t) ||
		    (node != NULL && m[i].node != node))
			abort();
		for (size_t j = 0; j < i; j++)
			if (m[j].node == m[i].node && m[j].opt == m[i].opt)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kw_match m[MAX];
	char *text = fz_cstr(data, size);
	size_t n;

	n = match_rank(choice, text, m, MAX);
	verify(m, n, choice_node);
	n = match_rank(all, text, m, MAX);
	verify(m, n, NULL);
	n = match_rank(choice, text, m, 1);
	if (n > 1)
		abort();
	free(match_fold(text));
	free(text);
	return 0;
}
