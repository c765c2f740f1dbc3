/* SPDX-License-Identifier: MIT */
/* test_tree.c - the tree model: arena, text fallback, languages, id index, names */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tree.h"

Test(tree, arena_small_and_big)
{
	struct kw_tree *t = tree_new();
	unsigned char *p[2000];

	for (size_t i = 0; i < 2000; i++) {
		size_t n = i % 97 + 1;

		p[i] = tree_alloc(t, n);
		cr_assert_eq((uintptr_t)p[i] % alignof(max_align_t), 0);
		for (size_t j = 0; j < n; j++)
			cr_assert_eq(p[i][j], 0, "zeroed");
		memset(p[i], (int)(i & 0xFF), n);
	}
	/* a big block between small ones does not disturb them (it is not
	 * zeroed by tree.c today: see the report) */
	unsigned char *big = tree_alloc(t, 1 << 20);

	cr_assert_eq((uintptr_t)big % alignof(max_align_t), 0);
	memset(big, 0xAB, 1 << 20);
	unsigned char *after = tree_alloc(t, 16);

	cr_assert_eq(after[15], 0);
	for (size_t i = 0; i < 2000; i++)
		cr_assert_eq(p[i][i % 97], (unsigned char)(i & 0xFF));
	cr_assert_not_null(tree_alloc(t, 0));
	tree_free(t);
	tree_free(NULL);
}

Test(tree, strndup)
{
	struct kw_tree *t = tree_new();
	const char *s = tree_strndup(t, "hello world", 5);

	cr_assert_str_eq(s, "hello");
	cr_assert_str_eq(tree_strndup(t, "", 0), "");
	cr_assert_str_eq(t->version, "", "a new tree has no version");
	tree_free(t);
}

Test(tree, text_fallback)
{
	struct kw_tree *t = tree_new();
	struct kw_text x;

	t->nlangs = 3;
	memset(&x, 0, sizeof x);
	cr_assert_str_eq(tree_text(&x, 0), "");
	cr_assert_eq(tree_text_set(&x), 0);
	cr_assert_null(tree_text_lang(&x, 0));
	tree_text_put(t, &x, 1, "Bonjour");
	cr_assert_eq(x.n, 3, "one slot per language of the tree");
	cr_assert_eq(tree_text_set(&x), 1);
	cr_assert_str_eq(tree_text(&x, 0), "Bonjour", "first that has one");
	cr_assert_null(tree_text_lang(&x, 0), "no fallback");
	tree_text_put(t, &x, 0, "Hello");
	cr_assert_str_eq(tree_text(&x, 0), "Hello");
	cr_assert_str_eq(tree_text(&x, 1), "Bonjour");
	cr_assert_str_eq(tree_text(&x, 2), "Hello");
	cr_assert_str_eq(tree_text(&x, KW_LANG_MAX + 5), "Hello");
	cr_assert_null(tree_text_lang(&x, KW_LANG_MAX + 5));
	tree_text_put(t, &x, 5, "Hallo");
	cr_assert_eq(x.n, 6, "grows for a language past the tree's");
	cr_assert_str_eq(tree_text_lang(&x, 1), "Bonjour", "kept");
	cr_assert_str_eq(tree_text_lang(&x, 5), "Hallo");
	tree_free(t);
}

Test(tree, match_phrases)
{
	struct kw_tree *t = tree_new();
	struct kw_option o;
	const char *v[] = { "is not valid", "isn't valid" };
	struct kw_strv m = { v, 2 };

	t->nlangs = 2;
	memset(&o, 0, sizeof o);
	cr_assert_eq(tree_match(&o, 0)->n, 0, "none: an empty list");
	cr_assert_eq(tree_match(&o, KW_LANG_MAX)->n, 0);
	tree_match_put(t, &o, 1, &m);
	cr_assert_eq(o.nmatch, 2);
	cr_assert_eq(tree_match(&o, 0)->n, 0);
	cr_assert_eq(tree_match(&o, 1)->n, 2);
	cr_assert_str_eq(tree_match(&o, 1)->v[1], "isn't valid");
	tree_free(t);
}

struct lang_case {
	char code[16];
	int want;
};

