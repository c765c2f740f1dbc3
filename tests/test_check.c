/* SPDX-License-Identifier: MIT */
/* test_check.c - the semantic checker (each check and its exact diagnostics) and --check */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd.h"
#include "load.h"
#include "run.h"
#include "testutil.h"
#include "xalloc.h"

/* All the diagnostics of checking fixture `rel`, one "L:C: sev: msg" a line. */
static char *
check_file(const char *rel, unsigned flags, size_t *nerrors)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open = 0;
	size_t n = 0, cap = 1;
	char *out = xmalloc(cap);

	load_default_limits(&lim);
	diags_init(&d, rel);
	t = load_tree(tu_src(rel), &lim, &d, &cant_open);
	cr_assert_not_null(t, "%s does not load", rel);
	*nerrors = check_tree(t, flags, &d);
	cr_assert_eq(*nerrors, d.nerrors);
	out[0] = '\0';
	for (size_t i = 0; i < d.n; i++) {
		char *line = xasprintf("%u:%u: %s: %s\n", d.v[i].pos.line,
		    d.v[i].pos.col, d.v[i].sev == KW_SEV_ERROR ? "error" :
		    "warning", d.v[i].msg);

		out = xgrow(out, &cap, n + strlen(line) + 1, 1);
		memcpy(out + n, line, strlen(line) + 1);
		n += strlen(line);
		free(line);
	}
	tree_free(t);
	diags_free(&d);
	return out;
}

/* Criterion passes parameters to another process: no pointers in them. */
struct check_case {
	char file[64];
	unsigned flags;
	size_t nerrors;
	char want[1024];
};

