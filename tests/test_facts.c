/* SPDX-License-Identifier: MIT */
/* test_facts.c - the call's facts: placeholders read and filled, field answers checked, logic routing, and every path of the bundled tree ending in a message ready to send */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "interact.h"
#include "prodkey.h"
#include "record.h"
#include "session.h"
#include "testutil.h"
#include "xalloc.h"

#define GOOD_KEY "BCDFG-HJKMN-PQRTV-WXY23-46789"
#define BAD_KEY "BCDFG-HJKMN-PQRTV-WXY23-4678S"

/* ---- the syntax ---- */

/* The pieces of `s`, one a line: "T:text", "N:name|fallback", "B@off". */
static void
pieces(const char *s, char *out, size_t size)
{
	struct kw_piece p;
	enum kw_piece_type ty;
	size_t at = 0, n = 0;

	out[0] = '\0';
	while ((ty = tree_template_next(s, &at, &p)) != KW_PIECE_END) {
		if (ty == KW_PIECE_TEXT)
			n += (size_t)snprintf(out + n, size - n, "T:%.*s\n",
			    (int)p.len, p.text);
		else if (ty == KW_PIECE_NAME)
			n += (size_t)snprintf(out + n, size - n,
			    "N:%.*s%s%.*s\n", (int)p.nlen, p.name,
			    p.fallback ? "|" : "",
			    (int)p.flen, p.fallback ? p.fallback : "");
		else {
			n += (size_t)snprintf(out + n, size - n, "B@%zu\n",
			    p.bad);
			break;
		}
	}
}

Test(facts, placeholders_read)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "plain", "T:plain\n" },
		{ "a {key.end} b", "T:a \nN:key.end\nT: b\n" },
		{ "{{x}}", "T:{\nT:x\nT:}\n" },
		{ "{error.number|not read}!",
		    "N:error.number|not read\nT:!\n" },
		{ "{field.a-b_c.d}", "N:field.a-b_c.d\n" },
		{ "x {", "T:x \nB@2\n" },
		{ "x }", "T:x \nB@2\n" },
		{ "{}", "B@0\n" },
		{ "{a b}", "B@0\n" },
		{ "{a|b{c}", "B@0\n" },
		{ "{a|}", "N:a|\n" },
	};
	char out[512];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pieces(cases[i].in, out, sizeof out);
		cr_assert_str_eq(out, cases[i].want, "%s", cases[i].in);
	}
}

/* ---- field answers ---- */

Test(facts, field_answers_by_kind)
{
	static const struct {
		enum kw_field_kind kind;
		const char *value;
		int ok;
	} cases[] = {
		{ KW_FIELD_TEXT, "anything at all", 1 },
		{ KW_FIELD_DATE, "2026-11-24", 1 },
		{ KW_FIELD_DATE, "2024-02-29", 1 },
		{ KW_FIELD_DATE, "2026-02-29", 0 },
		{ KW_FIELD_DATE, "2026-13-01", 0 },
		{ KW_FIELD_DATE, "24/11/2026", 0 },
		{ KW_FIELD_DATE, "2026-1-24", 0 },
		{ KW_FIELD_EMAIL, "admin@contoso.onmicrosoft.com", 1 },
		{ KW_FIELD_EMAIL, "admin@contoso", 0 },
		{ KW_FIELD_EMAIL, "@contoso.com", 0 },
		{ KW_FIELD_EMAIL, "a b@contoso.com", 0 },
		{ KW_FIELD_DOMAIN, "contoso.onmicrosoft.com", 1 },
		{ KW_FIELD_DOMAIN, "contoso", 0 },
		{ KW_FIELD_DOMAIN, "-contoso.com", 0 },
		{ KW_FIELD_DOMAIN, "contoso..com", 0 },
		{ KW_FIELD_NUMBER, "300", 1 },
		{ KW_FIELD_NUMBER, "3OO", 0 },
		{ KW_FIELD_NUMBER, " 42 ", 1 },
		{ KW_FIELD_PATTERN, "INV-4711", 1 },
		{ KW_FIELD_PATTERN, "inv-4711", 0 },
	};
	struct kw_node n;
	char msg[256];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&n, 0, sizeof n);
		n.type = KW_NODE_FIELD;
		n.kind = cases[i].kind;
		n.pattern = "INV-[0-9]+";
		cr_assert_eq(facts_field_check(&n, cases[i].value, msg,
		    sizeof msg) == 0, cases[i].ok, "%s: %s", cases[i].value,
		    msg);
		cr_assert_eq(msg[0] == '\0', cases[i].ok, "%s", cases[i].value);
	}
	memset(&n, 0, sizeof n);
	n.type = KW_NODE_FIELD;
	cr_assert_eq(facts_field_check(&n, "  ", msg, sizeof msg), -1);
	cr_assert_str_eq(msg, "An answer is needed here.");
	n.optional = 1;
	cr_assert_eq(facts_field_check(&n, "", msg, sizeof msg), 0);
}