ParameterizedTestParameters(tree, lang)
{
	static struct lang_case cases[] = {
		{ "en", 0 }, { "fr", 1 }, { "fr_FR.UTF-8", 1 },
		{ "en.UTF-8", 0 }, { "fr@euro", 1 }, { "fr-CA", 1 },
		{ "de", -1 }, { "f", -1 }, { "fra", -1 }, { "", -1 },
		{ "EN", -1 },
	};

	return cr_make_param_array(struct lang_case, cases,
	    sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct lang_case *c, tree, lang)
{
	struct kw_tree *t = tree_new();

	t->langs[0] = "en";
	t->langs[1] = "fr";
	t->nlangs = 2;
	cr_assert_eq(tree_lang(t, c->code), c->want, "'%s'", c->code);
	tree_free(t);
}

static struct kw_tree *
tree_with(const char *const *ids, size_t n)
{
	struct kw_tree *t = tree_new();

	t->nodes = tree_alloc(t, n * sizeof *t->nodes);
	t->nnodes = n;
	for (size_t i = 0; i < n; i++) {
		t->nodes[i].id = ids[i];
		t->nodes[i].pos.line = (unsigned)i + 1;
	}
	return t;
}

Test(tree, find_and_index)
{
	static const char *const ids[] = { "m", "c", "x", "a", "q" };
	struct kw_tree *t = tree_with(ids, 5);

	/* before the index: a linear search */
	cr_assert_eq(tree_find(t, "x"), &t->nodes[2]);
	cr_assert_null(tree_find(t, "b"));
	cr_assert_null(tree_index(t));
	for (size_t i = 0; i < 5; i++) {
		cr_assert_eq(t->nodes[i].index, i);
		cr_assert_eq(tree_find(t, ids[i]), &t->nodes[i]);
	}
	cr_assert_null(tree_find(t, ""));
	cr_assert_null(tree_find(t, "zz"));
	cr_assert_null(tree_find(t, "0"));
	tree_free(t);
}

Test(tree, index_duplicate_is_the_later)
{
	static const char *const ids[] = { "b", "dup", "a", "dup", "c" };
	struct kw_tree *t = tree_with(ids, 5);
	const struct kw_node *dup = tree_index(t);

	cr_assert_eq(dup, &t->nodes[3]);
	tree_free(t);
}

Test(tree, index_reports_the_first_repeat_in_file_order)
{
	static const char *const ids[] = { "z", "a", "z", "a", "a" };
	struct kw_tree *t = tree_with(ids, 5);

	cr_assert_eq(tree_index(t), &t->nodes[2]);
	cr_assert_eq(tree_find(t, "z"), &t->nodes[0], "the first one is found");
	cr_assert_eq(tree_find(t, "a"), &t->nodes[1]);
	tree_free(t);
}

/* Enough nodes for long probe sequences and a table that grows. */
Test(tree, index_many)
{
	enum { N = 5000 };
	static char names[N][16];
	static const char *ids[N];
	struct kw_tree *t;
	char miss[16];

	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "n-%zu", i * 7);
		ids[i] = names[i];
	}
	t = tree_with(ids, N);
	cr_assert_null(tree_index(t));
	for (size_t i = 0; i < N; i++) {
		cr_assert_eq(tree_find(t, ids[i]), &t->nodes[i], "%s", ids[i]);
		snprintf(miss, sizeof miss, "n-%zu", i * 7 + 1);
		cr_assert_null(tree_find(t, miss), "%s", miss);
	}
	cr_assert_null(tree_index(t), "indexing again is harmless");
	cr_assert_eq(tree_find(t, "n-0"), &t->nodes[0]);
	tree_free(t);
}

/* An adopted array goes with the tree (the sanitizer and valgrind runs
 * would report it otherwise). */
Test(tree, adopt)
{
	struct kw_tree *t = tree_new();

	for (size_t i = 0; i < 100; i++) {
		char *p = malloc(64 + i);

		cr_assert_not_null(p);
		cr_assert_eq(tree_adopt(t, p), p);
	}
	tree_free(t);
}