ParameterizedTestParameters(check, cases)
{
	static struct check_case cases[] = {
		{ "unknown-start.yaml", 0, 1, "5:8: error: unknown start node "
		    "'aks' (did you mean 'ask'?)\n" },
		{ "unknown-target.yaml", 0, 1, "10:10: error: unknown node "
		    "'doen' (did you mean 'done'?)\n" },
		{ "unknown-target-far.yaml", 0, 1, "10:10: error: unknown "
		    "node 'elsewhere'\n" },
		{ "no-way-out.yaml", 0, 2, "16:3: error: no way out: every "
		    "path from here loops\n"
		    "20:3: error: no way out: every path from here loops\n" },
		{ "missing-translation.yaml", 0, 1, "9:11: error: missing "
		    "translation 'fr' of text\n" },
		{ "missing-translation-all.yaml", 0, 9,
		    "3:8: error: missing translation 'fr' of title\n"
		    "9:12: error: missing translation 'en' of title\n"
		    "11:10: error: missing translation 'fr' of why\n"
		    "13:9: error: missing translation 'fr' of item\n"
		    "15:3: warning: missing 'title' (other nodes have one; "
		    "this one shows a heading for its type)\n"
		    "19:16: error: missing translation 'fr' of label\n"
		    "20:18: error: missing translation 'en' of message\n"
		    "22:3: warning: missing 'title' (other nodes have one; "
		    "this one shows a heading for its type)\n"
		    "26:14: error: missing translation 'fr' of contact\n"
		    "27:11: error: missing translation 'en' of tell\n"
		    "30:13: error: missing translation 'fr' of caller\n" },
		{ "one-string.yaml", 0, 2, "3:8: error: one string for title, "
		    "but the tree has 2 languages: write a mapping with a "
		    "string in each (en: ..., fr: ...)\n"
		    "13:3: warning: missing 'title' (other nodes have one; "
		    "this one shows a heading for its type)\n"
		    "16:11: error: one string for text, but the tree has 2 "
		    "languages: write a mapping with a string in each (en: "
		    "..., fr: ...)\n" },
		{ "unreachable.yaml", 0, 0, "16:3: warning: node 'orphan' is "
		    "unreachable from the start node 'ask'\n" },
		{ "link.yaml", 0, 0, "12:3: warning: link "
		    "'ftp://example.com/file' is not an http:// or https:// "
		    "URL\n"
		    "12:3: warning: link 'www.example.com' is not an http:// "
		    "or https:// URL\n" },
		{ "dup-option.yaml", 0, 1, "16:15: error: duplicate option id "
		    "'same' (first at 13:15)\n" },
		{ "dup-option-default.yaml", 0, 1, "15:15: error: duplicate "
		    "option id '2' (first at 13:15)\n" },
		{ "keyfmt-alphabet.yaml", 0, 2, "5:53: error: product_key "
		    "alphabet: 'x' is not an upper-case ASCII letter or "
		    "digit\n"
		    "8:3: error: key node cannot use this tree's product_key "
		    "format (see 5:53)\n" },
		{ "keyfmt-repeat.yaml", 0, 2, "5:53: error: product_key "
		    "alphabet: 'B' appears more than once\n"
		    "8:3: error: key node cannot use this tree's product_key "
		    "format (see 5:53)\n" },
		{ "keyfmt-empty.yaml", 0, 2, "5:53: error: product_key "
		    "alphabet is empty\n"
		    "8:3: error: key node cannot use this tree's product_key "
		    "format (see 5:53)\n" },
		{ "keyfmt-unused.yaml", 0, 1, "5:53: error: product_key "
		    "alphabet: '-' is not an upper-case ASCII letter or "
		    "digit\n" },
		{ "facts-names.yaml", 0, 6, "10:21: error: placeholder "
		    "'{key.end}' can never be set here: no path from a key "
		    "node leads here\n"
		    "10:32: error: unknown placeholder '{nope}' (see "
		    "keywiz-tree(5) PLACEHOLDERS)\n"
		    "10:40: error: placeholder '{answer.z}': no node 'z'\n"
		    "10:55: error: unknown placeholder '{erorr}' (did you mean "
		    "'{error}'?)\n"
		    "15:23: error: placeholder '{field.order}' can never be "
		    "set here: no path from node 'order' leads here\n"
		    "15:41: error: placeholder '{field.ask}': node 'ask' is a "
		    "question node, not a field\n"
		    "20:55: warning: placeholder '{tree.version}' is always "
		    "empty: the tree has no 'version'\n" },
		{ "facts-answer.yaml", 0, 0, "16:23: warning: this test can "
		    "never hold: no path from answer 'no' at node 'ask' leads "
		    "here\n" },
		{ "facts-logic.yaml", 0, 3, "16:14: warning: this test can "
		    "never hold: no path from a key node leads here\n"
		    "18:23: error: node 'ask' has no answer 'maybe'\n"
		    "20:14: error: no choice option 'expired' carries an error "
		    "message\n"
		    "24:9: warning: this rule can never hold: rule 4 (at 22:9) "
		    "has the same tests\n"
		    "26:14: warning: this test can never hold: no path from "
		    "node 'later' leads here\n"
		    "33:15: error: logic node 'again' leads back to logic node "
		    "'route' without a question between: a loop\n" },
		{ "scenario-ok.yaml", 0, 0, "" },
		{ "scenario-unknown.yaml", 0, 1, "21:5: error: scenario 's1': "
		    "unknown node 'hepl' in 'path' (did you mean 'help'?)\n" },
		{ "scenario-edge.yaml", 0, 1, "21:5: error: scenario 's1': "
		    "answer 'yes' at node 'ask' leads to 'done', not "
		    "'help'\n" },
		{ "scenario-answer.yaml", 0, 1, "21:5: error: scenario 's1': "
		    "node 'ask' has no answer 'nope' (did you mean 'no'?)\n" },
		{ "scenario-count.yaml", 0, 1, "21:5: error: scenario 's1': a "
		    "path of 3 nodes needs 2 answers, not 1\n" },
		{ "scenario-end.yaml", 0, 1, "21:5: error: scenario 's1' ends "
		    "at 'help', which is not an outcome\n" },
		{ "scenario-start.yaml", 0, 1, "21:5: error: scenario 's1' "
		    "does not begin at the start node 'ask'\n" },
		{ "scenario-dup.yaml", 0, 1, "25:5: error: duplicate scenario "
		    "id 's1' (first at 21:5)\n" },
		{ "empty-item.yaml", 0, 0, "11:9: warning: empty checklist "
		    "item\n" },
		{ "training.yaml", 0, 0, "" },
		{ "training.yaml", KW_CHECK_TRAINING, 1, "13:3: error: missing "
		    "'why' (required in training mode)\n" },
	};

	return cr_make_param_array(struct check_case, cases,
	    sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct check_case *c, check, cases)
{
	char rel[256], *got;
	size_t nerrors;

	snprintf(rel, sizeof rel, "tests/fixtures/check/%s", c->file);
	got = check_file(rel, c->flags, &nerrors);
	cr_assert_str_eq(got, c->want, "%s", c->file);
	cr_assert_eq(nerrors, c->nerrors, "%s", c->file);
	free(got);
}

/* The valid fixtures check without a diagnostic, also in training mode
 * where they give every `why`. */
Test(check, good_fixtures)
{
	static const char *const files[] = {
		"tests/fixtures/good/minimal.yaml",
		"tests/fixtures/good/all-types.yaml",
		"tests/fixtures/good/lang-late.yaml",
	};
	size_t nerrors;
	char *got;

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		got = check_file(files[i], 0, &nerrors);
		cr_assert_str_eq(got, "", "%s", files[i]);
		free(got);
	}
	got = check_file(files[1], KW_CHECK_TRAINING, &nerrors);
	cr_assert_str_eq(got, "");
	free(got);
}