/* ---- a walk of the facts fixture ---- */

static struct kw_session *
walk_fixture(const struct kw_tree *t, const char *key, const char *paste,
    const char *date, size_t lang)
{
	struct kw_session *s = session_new(t, lang, tu_fake_clock);
	struct kw_keycheck k;
	char msg[256];

	interact_set_key(s, key, &k);
	prodkey_wipe(&k);
	interact_continue(s);
	if (session_outcome(s) != NULL)
		return s;
	cr_assert_str_eq(session_node(s)->id, "which-error");
	cr_assert_eq(session_answer(s, 0, paste, 0), 0);
	cr_assert_eq(interact_field(s, "12 345", msg, sizeof msg), -1);
	cr_assert_str_eq(msg, "Not a number: digits only.");
	cr_assert_eq(interact_field(s, " 12345 ", msg, sizeof msg), 0);
	cr_assert_eq(interact_field(s, date, msg, sizeof msg), 0, "%s", msg);
	cr_assert_eq(session_answer(s, KW_OPT_YES, NULL, 0), 0);
	return s;
}

Test(facts, logic_routes_and_texts_are_filled)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/good/facts.yaml"));
	struct kw_session *s;
	const struct kw_event *e;
	char *tell;

	/* an invalid key goes straight to its outcome, by rule 1 */
	s = walk_fixture(t, BAD_KEY, NULL, "", 0);
	cr_assert_str_eq(session_node(s)->id, "retype");
	e = session_event(s, session_nevents(s) - 2);
	cr_assert_eq(e->type, KW_EV_ROUTE);
	cr_assert_eq(e->opt, 0);
	tell = facts_fill_text(s, &session_node(s)->text);
	cr_assert_str_eq(tell, "The key ending in 4678S is not a product key "
	    "(invalid): type it again.");
	free(tell);
	session_free(s);

	/* the partner's message, with the number read from the paste */
	s = walk_fixture(t, GOOD_KEY, "the maximum is 300 user licenses",
	    "", 0);
	cr_assert_str_eq(session_node(s)->id, "tell-partner");
	tell = facts_fill_text(s, &session_node(s)->tell);
	cr_assert_str_eq(tell, "Order 12345, key ending in 46789: the admin "
	    "center says \"The maximum is <x> user licenses.\" (maximum "
	    "300). {literal braces}");
	free(tell);
	/* the summary after the full screen says it filled in too */
	tell = interact_summary(s, NULL);
	cr_assert(strstr(tell, "\nWhat to tell them: Order 12345, key ending "
	    "in 46789: the admin center says") != NULL, "%s", tell);
	cr_assert_null(strstr(tell, "{field"), "%s", tell);
	free(tell);
	session_free(s);

	/* in French, chosen from the list: the fallback shows */
	s = walk_fixture(t, GOOD_KEY, NULL, "2026-11-02", 1);
	tell = facts_fill_text(s, &session_node(s)->tell);
	cr_assert_str_eq(tell, "Commande 12345, clé qui se termine par "
	    "46789 : le centre d'administration indique « Le maximum est <x> "
	    "licences utilisateur. » (maximum non lu). {accolades}");
	free(tell);
	/* back from the outcome steps over the logic node */
	cr_assert_eq(session_back(s), 0);
	cr_assert_str_eq(session_node(s)->id, "partner");
	session_free(s);
	tree_free(t);
}

Test(facts, an_unset_name_shows_as_written)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/good/facts.yaml"));
	struct kw_session *s = session_new(t, 0, tu_fake_clock);
	char *text = facts_fill(s, "{key.end} {field.order|none} {{ok}} "
	    "{tree.version} {answer.partner}");

	cr_assert_str_eq(text, "{key.end} none {ok} 2026.12 {answer.partner}");
	free(text);
	session_free(s);
	tree_free(t);
}

/* ---- every path of the bundled tree ---- */

enum act_kind { A_KEY, A_NOKEY, A_OPT, A_FIELD, A_NEXT };

