/* SPDX-License-Identifier: MIT */
/* test_load.c - the YAML loader: valid trees, limits, errors from memory (the malformed files are tests/hostile/, test_hostile.c) */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "cmd.h"
#include "load.h"
#include "testutil.h"
#include "xalloc.h"

/* "LINE:COL: error: MESSAGE" of each diagnostic a failed load leaves,
 * one a line (no newline after the last). */
static char *
only_error(const struct kw_diags *d)
{
	char *all = xstrdup(""), *more;

	cr_assert_geq(d->n, 1, "a failed load without a diagnostic");
	for (size_t i = 0; i < d->n; i++) {
		cr_assert_eq(d->v[i].sev, KW_SEV_ERROR);
		more = xasprintf("%s%s%u:%u: error: %s", all, i > 0 ? "\n" :
		    "", d->v[i].pos.line, d->v[i].pos.col, d->v[i].msg);
		free(all);
		all = more;
	}
	return all;
}

/* Load fixture `rel` (must fail) and return its error line. */
static char *
load_bad(const char *rel, const struct kw_limits *lim_in)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open = -1;
	char *got;

	if (lim_in != NULL)
		lim = *lim_in;
	else
		load_default_limits(&lim);
	diags_init(&d, rel);
	t = load_tree(tu_src(rel), &lim, &d, &cant_open);
	cr_assert_null(t, "%s loaded but should not", rel);
	cr_assert_eq(cant_open, 0);
	got = only_error(&d);
	diags_free(&d);
	return got;
}

/* Load a buffer (must fail) and return its error line. */
static char *
load_bad_mem(const char *buf, size_t len, const struct kw_limits *lim_in)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	char *got;

	if (lim_in != NULL)
		lim = *lim_in;
	else
		load_default_limits(&lim);
	diags_init(&d, "mem.yaml");
	t = load_tree_mem(buf, len, &lim, &d);
	cr_assert_null(t);
	got = only_error(&d);
	diags_free(&d);
	return got;
}

/* The malformed files, each with the one error it must produce, are the
 * one corpus tests/hostile/ with its EXPECTED table (test_hostile.c). */

/* ---- valid trees ---- */

static struct kw_tree *
load_good(const char *name)
{
	char rel[256];

	snprintf(rel, sizeof rel, "tests/fixtures/good/%s", name);
	return tu_load(tu_src(rel));
}

static const struct kw_node *
node(const struct kw_tree *t, const char *id)
{
	const struct kw_node *n = tree_find(t, id);

	cr_assert_not_null(n, "no node %s", id);
	return n;
}

Test(load, minimal)
{
	struct kw_tree *t = load_good("minimal.yaml");
	const struct kw_node *ask;

	cr_assert_eq(t->format, 1);
	cr_assert_str_eq(t->id, "minimal");
	cr_assert_str_eq(t->version, "");
	cr_assert_str_eq(tree_text(&t->title, 0), "Minimal tree");
	cr_assert_eq(t->nlangs, 1);
	cr_assert_str_eq(t->langs[0], "en");
	cr_assert_eq(t->has_keyfmt, 0);
	cr_assert_eq(t->nnodes, 3);
	cr_assert_eq(t->nscenarios, 0);
	cr_assert_str_eq(t->start_id, "ask");
	cr_assert_eq(t->start, &t->nodes[0]);
	cr_assert_eq(t->start_pos.line, 6);
	cr_assert_eq(t->start_pos.col, 8);
	ask = t->start;
	cr_assert_eq(ask->type, KW_NODE_QUESTION);
	cr_assert_eq(ask->pos.line, 8);
	cr_assert_eq(ask->pos.col, 3);
	cr_assert_eq(ask->nopts, 2);
	cr_assert_str_eq(ask->opts[KW_OPT_YES].id, "yes");
	cr_assert_str_eq(ask->opts[KW_OPT_YES].target, "done");
	cr_assert_eq(ask->opts[KW_OPT_YES].next, &t->nodes[1]);
	cr_assert_eq(ask->opts[KW_OPT_YES].pos.line, 11);
	cr_assert_eq(ask->opts[KW_OPT_YES].pos.col, 10);
	cr_assert_str_eq(ask->opts[KW_OPT_NO].id, "no");
	cr_assert_eq(ask->opts[KW_OPT_NO].next, &t->nodes[2]);
	cr_assert_eq(ask->title.pos.line, 0, "no title given");
	cr_assert_eq(t->nodes[1].type, KW_NODE_OUTCOME);
	cr_assert_eq(t->nodes[1].result, KW_RESULT_RESOLVED);
	cr_assert_eq(t->nodes[1].nopts, 0);
	cr_assert_eq(t->nodes[2].result, KW_RESULT_ESCALATE);
	for (size_t i = 0; i < t->nnodes; i++)
		cr_assert_eq(t->nodes[i].index, i);
	tree_free(t);
}

