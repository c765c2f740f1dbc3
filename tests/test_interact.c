/* SPDX-License-Identifier: MIT */
/* test_interact.c - what an answer does to the session, and the sentences screens share */
#include "config.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "interact.h"
#include "testutil.h"

static struct kw_tree *walk;

static void
setup(void)
{
	i18n_init("en");
	walk = tu_load(tu_src("tests/fixtures/session/walk.yaml"));
}

static void
teardown(void)
{
	tree_free(walk);
}

TestSuite(interact, .init = setup, .fini = teardown);

/* A session on the walk tree at node `id`, reached by `answers` (option
 * indexes, the key node's continue first). */
static struct kw_session *
at(const size_t *answers, size_t n)
{
	struct kw_session *s = session_new(walk, 0, tu_fake_clock);

	for (size_t i = 0; i < n; i++)
		cr_assert_eq(session_answer(s, answers[i], NULL, 0), 0);
	return s;
}

Test(interact, a_key_is_kept_masked_with_its_summary)
{
	struct kw_session *s = at(NULL, 0);
	struct kw_keycheck k;
	const struct kw_keyinfo *ki;

	interact_set_key(s, "bcdfg-hjkmp-qrtvw-xy234-6789O", &k);
	cr_assert_eq(k.verdict, KW_KEY_INVALID);
	cr_assert_eq(k.nbad, 1);
	prodkey_wipe(&k);
	ki = session_key(s);
	cr_assert(ki->entered);
	cr_assert_not(ki->valid);
	cr_assert_str_eq(ki->masked, "XXXXX-XXXXX-XXXXX-XXXXX-6789O");
	cr_assert(strstr(ki->summary, "O at 5.5") != NULL, "%s", ki->summary);
	cr_assert_null(strstr(ki->masked, "BCDFG"));
	/* checking as it is typed leaves the session alone */
	interact_check_key(s, "BCDFG-HJKMP-QRTVW-XY234-6789B", &k);
	cr_assert_eq(k.verdict, KW_KEY_VALID);
	prodkey_wipe(&k);
	cr_assert_not(session_key(s)->valid);
	cr_assert_eq(interact_continue(s), 0);
	cr_assert_str_eq(session_node(s)->id, "pick");
	session_free(s);
}

Test(interact, skipping_a_wait_answers_failing_flagged_skipped)
{
	static const size_t path[] = { 0, 1 };	/* key, "Try later" */
	struct kw_session *s = at(path, 2);
	struct kw_view v = { 0 };
	const struct kw_step *st;

	view_build(&v, s, 0);
	cr_assert_str_eq(v.node->id, "wait");
	cr_assert_eq(v.nchoices, 3);
	cr_assert_eq(interact_take(s, &v.choice[2], NULL), 0);
	st = session_step(s, 2);
	cr_assert_eq(st->opt, KW_OPT_FAILING);
	cr_assert_eq(st->flags, KW_STEP_SKIPPED);
	cr_assert_str_eq(session_node(s)->id, "support");
	view_free(&v);
	session_free(s);
}

Test(interact, a_choice_keeps_what_was_pasted_to_take_it)
{
	static const size_t path[] = { 0 };
	struct kw_session *s = at(path, 1);
	struct kw_view v = { 0 };

	view_build(&v, s, 0);
	cr_assert_eq(interact_take(s, &v.choice[0], "pasted text"), 0);
	view_free(&v);
	cr_assert_str_eq(session_step(s, 1)->text, "pasted text");
	cr_assert_eq(session_step(s, 1)->flags, 0);
	session_free(s);
}