struct act {
	enum act_kind kind;
	size_t opt;
	const char *text;
};

#define WALK_MAX 48

struct walker {
	const struct kw_tree *t;
	size_t lang;
	size_t outcomes, paths;
	unsigned char seen[256];	/* outcomes reached, by node index */
};

static const char *
field_value(const struct kw_node *n)
{
	switch (n->kind) {
	case KW_FIELD_DATE:
		return "2026-10-01";
	case KW_FIELD_NUMBER:
		return "350";
	case KW_FIELD_EMAIL:
		return "admin@contoso.onmicrosoft.com";
	case KW_FIELD_DOMAIN:
		return "contoso.onmicrosoft.com";
	default:
		return "Contoso";
	}
}

static void
apply(struct kw_session *s, const struct act *a)
{
	struct kw_keycheck k;
	char msg[256];

	switch (a->kind) {
	case A_KEY:
		interact_set_key(s, a->text, &k);
		prodkey_wipe(&k);
		/* FALLTHROUGH */
	case A_NOKEY:
	case A_NEXT:
		cr_assert_eq(interact_continue(s), 0);
		break;
	case A_OPT:
		cr_assert_eq(session_answer(s, a->opt, a->text, 0), 0);
		break;
	case A_FIELD:
		cr_assert_eq(interact_field(s, a->text, msg, sizeof msg), 0,
		    "%s: %s", session_node(s)->id, msg);
		break;
	}
}

/* A filled text of the outcome must be ready to send: nothing left in
 * brackets or braces. */
static void
assert_ready(struct kw_session *s, const struct kw_text *x, const char *what)
{
	char *text;

	if (!tree_text_set(x))
		return;
	text = facts_fill_text(s, x);
	cr_assert_null(strchr(text, '{'), "%s of %s: %s", what,
	    session_node(s)->id, text);
	cr_assert_null(strchr(text, '['), "%s of %s: %s", what,
	    session_node(s)->id, text);
	free(text);
}

static void
walk(struct walker *w, struct act *acts, size_t n)
{
	struct kw_session *s = session_new(w->t, w->lang, tu_fake_clock);
	const struct kw_node *nd;
	int nokey = 0;

	for (size_t i = 0; i < n; i++) {
		apply(s, &acts[i]);
		nokey += acts[i].kind == A_NOKEY;
	}
	nd = session_node(s);
	cr_assert_neq(nd->type, KW_NODE_LOGIC);
	cr_assert_lt(n, WALK_MAX, "a path longer than %d steps", WALK_MAX);
	/* every screen on the way shows its facts, never a raw name */
	assert_ready(s, &nd->text, "text");
	assert_ready(s, &nd->title, "title");
	if (nd->type == KW_NODE_OUTCOME) {
		assert_ready(s, &nd->contact, "contact");
		assert_ready(s, &nd->tell, "tell");
		w->paths++;
		if (!w->seen[nd->index])
			w->outcomes++;
		w->seen[nd->index] = 1;
		session_free(s);
		return;
	}
	session_free(s);
	switch (nd->type) {
	case KW_NODE_KEY:
		acts[n] = (struct act){ A_KEY, 0, GOOD_KEY };
		walk(w, acts, n + 1);
		acts[n] = (struct act){ A_KEY, 0, BAD_KEY };
		walk(w, acts, n + 1);
		if (nokey == 0) {
			acts[n] = (struct act){ A_NOKEY, 0, NULL };
			walk(w, acts, n + 1);
		}
		break;
	case KW_NODE_FIELD:
		acts[n] = (struct act){ A_FIELD, 0, field_value(nd) };
		walk(w, acts, n + 1);
		break;
	case KW_NODE_STEP:
		acts[n] = (struct act){ A_NEXT, 0, NULL };
		walk(w, acts, n + 1);
		break;
	default:
		for (size_t j = 0; j < nd->nopts; j++) {
			acts[n] = (struct act){ A_OPT, j, NULL };
			walk(w, acts, n + 1);
			/* a pasted message gives the number for <x> */
			if (nd->type == KW_NODE_CHOICE &&
			    strcmp(nd->opts[j].id, "too-many-licenses") == 0) {
				acts[n].text = "The maximum is 300 user "
				    "licenses.";
				walk(w, acts, n + 1);
			}
		}
		break;
	}
}