Test(tree, empty_index)
{
	struct kw_tree *t = tree_new();

	cr_assert_null(tree_index(t));
	cr_assert_null(tree_find(t, "a"));
	tree_free(t);
}

Test(tree, names)
{
	static const char *const types[] = {
		"key", "choice", "question", "step", "wait", "outcome", "field",
		"logic"
	};
	static const char *const results[] = {
		"resolved", "escalate", "redirect", "unresolved"
	};

	for (int i = 0; i < KW_NODE_TYPE_COUNT; i++)
		cr_assert_str_eq(tree_type_name((enum kw_node_type)i),
		    types[i]);
	for (int i = 0; i < KW_RESULT_COUNT; i++)
		cr_assert_str_eq(tree_result_name((enum kw_result)i),
		    results[i]);
	cr_assert_str_eq(tree_type_name(KW_NODE_TYPE_COUNT), "?");
	cr_assert_str_eq(tree_result_name(KW_RESULT_COUNT), "?");
}

/* ---- the format's rules, in one place ---- */

static const struct {
	const char *id;
	int option, node;	/* valid as an option's id, a node's */
} id_rows[] = {
	{ "not-admin", 1, 1 }, { "Renew.2", 1, 1 }, { "_x", 1, 0 },
	{ "-x", 1, 0 }, { "", 1, 0 }, { "one two", 0, 0 }, { "é", 0, 0 },
	{ "a!", 0, 0 },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    1, 1 },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    0, 0 }
};

TU_TABLE_TEST(tree, ids, sizeof id_rows / sizeof id_rows[0], .timeout = 10)
{
	cr_assert_eq(tree_option_id_valid(id_rows[*ip].id),
	    id_rows[*ip].option, "option id '%s'", id_rows[*ip].id);
	cr_assert_eq(tree_id_valid(id_rows[*ip].id, 0), id_rows[*ip].node,
	    "node id '%s'", id_rows[*ip].id);
}

Test(tree, fixed_answers_per_node_type)
{
	const char *const *a;

	cr_assert_eq(tree_fixed_answers(KW_NODE_KEY, &a), 1);
	cr_assert_str_eq(a[0], "next");
	cr_assert_eq(tree_fixed_answers(KW_NODE_QUESTION, &a), 2);
	cr_assert_str_eq(a[KW_OPT_YES], "yes");
	cr_assert_str_eq(a[KW_OPT_NO], "no");
	cr_assert_eq(tree_fixed_answers(KW_NODE_WAIT, &a), 2);
	cr_assert_str_eq(a[KW_OPT_WORKED], "worked");
	cr_assert_str_eq(a[KW_OPT_FAILING], "failing");
	cr_assert_eq(tree_fixed_answers(KW_NODE_STEP, &a), 1);
	cr_assert_eq(tree_fixed_answers(KW_NODE_CHOICE, &a), 0);
	cr_assert_eq(tree_fixed_answers(KW_NODE_OUTCOME, &a), 0);
}

Test(tree, characters_a_tree_may_hold)
{
	cr_assert(tree_char_valid('a', 0));
	cr_assert(tree_char_valid('\t', 0));
	cr_assert(tree_char_valid('\n', 0));
	cr_assert(tree_char_valid(0xA0, 0));
	cr_assert(tree_char_valid(0x2028, 0));
	cr_assert_not(tree_char_valid(0x1B, 0));
	cr_assert_not(tree_char_valid(0x7F, 0));
	cr_assert_not(tree_char_valid(0x9B, 0));
	cr_assert_not(tree_char_valid('\r', 0));
	cr_assert(tree_char_valid('\r', 1), "the file's own line break");
	cr_assert(tree_char_valid(0x85, 1));
	cr_assert_not(tree_char_valid(0x85, 0));
}

Test(tree, empty_text)
{
	const char *none[] = { NULL, "" }, *one[] = { NULL, "x" };
	struct kw_text a = { .s = none, .n = 2 }, b = { .s = one, .n = 2 };
	struct kw_text c = { .s = NULL, .n = 0 };

	cr_assert(tree_text_empty(&a));
	cr_assert_not(tree_text_empty(&b));
	cr_assert(tree_text_empty(&c));
}