Test(load, match_only_languages)
{
	struct kw_tree *t = load_good("match-only.yaml");
	const struct kw_option *o = &node(t, "which")->opts[0];

	cr_assert_eq(t->nlangs, 1);
	cr_assert_eq(tree_nlangs_all(t), 2);
	cr_assert_str_eq(t->langs[0], "en");
	cr_assert_str_eq(t->langs[1], "de");
	cr_assert_eq(tree_match(o, 0)->n, 1);
	cr_assert_str_eq(tree_match(o, 0)->v[0], "This key has expired.");
	cr_assert_eq(tree_match(o, 1)->n, 1);
	cr_assert_str_eq(tree_match(o, 1)->v[0],
	    "Der eingegebene Product Key ist abgelaufen.");
	/* the interface languages are the translated ones only */
	cr_assert_eq(tree_lang(t, "de_DE.UTF-8"), -1);
	cr_assert_eq(tree_lang(t, "en_GB.UTF-8"), 0);
	tree_free(t);
}

Test(load, bundled_match_only_languages)
{
	static const char *const want[] = {
		"de", "es", "it", "nl", "pt-BR", "sv", "da", "pl", "tr", "ru",
		"ar", "ja", "zh-CN", "zh-TW", "ko"
	};
	struct kw_tree *t = tu_load(tu_src("wizard/m365-product-key.yaml"));
	const struct kw_node *n = node(t, "which-error");

	cr_assert_eq(t->nlangs, 2);
	cr_assert_eq(tree_nlangs_all(t), 2 + sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert_str_eq(t->langs[2 + i], want[i]);
	/* every message has every wording in every language */
	for (size_t i = 0; i < n->nopts; i++) {
		if (!tree_text_set(&n->opts[i].message))
			continue;
		for (size_t l = 2; l < tree_nlangs_all(t); l++)
			cr_assert_gt(tree_match(&n->opts[i], l)->n, 0,
			    "%s has no %s wording", n->opts[i].id,
			    t->langs[l]);
	}
	tree_free(t);
}

Test(load, all_types)
{
	struct kw_tree *t = load_good("all-types.yaml");
	const struct kw_node *n;
	const struct kw_option *o;

	cr_assert_str_eq(t->id, "all-types");
	cr_assert_str_eq(t->version, "2026.11");
	cr_assert_eq(t->nlangs, 2);
	cr_assert_str_eq(t->langs[1], "fr");
	cr_assert_str_eq(tree_text(&t->title, 1), "Tous les types de nœuds");
	cr_assert_eq(t->has_keyfmt, 1);
	cr_assert_eq(t->keyfmt.groups, 5);
	cr_assert_eq(t->keyfmt.group_length, 5);
	cr_assert_str_eq(t->keyfmt.alphabet, "BCDFGHJKMNPQRTVWXY2346789");
	cr_assert_eq(t->keyfmt.pos.line, 12);
	cr_assert_eq(t->nnodes, 9);

	n = node(t, "enter-key");
	cr_assert_eq(n->type, KW_NODE_KEY);
	cr_assert_eq(n->nopts, 1);
	cr_assert_str_eq(n->opts[0].id, "next");
	cr_assert_str_eq(n->opts[0].next->id, "which-error");
	cr_assert_str_eq(tree_text(&n->why, 1),
	    "La plupart des clés échouent sur une faute de frappe.");
	cr_assert_eq(n->links.n, 1);
	cr_assert_str_eq(n->links.v[0], "https://admin.microsoft.com");

	n = node(t, "which-error");
	cr_assert_eq(n->type, KW_NODE_CHOICE);
	cr_assert_eq(n->nopts, 3);
	o = &n->opts[0];
	cr_assert_str_eq(o->id, "invalid");
	cr_assert_str_eq(tree_text(&o->label, 0), "Invalid key");
	cr_assert_str_eq(tree_text(&o->message, 1),
	    "Cette clé de produit n’est pas valide.");
	cr_assert_eq(o->match[0].n, 2);
	cr_assert_str_eq(o->match[0].v[1], "is not valid");
	cr_assert_eq(o->match[1].n, 1);
	cr_assert_str_eq(n->opts[1].id, "2", "default id: the position");
	cr_assert_eq(n->opts[1].message.pos.line, 0);
	cr_assert_str_eq(n->opts[2].id, "none");

	n = node(t, "check-admin");
	cr_assert_eq(n->type, KW_NODE_QUESTION);
	cr_assert_str_eq(n->opts[KW_OPT_NO].next->id, "ask-admin");

	n = node(t, "retype");
	cr_assert_eq(n->type, KW_NODE_STEP);
	cr_assert_eq(n->nitems, 2);
	cr_assert_str_eq(tree_text(&n->items[1], 1), "Cherchez O et 0");

	n = node(t, "wait-retry");
	cr_assert_eq(n->type, KW_NODE_WAIT);
	cr_assert_eq(n->minutes, 15);
	cr_assert_str_eq(n->opts[KW_OPT_WORKED].id, "worked");
	cr_assert_str_eq(n->opts[KW_OPT_WORKED].next->id, "solved");
	cr_assert_str_eq(n->opts[KW_OPT_FAILING].id, "failing");
	cr_assert_str_eq(n->opts[KW_OPT_FAILING].next->id, "call-support");

	n = node(t, "ask-admin");
	cr_assert_eq(n->type, KW_NODE_OUTCOME);
	cr_assert_eq(n->result, KW_RESULT_REDIRECT);
	cr_assert_str_eq(tree_text(&n->contact, 0),
	    "Your billing administrator");
	cr_assert_str_eq(tree_text(&n->tell, 1),
	    "Demandez-lui d’utiliser la clé.");
	cr_assert_eq(node(t, "nothing-left")->result, KW_RESULT_UNRESOLVED);

	cr_assert_eq(t->nscenarios, 2);
	cr_assert_str_eq(t->scenarios[0].id, "typo");
	cr_assert_str_eq(t->scenarios[0].key, "BCDFG-HJKMN-PQRTV-WXY23-46789");
	cr_assert_eq(t->scenarios[0].path.n, 6);
	cr_assert_eq(t->scenarios[0].answers.n, 5);
	cr_assert_str_eq(t->scenarios[0].answers.v[1], "invalid");
	cr_assert_null(t->scenarios[1].key);
	cr_assert_str_eq(tree_text(&t->scenarios[1].caller, 1),
	    "Il me dit de réessayer plus tard.");
	tree_free(t);
}

/* Texts read before `languages`, in another order, land at the right index. */
Test(load, languages_last)
{
	struct kw_tree *t = load_good("lang-late.yaml");
	const struct kw_option *o = &t->nodes[0].opts[0];

	cr_assert_str_eq(t->title.s[0], "Languages last");
	cr_assert_str_eq(t->title.s[1], "Langues à la fin");
	cr_assert_str_eq(t->nodes[0].text.s[0], "Pick one");
	cr_assert_str_eq(o->label.s[0], "One");
	cr_assert_str_eq(o->label.s[1], "Un");
	cr_assert_eq(o->match[0].n, 1);
	cr_assert_str_eq(o->match[0].v[0], "one");
	cr_assert_eq(o->match[1].n, 2);
	cr_assert_str_eq(t->nodes[1].text.s[1], "Fini.");
	cr_assert_str_eq(t->scenarios[0].caller.s[0], "Hello");
	tree_free(t);
}

Test(load, stdin_name_and_diags_file)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	size_t len;
	char *buf = tu_slurp(tu_src("tests/fixtures/good/minimal.yaml"),
	    &len);

	load_default_limits(&lim);
	diags_init(&d, "given-name.yaml");
	t = load_tree_mem(buf, len, &lim, &d);
	cr_assert_not_null(t);
	cr_assert_eq(d.n, 0);
	cr_assert_str_eq(t->file, "given-name.yaml");
	tree_free(t);
	diags_free(&d);
	free(buf);
}