/* ---- "did you mean" ---- */

struct suggest_case {
	char word[16];
	char want[16];		/* "": no hint */
};

ParameterizedTestParameters(check, suggest)
{
	static struct suggest_case cases[] = {
		{ "nxet", "next" },	/* transposition */
		{ "tpye", "type" },
		{ "minute", "minutes" },
		{ "opt", "options" },	/* a prefix */
		{ "questions-list", "question" },	/* the other way */
		{ "optionsss", "options" },
		{ "qestion", "question" },
		{ "colour", "" },
		{ "id", "" },		/* two edits of a two-letter word */
		{ "x", "" },
		{ "ye", "yes" },
	};

	return cr_make_param_array(struct suggest_case, cases,
	    sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct suggest_case *c, check, suggest)
{
	static const char *const names[] = {
		"type", "title", "text", "next", "yes", "no", "minutes",
		"options", "question"
	};
	struct kw_suggest sg;

	check_suggest_init(&sg, c->word);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		check_suggest_try(&sg, names[i]);
	if (c->want[0] == '\0')
		cr_assert_null(sg.best, "%s -> %s", c->word, sg.best);
	else {
		cr_assert_not_null(sg.best, "%s", c->word);
		cr_assert_str_eq(sg.best, c->want);
	}
}

/* A long chain and a long loop: the checks are iterative, not recursive. */
Test(check, long_chain)
{
	size_t nodes = 100000, cap = 256 + nodes * 96, n = 0;
	char *buf = xmalloc(cap);
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;

	n += (size_t)snprintf(buf + n, cap - n, "keywiz: 1\nid: chain\ntitle: "
	    "{en: Chain}\nlanguages: [en]\nstart: n0\nnodes:\n");
	for (size_t i = 0; i < nodes; i++)
		n += (size_t)snprintf(buf + n, cap - n, "  n%zu: {type: step, "
		    "text: {en: S}, next: n%zu}\n", i,
		    i + 1 < nodes ? i + 1 : 0);
	load_default_limits(&lim);
	lim.max_nodes = 2 * nodes;
	lim.max_events = 20 * nodes;
	diags_init(&d, "chain.yaml");
	t = load_tree_mem(buf, n, &lim, &d);
	cr_assert_not_null(t);
	cr_assert_eq(check_tree(t, 0, &d), nodes, "every node loops");
	cr_assert_eq(d.nwarnings, 0);
	cr_assert_str_eq(d.v[0].msg, "no way out: every path from here loops");
	cr_assert_eq(d.v[0].pos.line, 7);
	cr_assert_eq(d.v[nodes - 1].pos.line, 6 + nodes);
	tree_free(t);
	diags_free(&d);
	free(buf);
}

/* ---- keywiz --check ---- */

static int
run_check(const char *rel, int training)
{
	struct kw_opts o;

	memset(&o, 0, sizeof o);
	o.tree_path = tu_src(rel);
	o.training = training;
	return cmd_check(&o);
}

static void
redirect_both(void)
{
	cr_redirect_stdout();
	cr_redirect_stderr();
}

Test(cmd_check, ok, .init = cr_redirect_stdout)
{
	char want[4096];

	snprintf(want, sizeof want, "%s: OK: 9 nodes, 4 outcomes, 2 languages "
	    "(en, fr), 0 warnings\n",
	    tu_src("tests/fixtures/good/all-types.yaml"));
	cr_assert_eq(run_check("tests/fixtures/good/all-types.yaml", 0),
	    KW_EXIT_OK);
	fflush(stdout);
	cr_assert_stdout_eq_str(want);
}

Test(cmd_check, ok_singular_and_warning, .init = redirect_both)
{
	char want[4096];

	snprintf(want, sizeof want, "%s: OK: 2 nodes, 1 outcome, 2 languages "
	    "(en, fr), 1 warning\n",
	    tu_src("tests/fixtures/check/empty-item.yaml"));
	cr_assert_eq(run_check("tests/fixtures/check/empty-item.yaml", 0),
	    KW_EXIT_OK);
	fflush(stdout);
	cr_assert_stdout_eq_str(want);
}

Test(cmd_check, invalid, .init = redirect_both)
{
	char want[4096];

	snprintf(want, sizeof want, "%s:13:3: error: missing 'why' (required "
	    "in training mode)\n",
	    tu_src("tests/fixtures/check/training.yaml"));
	cr_assert_eq(run_check("tests/fixtures/check/training.yaml", 1),
	    KW_EXIT_DATAERR);
	fflush(stdout);
	fflush(stderr);
	cr_assert_stdout_eq_str("");
	cr_assert_stderr_eq_str(want);
}

Test(cmd_check, load_error, .init = redirect_both)
{
	char want[4096];

	snprintf(want, sizeof want, "%s:8:11: error: unknown node type "
	    "'qestion' (did you mean 'question'?)\n",
	    tu_src("tests/hostile/node-type.yaml"));
	cr_assert_eq(run_check("tests/hostile/node-type.yaml", 0),
	    KW_EXIT_DATAERR);
	fflush(stderr);
	cr_assert_stderr_eq_str(want);
}

Test(cmd_check, cannot_open, .init = redirect_both)
{
	char want[4096];

	snprintf(want, sizeof want, "%s: error: cannot open: No such file or "
	    "directory\n", tu_src("tests/fixtures/missing.yaml"));
	cr_assert_eq(run_check("tests/fixtures/missing.yaml", 0),
	    KW_EXIT_NOINPUT);
	fflush(stderr);
	cr_assert_stderr_eq_str(want);
}

/* A tree with a `why` on some nodes: a training session runs on it (and
 * shows those), keywiz --check --training still wants every one. */
Test(cmd_check, training_runs_with_some_why, .init = redirect_both)
{
	const char *rel = "tests/fixtures/good/one-language.yaml";
	struct kw_tree *t;
	struct kw_opts o;
	int status = 0;
	char want[4096];

	memset(&o, 0, sizeof o);
	o.tree_path = tu_src(rel);
	o.training = 1;
	t = run_load(&o, &status);
	cr_assert_not_null(t, "status %d", status);
	tree_free(t);
	cr_assert_eq(run_check(rel, 0), KW_EXIT_OK);
	cr_assert_eq(run_check(rel, 1), KW_EXIT_DATAERR);
	fflush(stderr);
	/* run_load said nothing; --check --training names the node */
	snprintf(want, sizeof want, "%s:17:3: error: missing 'why' (required "
	    "in training mode)\n", tu_src(rel));
	cr_assert_stderr_eq_str(want);
}

/* A logic node is never shown: it needs no title where the others have
 * one (the outcomes without one are still warned of). */
Test(check, a_logic_node_needs_no_title)
{
	size_t nerrors;
	char *out = check_file("tests/fixtures/good/facts-who.yaml", 0,
	    &nerrors);

	cr_assert_eq(nerrors, 0, "%s", out);
	cr_assert_str_eq(out,
	    "23:3: warning: missing 'title' (other nodes have one; this one "
	    "shows a heading for its type)\n"
	    "29:3: warning: missing 'title' (other nodes have one; this one "
	    "shows a heading for its type)\n");
	free(out);
}