Test(interact, a_tick_toggles_and_an_empty_note_is_no_note)
{
	static const size_t path[] = { 0, 2 };	/* key, "Something else" */
	struct kw_session *s = at(path, 2);
	size_t nev;

	cr_assert_str_eq(session_node(s)->id, "steps");
	interact_tick(s, 1);
	cr_assert_eq(session_step(s, 2)->checked, 2ul);
	interact_tick(s, 1);
	cr_assert_eq(session_step(s, 2)->checked, 0ul);
	nev = session_nevents(s);
	cr_assert_eq(interact_note(s, ""), 0);
	cr_assert_eq(interact_note(s, NULL), 0);
	cr_assert_eq(session_nevents(s), nev);
	cr_assert_eq(interact_note(s, "called back"), 1);
	cr_assert_eq(session_event(s, nev)->type, KW_EV_NOTE);
	cr_assert_str_eq(session_event(s, nev)->text, "called back");
	session_free(s);
}

Test(interact, a_pasted_message_is_clear_close_or_nothing)
{
	static const size_t path[] = { 0 };
	struct kw_session *s = at(path, 1);
	struct kw_matching mc = { 0 };
	struct kw_match m[5];
	size_t n;

	cr_assert_eq(interact_match(&mc, s, "The product key you entered "
	    "has expired.", m, 5, &n), KW_MATCH_CLEAR);
	cr_assert_eq(m[0].opt, 0);
	/* the French message, in an English session */
	cr_assert_eq(interact_match(&mc, s, "Nous ne pouvons pas traiter "
	    "votre demande", m, 5, &n), KW_MATCH_CLEAR);
	cr_assert_eq(m[0].opt, 1);
	cr_assert_eq(interact_match(&mc, s, "zebra quantum lettuce", m, 5,
	    &n), KW_MATCH_NONE);
	cr_assert_eq(n, 0);
	interact_matching_free(&mc);
	cr_assert_null(mc.matcher);
	session_free(s);
}

Test(interact, the_margin_decides_clear_from_close)
{
	static const size_t path[] = { 0 };
	struct kw_session *s = at(path, 1);
	struct kw_matching mc = { 0 };
	struct kw_match m[5];
	size_t n;
	enum kw_match_verdict v;

	/* words of both messages: whatever the scores, the verdict follows
	 * the margin between the first two */
	v = interact_match(&mc, s, "product key request expired process", m,
	    5, &n);
	if (n >= 2 && m[0].score - m[1].score < KW_MATCH_MARGIN)
		cr_assert_eq(v, KW_MATCH_CLOSE);
	else if (n >= 1)
		cr_assert_eq(v, KW_MATCH_CLEAR);
	else
		cr_assert_eq(v, KW_MATCH_NONE);
	interact_matching_free(&mc);
	session_free(s);
}

Test(interact, the_end_status)
{
	static const size_t path[] = { 0, 0, KW_OPT_NO };
	struct kw_session *s = at(path, 3);

	/* quit at an outcome, not yet acknowledged: the call was completed */
	cr_assert_eq(interact_end(s, 1), KW_EXIT_OK);
	cr_assert(session_finished(s));
	session_free(s);

	s = at(path, 3);
	session_finish(s);
	cr_assert_eq(interact_end(s, 0), KW_EXIT_OK);
	session_free(s);

	s = at(path, 1);
	cr_assert_eq(interact_end(s, 0), KW_EXIT_NEGATIVE);
	cr_assert(session_finished(s));
	cr_assert_null(session_outcome(s));
	session_free(s);
}

Test(interact, the_outcome_fields_in_order)
{
	struct kw_outcome_field f[KW_OUTCOME_FIELDS];
	struct kw_session *en = session_new(walk, 0, NULL);
	struct kw_session *fr = session_new(walk, 1, NULL);

	cr_assert_eq(interact_outcome_fields(en, tree_find(walk, "new-key"),
	    f), 3);
	cr_assert_str_eq(f[0].label, "Result: ");
	cr_assert_str_eq(f[0].value, "Contact someone");
	cr_assert_str_eq(f[1].label, "Who to contact: ");
	cr_assert_str_eq(f[1].value, "The reseller");
	cr_assert_str_eq(f[2].label, "What to tell them: ");
	cr_assert_str_eq(f[2].value, "The key expired.");
	interact_outcome_free(f, 3);
	cr_assert_eq(interact_outcome_fields(fr, tree_find(walk, "fixed"), f),
	    1);
	cr_assert_str_eq(f[0].value, "Resolved");
	interact_outcome_free(f, 1);
	cr_assert_eq(interact_outcome_fields(fr, tree_find(walk, "ask-admin"),
	    f), 2);
	cr_assert_str_eq(f[1].value, "Un administrateur de facturation");
	interact_outcome_free(f, 2);
	session_free(en);
	session_free(fr);
}