/* ---- files that cannot be read ---- */

Test(load, file_not_found)
{
	struct kw_limits lim;
	struct kw_diags d;
	int cant_open = 0;

	load_default_limits(&lim);
	diags_init(&d, "nope.yaml");
	cr_assert_null(load_tree(tu_src("tests/fixtures/nope.yaml"), &lim, &d,
	    &cant_open));
	cr_assert_eq(cant_open, 1);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].pos.line, 0);
	cr_assert_str_eq(d.v[0].msg, "cannot open: No such file or directory");
	diags_free(&d);
}

Test(load, directory)
{
	struct kw_limits lim;
	struct kw_diags d;
	int cant_open = 0;

	load_default_limits(&lim);
	diags_init(&d, "fixtures");
	cr_assert_null(load_tree(tu_src("tests/fixtures"), &lim, &d,
	    &cant_open));
	cr_assert_eq(cant_open, 1);
	cr_assert_eq(d.n, 1);
	cr_assert_str_eq(d.v[0].msg, "cannot read: Is a directory");
	diags_free(&d);
}

/* ---- limits ---- */

Test(load, default_limits)
{
	struct kw_limits lim;

	unsetenv("KEYWIZ_MAX_TREE_BYTES");
	load_default_limits(&lim);
	cr_assert_eq(lim.max_bytes, 16 * 1024 * 1024);
	cr_assert_eq(lim.max_depth, 64);
	cr_assert_eq(lim.max_nodes, 16384);
	cr_assert_eq(lim.max_string, 64 * 1024);
	cr_assert_eq(lim.max_events, 500000);
}