Test(facts, every_path_of_the_bundled_tree_ends_ready_to_send)
{
	const struct kw_tree *t = tu_bundled();
	struct act acts[WALK_MAX + 1];
	size_t outcomes = 0;

	cr_assert_lt(t->nnodes, 256);
	for (size_t i = 0; i < t->nnodes; i++)
		outcomes += t->nodes[i].type == KW_NODE_OUTCOME;
	for (size_t lang = 0; lang < t->nlangs; lang++) {
		struct walker w = { .t = t, .lang = lang };

		walk(&w, acts, 0);
		cr_assert_eq(w.outcomes, outcomes, "%zu of %zu outcomes "
		    "reached", w.outcomes, outcomes);
		cr_assert_gt(w.paths, 60, "%zu paths", w.paths);
	}
}

Test(facts, the_bundled_tree_asks_about_the_partner_once)
{
	const struct kw_tree *t = tu_bundled();
	size_t asked = 0;

	for (size_t i = 0; i < t->nnodes; i++) {
		const char *en = tree_text(&t->nodes[i].text, 0);

		if (t->nodes[i].type == KW_NODE_QUESTION &&
		    strstr(en, "through a Microsoft partner") != NULL)
			asked++;
	}
	cr_assert_eq(asked, 1);
	cr_assert_not_null(tree_find(t, "route-seller"));
	cr_assert_eq(tree_find(t, "route-seller")->type, KW_NODE_LOGIC);
}

/* ---- the record ---- */

/* The JSON record of `s` written to `path` in a new scratch folder `dir`,
 * and read back (caller frees). */
static char *
write_record(const struct kw_session *s, char *dir, size_t dsize,
    char *path, size_t psize)
{
	FILE *fp;

	tu_scratch(dir, dsize, "facts");
	snprintf(path, psize, "%s/rec.json", dir);
	cr_assert_not_null(fp = fopen(path, "w"));
	cr_assert_eq(record_json(s, fp), 0);
	cr_assert_eq(fclose(fp), 0);
	return tu_slurp(path, NULL);
}

Test(facts, the_record_keeps_fields_routes_and_the_filled_text)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/good/facts.yaml"));
	struct kw_session *s = walk_fixture(t, GOOD_KEY,
	    "the maximum is 300 user licenses", "2026-11-02", 0), *back;
	char dir[1024], path[1100], err[512], *json, *md = NULL;
	size_t len = 0;
	FILE *fp;

	session_finish(s);
	json = write_record(s, dir, sizeof dir, path, sizeof path);
	cr_assert_not_null(strstr(json, "\"type\": \"field\""), "%s", json);
	cr_assert_not_null(strstr(json, "\"value\": \"12345\""));
	cr_assert_not_null(strstr(json, "\"value\": \"2026-11-02\""));
	cr_assert_not_null(strstr(json, "\"rule\": \"1\",\n      "
	    "\"condition\": \"error: too-many, answer: partner = yes\""),
	    "%s", json);
	cr_assert_not_null(strstr(json, "\"rule\": \"default\",\n      "
	    "\"condition\": null"), "%s", json);
	cr_assert_not_null(strstr(json, "\"tell\": \"Order 12345, key ending "
	    "in 46789: the admin center says \\\"The maximum is <x> user "
	    "licenses.\\\" (maximum 300). {literal braces}\""), "%s", json);
	cr_assert_not_null(strstr(json, "\"verdict\": \"well-formed\""));
	free(json);

	/* resumed: the same path, the same values, the same text */
	cr_assert_eq(record_resume(t, path, tu_fake_clock, &back, err,
	    sizeof err), 0, "%s", err);
	tu_same_path(s, back);
	json = facts_fill_text(back, &session_node(back)->tell);
	cr_assert_str_eq(json, "Order 12345, key ending in 46789: the admin "
	    "center says \"The maximum is <x> user licenses.\" (maximum 300). "
	    "{literal braces}");
	free(json);

	/* the Markdown record says which rule routed the call */
	cr_assert_not_null(fp = open_memstream(&md, &len));
	cr_assert_eq(record_markdown(s, fp), 0);
	fclose(fp);
	cr_assert_not_null(strstr(md, "Routed by rule 1: error: too-many, "
	    "answer: partner \\= yes"), "%s", md);
	cr_assert_not_null(strstr(md, "Answer: 12345"), "%s", md);
	cr_assert_not_null(strstr(md, "(maximum 300)"), "%s", md);
	free(md);
	session_free(back);
	session_free(s);
	tu_rm_rf(dir);
	tree_free(t);
}