Test(interact, a_bad_character_in_one_sentence)
{
	struct kw_key_bad b = { .pos = 1, .group = 1, .place = 2,
	    .ch = "O", .problem = KW_BAD_IMPOSSIBLE, .lookalikes = "DQ" };
	char *line;

	line = interact_bad_char(&b, 0);
	cr_assert_str_eq(line, "Group 1, character 2: 'O' is never in a "
	    "product key; did you mean D or Q?");
	free(line);
	line = interact_bad_char(&b, 1);
	cr_assert_str_eq(line, "Group 1, character 2 cannot be in a product "
	    "key.");
	free(line);
	b.lookalikes = "";
	strcpy(b.ch, "\xc3\xa9");
	line = interact_bad_char(&b, 0);
	cr_assert_str_eq(line, "Group 1, character 2: '\xc3\xa9' is never in "
	    "a product key.");
	free(line);
	i18n_init("fr");
	b.lookalikes = "JT7";
	line = interact_bad_char(&b, 0);
	cr_assert(strstr(line, "J, T ou 7") != NULL, "%s", line);
	free(line);
}

Test(interact, branches_not_taken_in_words)
{
	static const size_t path[] = { 0, 0, KW_OPT_NO };
	struct kw_session *s = at(path, 3);
	struct kw_branch b[8];
	size_t n = view_branches(s, b, 8);
	char *line;

	cr_assert_eq(n, 3);	/* two other messages, and "yes" */
	line = interact_branch_line(&b[0], 0);
	cr_assert_str_eq(line, "at \"Which message?\": Try later -> Wait and "
	    "try again");
	free(line);
	line = interact_branch_line(&b[2], 0);
	cr_assert_str_eq(line, "at \"Question\": Yes -> Result");
	free(line);
	cr_assert_str_eq(interact_branches_heading(), "Branches not taken:");
	session_free(s);
}

Test(interact, the_score_line)
{
	struct kw_practice_score sc = { .score = 80, .expected = 5,
	    .correct = 4, .outcome_ok = 1 };
	char *line = interact_score_line(&sc);

	cr_assert_str_eq(line, "Practice score: 80/100 (4 of 5 answers right; "
	    "outcome right).");
	free(line);
	sc.outcome_ok = 0;
	line = interact_score_line(&sc);
	cr_assert(strstr(line, "outcome wrong") != NULL, "%s", line);
	free(line);
	sc.asked = 3;
	line = interact_score_line(&sc);
	cr_assert(strstr(line, "; asked the caller about 3 steps, 2 points "
	    "each).") != NULL, "%s", line);
	free(line);
}

Test(interact, asking_the_caller_costs_points_once_a_step)
{
	struct kw_asks a = { .n = 0 };
	const struct kw_node *n = tree_find(walk, "pick");

	interact_ask(&a, n);
	interact_ask(&a, n);
	cr_assert_eq(a.n, 1);
	interact_ask(&a, tree_find(walk, "role"));
	cr_assert_eq(a.n, 2);
	interact_ask(NULL, n);	/* not practice: nothing counted */
}