struct env_case {
	char value[16];
	size_t bytes, nodes, events;
};

ParameterizedTestParameters(load, env_limits)
{
	static struct env_case cases[] = {
		{ "100000000", 100000000, 1562500, 50000000 },
		{ "1000", 1000, 16384, 500000 },
		{ "junk", 16 * 1024 * 1024, 16384, 500000 },
		{ "12k", 16 * 1024 * 1024, 16384, 500000 },
		{ "0", 16 * 1024 * 1024, 16384, 500000 },
	};

	return cr_make_param_array(struct env_case, cases,
	    sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct env_case *c, load, env_limits)
{
	struct kw_limits lim;

	setenv("KEYWIZ_MAX_TREE_BYTES", c->value, 1);
	load_default_limits(&lim);
	cr_assert_eq(lim.max_bytes, c->bytes, "%s", c->value);
	cr_assert_eq(lim.max_nodes, c->nodes, "%s", c->value);
	cr_assert_eq(lim.max_events, c->events, "%s", c->value);
	cr_assert_eq(lim.max_depth, 64);
}

Test(load, file_too_large)
{
	const char *rel = "tests/fixtures/good/minimal.yaml";
	struct kw_limits lim;
	struct stat st;
	char want[256], *got, *buf;
	size_t len;

	cr_assert_eq(stat(tu_src(rel), &st), 0);
	load_default_limits(&lim);
	lim.max_bytes = 100;
	snprintf(want, sizeof want, "1:1: error: file too large: %lld bytes "
	    "(at most 100; see KEYWIZ_MAX_TREE_BYTES)", (long long)st.st_size);
	got = load_bad(rel, &lim);
	cr_assert_str_eq(got, want);
	free(got);
	buf = tu_slurp(tu_src(rel), &len);
	got = load_bad_mem(buf, len, &lim);
	cr_assert_str_eq(got, want);
	free(got);
	free(buf);
}

Test(load, depth_limit)
{
	struct kw_limits lim;
	char *got;

	load_default_limits(&lim);
	lim.max_depth = 2;
	got = load_bad("tests/fixtures/good/minimal.yaml", &lim);
	cr_assert_str_eq(got, "9:5: error: nesting deeper than 2 levels");
	free(got);
}

Test(load, node_limit)
{
	struct kw_limits lim;
	char *got;

	load_default_limits(&lim);
	lim.max_nodes = 2;
	got = load_bad("tests/fixtures/good/minimal.yaml", &lim);
	cr_assert_str_eq(got, "17:3: error: too many nodes (more than 2)");
	free(got);
}

Test(load, event_limit)
{
	struct kw_limits lim;
	char *got;

	load_default_limits(&lim);
	lim.max_events = 10;
	got = load_bad("tests/fixtures/good/minimal.yaml", &lim);
	cr_assert_str_eq(got, "4:13: error: too many YAML events (more than "
	    "10)");
	free(got);
}

/* A generated file nested 100,000 deep is refused at its first level. */
Test(load, deep_nesting)
{
	const char *head = "keywiz: 1\nid: deep\ntitle: ";
	size_t depth = 100000, n = strlen(head);
	char *buf = xmalloc(n + 2 * depth + 1), *got;

	memcpy(buf, head, n);
	memset(buf + n, '[', depth);
	memset(buf + n + depth, ']', depth);
	buf[n + 2 * depth] = '\n';
	got = load_bad_mem(buf, n + 2 * depth + 1, NULL);
	/* the list is skipped, up to the limit */
	cr_assert_str_eq(got, "3:8: error: expected a string or a mapping by "
	    "language for 'title', found a list\n3:71: error: nesting deeper "
	    "than 64 levels");
	free(got);
	free(buf);
}

/* Nesting inside a flow mapping deeper than the limit, where libyaml has
 * to look ahead for a simple key. */
Test(load, deep_nesting_limit)
{
	size_t depth = 5000;
	char *buf = xmalloc(2 * depth + 2), *got;
	struct kw_limits lim;

	load_default_limits(&lim);
	lim.max_depth = 1;
	memset(buf, '{', depth);
	memset(buf + depth, '}', depth);
	buf[2 * depth] = '\n';
	got = load_bad_mem(buf, 2 * depth + 1, &lim);
	cr_assert_str_eq(got, "1:2: error: nesting deeper than 1 levels");
	free(got);
	free(buf);
}

Test(load, string_limit)
{
	const char *head = "keywiz: 1\nid: long\nlanguages: [en]\nstart: a\n"
	    "nodes: {a: {type: outcome, result: resolved, text: {en: A}}}\n"
	    "title: {en: \"";
	size_t n = strlen(head), big = 64 * 1024 + 1;
	char *buf = xmalloc(n + big + 4), *got;

	memcpy(buf, head, n);
	memset(buf + n, 'x', big);
	memcpy(buf + n + big, "\"}\n", 3);
	got = load_bad_mem(buf, n + big + 3, NULL);
	cr_assert_str_eq(got, "6:13: error: string longer than 65536 bytes");
	free(got);
	free(buf);
}

/* A large generated tree loads, links and indexes (and a duplicate id at
 * its end is found at its place). */
static char *
big_tree(size_t nodes, int dup, size_t *len)
{
	size_t cap = 256 + nodes * 128, n = 0;
	char *buf = xmalloc(cap);

	n += (size_t)snprintf(buf + n, cap - n, "keywiz: 1\nid: big\ntitle: "
	    "{en: Big}\nlanguages: [en]\nstart: n0\nnodes:\n");
	for (size_t i = 0; i < nodes; i++)
		n += (size_t)snprintf(buf + n, cap - n, "  n%zu: {type: step, "
		    "text: {en: \"Step %zu\"}, next: n%zu}\n", i, i, i + 1);
	n += (size_t)snprintf(buf + n, cap - n, "  n%zu: {type: outcome, "
	    "result: resolved, text: {en: End}}\n", dup ? (size_t)7 : nodes);
	*len = n;
	return buf;
}

Test(load, big_tree)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	size_t len, nodes = 15000;
	char *buf = big_tree(nodes, 0, &len), *got;

	load_default_limits(&lim);
	diags_init(&d, "big.yaml");
	t = load_tree_mem(buf, len, &lim, &d);
	cr_assert_not_null(t);
	cr_assert_eq(t->nnodes, nodes + 1);
	cr_assert_eq(t->nodes[nodes - 1].opts[0].next, &t->nodes[nodes]);
	cr_assert_eq(tree_find(t, "n12345"), &t->nodes[12345]);
	tree_free(t);
	diags_free(&d);
	free(buf);

	buf = big_tree(nodes, 1, &len);
	got = load_bad_mem(buf, len, NULL);
	cr_assert_str_eq(got, "15007:3: error: duplicate node id 'n7' (first "
	    "at 14:3)");
	free(got);
	free(buf);
}