Test(facts, a_preset_field_answers_itself_and_resumes)
{
	const struct kw_tree *t = tu_bundled();
	struct kw_session *s = session_new(t, 0, tu_fake_clock), *back;
	char dir[1024], path[1100], err[512], *json;
	const struct kw_step *st;
	struct kw_keycheck k;

	interact_set_key(s, GOOD_KEY, &k);
	prodkey_wipe(&k);
	interact_continue(s);
	cr_assert_str_eq(session_node(s)->id, "which-error");
	for (size_t i = 0; i < session_node(s)->nopts; i++)
		if (strcmp(session_node(s)->opts[i].id,
		    "too-many-licenses") == 0)
			session_answer(s, i, "You've added more user licenses "
			    "than this offer allows. The maximum is 300 user "
			    "licenses.", 0);
	/* the maximum was read from the paste: not asked */
	cr_assert_str_eq(session_node(s)->id, "licenses-on-key");
	st = session_step(s, session_depth(s) - 2);
	cr_assert_str_eq(st->node->id, "maximum-shown");
	cr_assert_str_eq(st->text, "300");
	cr_assert_eq(st->flags, KW_STEP_PRESET);
	/* back goes to the error list, over the preset */
	cr_assert_eq(session_back(s), 0);
	cr_assert_str_eq(session_node(s)->id, "which-error");
	for (size_t i = 0; i < session_node(s)->nopts; i++)
		if (strcmp(session_node(s)->opts[i].id,
		    "too-many-licenses") == 0)
			session_answer(s, i, "the maximum is 250", 0);

	json = write_record(s, dir, sizeof dir, path, sizeof path);
	cr_assert_not_null(strstr(json, "\"value\": \"250\",\n      "
	    "\"preset\": true"), "%s", json);
	free(json);
	cr_assert_eq(record_resume(t, path, tu_fake_clock, &back, err,
	    sizeof err), 0, "%s", err);
	cr_assert_str_eq(session_node(back)->id, "licenses-on-key");
	cr_assert_str_eq(session_step(back, session_depth(back) - 2)->text,
	    "250");
	session_free(back);
	session_free(s);
	tu_rm_rf(dir);
}

/* {agent} and {ticket}: the call's, as --agent and --ticket give them; a
 * field preset from the agent is answered once the call names one. */
Test(facts, the_agent_and_the_ticket)
{
	struct kw_tree *t = tu_load(tu_src(
	    "tests/fixtures/good/facts-who.yaml"));
	struct kw_session *s = session_new(t, 0, tu_fake_clock);
	const struct kw_node *n;
	char buf[64], *text;

	cr_assert_eq(facts_source(t, "agent", 5, &n, buf, sizeof buf),
	    KW_SRC_GIVEN);
	cr_assert_eq(facts_source(t, "ticket", 6, &n, buf, sizeof buf),
	    KW_SRC_GIVEN);
	/* no agent yet: the field waits, the fallback shows */
	cr_assert_str_eq(session_node(s)->id, "taken-by");
	cr_assert_eq(facts_value(s, "agent", 5, buf, sizeof buf), 0);
	text = facts_fill(s, "{agent|nobody} {ticket}");
	cr_assert_str_eq(text, "nobody {ticket}");
	free(text);
	session_set_ticket(s, "T-42");
	cr_assert_str_eq(session_node(s)->id, "taken-by");
	session_set_agent(s, "marie");
	cr_assert_str_eq(session_node(s)->id, "with-ticket");
	cr_assert_str_eq(session_step(s, 0)->text, "marie");
	cr_assert_eq(session_step(s, 0)->flags, KW_STEP_PRESET);
	text = facts_fill_text(s, &session_node(s)->text);
	cr_assert_str_eq(text, "marie closes ticket T-42.");
	free(text);
	session_free(s);

	/* both at once, as the command line gives them: the rule sees the
	 * ticket although the agent's field comes first */
	s = session_new(t, 0, tu_fake_clock);
	session_set_who(s, "marie", "T-42");
	cr_assert_str_eq(session_node(s)->id, "with-ticket");
	session_free(s);

	/* the agent alone, in French */
	s = session_new(t, 1, tu_fake_clock);
	session_set_agent(s, "marie");
	cr_assert_str_eq(session_node(s)->id, "without-ticket");
	text = facts_fill_text(s, &session_node(s)->text);
	cr_assert_str_eq(text, "marie n'a pas de ticket : aucun.");
	free(text);
	session_free(s);
	tree_free(t);
}