Test(interact, what_the_caller_says)
{
	const struct kw_tree *t = tu_bundled();
	const struct kw_scenario *sc = NULL;
	const char *lead = "unset";
	char *line;

	for (size_t i = 0; i < t->nscenarios; i++)
		if (strcmp(t->scenarios[i].id, "consumer-family-key") == 0)
			sc = &t->scenarios[i];
	cr_assert_not_null(sc);
	line = interact_caller_line(sc, tree_find(t, "enter-key"), 0, &lead);
	cr_assert_str_eq(lead, "The caller reads out: ");
	cr_assert_str_eq(line, "7P8GP-4JYT3-T72HB-JFBBW-4PGNQ");
	free(line);
	/* a message, quoted */
	line = interact_caller_line(sc, tree_find(t, "which-error"), 0, &lead);
	cr_assert_str_eq(lead, "The caller reads out: ");
	cr_assert_eq(line[0], '"', "%s", line);
	cr_assert_eq(line[strlen(line) - 1], '"', "%s", line);
	free(line);
	line = interact_caller_line(sc, tree_find(t, "is-consumer-key"), 0,
	    &lead);
	cr_assert_str_eq(lead, "The caller says: ");
	cr_assert_str_eq(line, "Yes");
	free(line);
	/* off the scenario's path */
	line = interact_caller_line(sc, tree_find(t, "redirect-office-setup"),
	    0, &lead);
	cr_assert_null(lead);
	cr_assert_str_eq(line, "The caller has nothing to add here.");
	free(line);
}

Test(interact, restart_is_refused_at_an_outcome)
{
	static const size_t path[] = { 0, 0, KW_OPT_NO };
	struct kw_session *s = at(path, 3);

	cr_assert_eq(interact_restart(s), -1);
	cr_assert_str_eq(session_node(s)->id, "ask-admin");
	cr_assert_eq(session_back(s), 0);
	cr_assert_eq(interact_restart(s), 0);
	cr_assert_eq(session_depth(s), 1);
	session_free(s);
}

Test(interact, a_new_screen_is_told_once)
{
	static const size_t path[] = { 0 };
	struct kw_session *s = at(path, 1);
	struct kw_shown m = { 0 };

	cr_assert_eq(interact_new_screen(&m, s), 1);
	cr_assert_eq(interact_new_screen(&m, s), 0);
	session_answer(s, 0, NULL, 0);
	cr_assert_eq(interact_new_screen(&m, s), 1);
	cr_assert_eq(interact_new_screen(&m, s), 0);
	session_back(s);
	cr_assert_eq(interact_new_screen(&m, s), 1);
	session_free(s);
}

Test(interact, back_finds_the_answer_given_there)
{
	static const size_t path[] = { 0 };
	struct kw_session *s = at(path, 1);
	const char *text;

	cr_assert_eq(interact_previous(s, &text), -1);
	cr_assert_null(text);
	session_answer(s, 1, "pasted words", 0);
	cr_assert_eq(interact_previous(s, &text), -1);
	session_back(s);
	cr_assert_eq(interact_previous(s, &text), 1);
	cr_assert_str_eq(text, "pasted words");
	session_free(s);
}

Test(interact, digits_choose_among_ten_or_more)
{
	struct kw_number num = { 0 };
	size_t take = 99;

	/* fewer than ten: at once */
	cr_assert_eq(interact_digit(&num, 3, 9, &take), KW_NUMBER_TAKE);
	cr_assert_eq(take, 2);
	cr_assert_eq(interact_digit(&num, 0, 9, &take), KW_NUMBER_BAD);
	/* ten: 1 waits, then 0 makes 10 */
	cr_assert_eq(interact_digit(&num, 1, 10, &take), KW_NUMBER_WAIT);
	cr_assert_eq(take, 0);
	cr_assert_eq(interact_digit(&num, 0, 10, &take), KW_NUMBER_TAKE);
	cr_assert_eq(take, 9);
	/* 1 then the moment passes: 1 */
	cr_assert_eq(interact_digit(&num, 1, 10, &take), KW_NUMBER_WAIT);
	cr_assert_eq(interact_digit_timeout(&num, &take), 1);
	cr_assert_eq(take, 0);
	cr_assert_eq(interact_digit_timeout(&num, &take), 0);
	/* 1 then 4 of ten: 4, never "no answer 14" */
	cr_assert_eq(interact_digit(&num, 1, 10, &take), KW_NUMBER_WAIT);
	cr_assert_eq(interact_digit(&num, 4, 10, &take), KW_NUMBER_TAKE);
	cr_assert_eq(take, 3);
	/* 1, 2, 5 of 200 */
	cr_assert_eq(interact_digit(&num, 1, 200, &take), KW_NUMBER_WAIT);
	cr_assert_eq(interact_digit(&num, 2, 200, &take), KW_NUMBER_WAIT);
	cr_assert_eq(interact_digit(&num, 5, 200, &take), KW_NUMBER_TAKE);
	cr_assert_eq(take, 124);
}