/* ---- every error in one run ---- */

/* An error in many places: the loader reads on after each and keywiz
 * --check prints them all, in file order, without a misspelt field
 * reported missing as well; the status is still 65. */
Test(load, every_error, .init = cr_redirect_stderr)
{
	static const char want[] =
	    "several.yaml:13:5: error: unknown key 'yse' in node 'ask' "
	    "(did you mean 'yes'?)\n"
	    "several.yaml:17:14: error: expected an integer for 'minutes', "
	    "found '0x0F'\n"
	    "several.yaml:18:23: error: unknown language 'de' (languages: "
	    "en, fr)\n"
	    "several.yaml:25:9: error: unknown key 'lable' in an option "
	    "(did you mean 'label'?)\n"
	    "several.yaml:27:9: error: missing required field 'next' in an "
	    "option\n"
	    "several.yaml:28:3: error: invalid node id 'done!' (letters, "
	    "digits, '.', '_' and '-', starting with a letter or digit, at "
	    "most 64)\n"
	    "several.yaml:32:13: error: unknown result 'resolve' (did you "
	    "mean 'resolved'?)\n"
	    "several.yaml:34:5: error: unknown key 'colour' in node 'done'\n"
	    "several.yaml:36:5: error: missing required field 'answers' in a "
	    "scenario\n";
	struct kw_opts o;

	cr_assert_eq(chdir(tu_src("tests/fixtures/load")), 0);
	memset(&o, 0, sizeof o);
	o.tree_path = "several.yaml";
	cr_assert_eq(cmd_check(&o), KW_EXIT_DATAERR);
	fflush(stderr);
	cr_assert_stderr_eq_str(want);
}

/* Errors after a misspelt field, in the mapping that holds it and around
 * it; a field spelt right after a misspelt one is not a duplicate. */
Test(load, reads_on)
{
	static const char tree[] =
	    "keywiz: 1\nid: t\ntitle: {en: T}\nlanguages: [en, FR, en]\n"
	    "start: a\nnodes:\n"
	    "  a:\n    type: qestion\n    minutes: 5\n    text: {en: A}\n"
	    "  b:\n    nxet: c\n    type: step\n    next: c\n"
	    "    text: [B]\n"
	    "  c: {type: outcome, result: resolved, text: {en: C}, "
	    "why: {en: W}}\n";
	char *got = load_bad_mem(tree, sizeof tree - 1, NULL);

	cr_assert_str_eq(got,
	    "4:17: error: invalid language code 'FR' (expected 2 or 3 "
	    "lower-case letters, or a region after them such as pt-BR)\n"
	    "4:21: error: duplicate language 'en'\n"
	    "8:11: error: unknown node type 'qestion' (did you mean "
	    "'question'?)\n"
	    "12:5: error: unknown key 'nxet' in node 'b' (did you mean "
	    "'next'?)\n"
	    "15:11: error: expected a string or a mapping by language for "
	    "'text', found a list\n"
	    "16:55: error: field 'why' is not allowed in an outcome node");
	free(got);
}

/* A hundred errors, then one line that says loading stopped. */
Test(load, error_limit)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = xmalloc(cap), *got, *last;

	n += (size_t)snprintf(buf, cap, "keywiz: 1\nid: t\ntitle: {en: T}\n"
	    "languages: [en]\nstart: n0\nnodes:\n");
	for (int i = 0; i < 150; i++)
		n += (size_t)snprintf(buf + n, cap - n, "  n%d: {type: outcome, "
		    "result: resolved, text: {en: X}, colour: red}\n", i);
	got = load_bad_mem(buf, n, NULL);
	last = strrchr(got, '\n');
	cr_assert_not_null(last);
	cr_assert_str_eq(last + 1, "106:57: error: too many errors (100); not "
	    "reading further");
	*last = '\0';
	cr_assert_str_eq(strrchr(got, '\n') + 1, "106:57: error: unknown key "
	    "'colour' in node 'n99'");
	free(got);
	free(buf);
}

/* ---- one string for a text ---- */

/* A tree in one language writes its texts as plain strings; one read
 * before `languages` is the first language's all the same. */
Test(load, one_string_texts)
{
	static const char tree[] =
	    "keywiz: 1\nid: t\ntitle: Avant\n"
	    "nodes: {a: {type: outcome, result: resolved, title: Fin, "
	    "text: {fr: \"C'est fini.\"}}}\nlanguages: [fr]\nstart: a\n";
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;

	load_default_limits(&lim);
	diags_init(&d, "mem.yaml");
	t = load_tree_mem(tree, sizeof tree - 1, &lim, &d);
	cr_assert_not_null(t);
	cr_assert_str_eq(tree_text(&t->title, 0), "Avant");
	cr_assert(t->title.plain);
	cr_assert_str_eq(tree_text(&t->nodes[0].title, 0), "Fin");
	cr_assert_str_eq(tree_text(&t->nodes[0].text, 0), "C'est fini.");
	cr_assert_not(t->nodes[0].text.plain);
	cr_assert_eq(check_tree(t, 0, &d), 0);
	tree_free(t);
	diags_free(&d);

	t = load_good("one-language.yaml");
	cr_assert_str_eq(tree_text(&t->title, 0), "The printer is offline");
	cr_assert_str_eq(tree_text(&t->scenarios[0].caller, 0),
	    "A clerk: \"The printer is offline.\" It is switched off.");
	tree_free(t);
}