Test(interact, a_key_loses_its_label)
{
	cr_assert_str_eq(interact_key_text("Product key: KTD3V-BCDFG"),
	    " KTD3V-BCDFG");
	cr_assert_str_eq(interact_key_text("key=BCDFG-HJKMP"), "BCDFG-HJKMP");
	cr_assert_str_eq(interact_key_text("BCDFG-HJKMP"), "BCDFG-HJKMP");
	/* a colon with no key after it is not a label */
	cr_assert_str_eq(interact_key_text("BCDFG-HJKMP: ok"),
	    "BCDFG-HJKMP: ok");
}

Test(interact, the_summary_after_a_full_screen_run)
{
	static const size_t path[] = { 0, 0, KW_OPT_YES };
	struct kw_session *s = at(path, 3);
	struct kw_keycheck k;
	char *t;

	interact_set_key(s, "BCDFG-HJKMP-QRTVW-XY234-6789B", &k);
	prodkey_wipe(&k);
	t = interact_summary(s, "call.json");
	cr_assert(strstr(t, "Result: Contact someone\n") != NULL, "%s", t);
	cr_assert(strstr(t, "Who to contact: The reseller\n") != NULL);
	cr_assert(strstr(t, "What to tell them: The key expired.\n") != NULL);
	cr_assert(strstr(t, "Key: XXXXX-XXXXX-XXXXX-XXXXX-6789B\n") != NULL);
	cr_assert(strstr(t, "Record: call.json\n") != NULL);
	cr_assert_null(strstr(t, "BCDFG"));
	free(t);
	session_back(s);
	cr_assert_null(interact_summary(s, NULL));
	session_free(s);
}

static time_t wall = 1700000000;

static time_t
wall_clock(void)
{
	return wall;
}

Test(interact, still_failing_waits_for_the_wait)
{
	struct kw_session *s = session_new(walk, 0, wall_clock);
	struct kw_view v = { 0 };	/* view_build() wants it zeroed */
	char *line;

	session_answer(s, 0, NULL, 0);
	session_answer(s, 1, NULL, 0);		/* the wait */
	view_build(&v, s, 0);
	cr_assert_eq(interact_wait_left(s), 15 * 60);
	wall += 120;
	cr_assert_eq(interact_take(s, &v.choice[1], NULL), KW_TAKE_EARLY);
	cr_assert_str_eq(session_node(s)->id, "wait");
	line = interact_early_line(s, &v);
	cr_assert_str_eq(line, "! The wait is not over: 13:00 left. Wait, or "
	    "choose 3 if it already failed for longer elsewhere.");
	free(line);
	/* the skip says it was waited elsewhere, and the record says so */
	cr_assert_eq(interact_take(s, &v.choice[2], NULL), 0);
	line = interact_waited_line(s);
	cr_assert_str_eq(line, "Waited 2 min of the 15 asked; it had failed "
	    "for longer elsewhere.");
	free(line);
	/* after the wait, still failing is taken */
	session_back(s);
	wall += 13 * 60;
	view_build(&v, s, 0);
	cr_assert_eq(interact_wait_left(s), 0);
	cr_assert_eq(interact_take(s, &v.choice[1], NULL), 0);
	line = interact_waited_line(s);
	cr_assert_str_eq(line, "Waited 15 min of the 15 asked.");
	free(line);
	cr_assert_eq(interact_wait_left(s), -1);
	view_free(&v);
	session_free(s);
}
