/* SPDX-License-Identifier: MIT */
/* test_session.c - the engine: answers, back, restart, events, every path */
#include "config.h"

#include <criterion/criterion.h>
#include <string.h>

#include "session.h"
#include "testutil.h"

static struct kw_tree *tree;
static struct kw_session *s;

static void
setup(void)
{
	tree = tu_load(tu_src("tests/fixtures/session/walk.yaml"));
	s = session_new(tree, 0, tu_fake_clock);
}

static void
teardown(void)
{
	session_free(s);
	tree_free(tree);
}

TestSuite(session, .init = setup, .fini = teardown);

static const char *
here(void)
{
	return session_node(s)->id;
}

Test(session, starts_at_the_start_node)
{
	cr_assert_str_eq(here(), "key");
	cr_assert_eq(session_depth(s), 1);
	cr_assert_null(session_outcome(s));
	cr_assert_eq(session_event(s, 0)->type, KW_EV_START);
	cr_assert_eq(session_event(s, 1)->type, KW_EV_SHOW);
}

Test(session, answers_follow_the_edges)
{
	cr_assert_eq(session_answer(s, 0, NULL, 0), 0);
	cr_assert_str_eq(here(), "pick");
	cr_assert_eq(session_answer(s, 0, "it has expired", 0), 0);
	cr_assert_str_eq(here(), "role");
	cr_assert_eq(session_answer(s, KW_OPT_NO, NULL, 0), 0);
	cr_assert_str_eq(here(), "ask-admin");
	cr_assert_not_null(session_outcome(s));
	cr_assert_eq(session_depth(s), 4);
	cr_assert_str_eq(session_step(s, 1)->text, "it has expired");
	cr_assert_eq(session_step(s, 2)->opt, KW_OPT_NO);
	cr_assert_eq(session_step(s, 3)->opt, -1);
}

Test(session, bad_answers_change_nothing)
{
	size_t n = session_nevents(s);

	cr_assert_eq(session_answer(s, 1, NULL, 0), -1); /* key has one */
	session_answer(s, 0, NULL, 0);
	cr_assert_eq(session_answer(s, 3, NULL, 0), -1);
	cr_assert_str_eq(here(), "pick");
	session_answer(s, 2, NULL, 0);
	session_answer(s, 0, NULL, 0);
	cr_assert_str_eq(here(), "support");
	cr_assert_eq(session_answer(s, 0, NULL, 0), -1); /* an outcome */
	cr_assert_gt(session_nevents(s), n);
}

Test(session, back_pops_one_step_and_forgets_the_answer)
{
	cr_assert_eq(session_back(s), -1);
	session_answer(s, 0, NULL, 0);
	session_answer(s, 1, "later", 0);
	cr_assert_str_eq(here(), "wait");
	cr_assert_eq(session_back(s), 0);
	cr_assert_str_eq(here(), "pick");
	cr_assert_eq(session_depth(s), 2);
	cr_assert_eq(session_step(s, 1)->opt, -1);
	cr_assert_null(session_step(s, 1)->text);
	session_answer(s, 0, NULL, 0);
	cr_assert_str_eq(here(), "role");
}

Test(session, back_to_any_earlier_step)
{
	session_answer(s, 0, NULL, 0);
	session_answer(s, 0, NULL, 0);
	session_answer(s, KW_OPT_YES, NULL, 0);
	cr_assert_str_eq(here(), "new-key");
	cr_assert_eq(session_back_to(s, 3), -1);	/* not before */
	cr_assert_eq(session_back_to(s, 1), 0);
	cr_assert_str_eq(here(), "pick");
	cr_assert_eq(session_back_to(s, 0), 0);
	cr_assert_str_eq(here(), "key");
	cr_assert_eq(session_depth(s), 1);
}

Test(session, restart_keeps_log_key_and_notes)
{
	session_answer(s, 0, NULL, 0);
	session_set_key(s, 1, "XXXXX-XXXXX-XXXXX-XXXXX-7QW3K", "ok");
	session_add_note(s, "caller is on a train");
	session_answer(s, 1, NULL, 0);
	session_restart(s);
	cr_assert_str_eq(here(), "key");
	cr_assert_eq(session_depth(s), 1);
	cr_assert(session_key(s)->entered);
	cr_assert_str_eq(session_key(s)->masked,
	    "XXXXX-XXXXX-XXXXX-XXXXX-7QW3K");
	int notes = 0, restarts = 0;
	for (size_t i = 0; i < session_nevents(s); i++) {
		const struct kw_event *e = session_event(s, i);

		notes += e->type == KW_EV_NOTE;
		restarts += e->type == KW_EV_RESTART;
		if (e->type == KW_EV_NOTE)
			cr_assert_str_eq(e->text, "caller is on a train");
	}
	cr_assert_eq(notes, 1);
	cr_assert_eq(restarts, 1);
}

Test(session, events_are_timed_in_order)
{
	session_answer(s, 0, NULL, 0);
	session_back(s);
	session_answer(s, 0, NULL, 0);
	for (size_t i = 1; i < session_nevents(s); i++)
		cr_assert_gt(session_event(s, i)->t,
		    session_event(s, i - 1)->t);
	cr_assert_eq(session_event(s, session_nevents(s) - 1)->type,
	    KW_EV_SHOW);
}

Test(session, checklist_items_tick_on_step_nodes_only)
{
	cr_assert_eq(session_check_item(s, 0, 1), -1);
	session_answer(s, 0, NULL, 0);
	session_answer(s, 2, NULL, 0);
	cr_assert_str_eq(here(), "steps");
	cr_assert_eq(session_check_item(s, 1, 1), 0);
	cr_assert_eq(session_check_item(s, 2, 1), -1);
	cr_assert_eq(session_step(s, 2)->checked, 2UL);
	session_check_item(s, 1, 0);
	cr_assert_eq(session_step(s, 2)->checked, 0UL);
}

Test(session, wait_skip_is_flagged)
{
	session_answer(s, 0, NULL, 0);
	session_answer(s, 1, NULL, 0);
	cr_assert_eq(session_answer(s, KW_OPT_FAILING, NULL,
	    KW_STEP_SKIPPED), 0);
	cr_assert_str_eq(here(), "support");
	cr_assert_eq(session_step(s, 2)->flags, (unsigned)KW_STEP_SKIPPED);
}

Test(session, finish_ends_or_quits)
{
	session_finish(s);
	cr_assert(session_finished(s));
	cr_assert_eq(session_event(s, session_nevents(s) - 1)->type,
	    KW_EV_QUIT);
	cr_assert_eq(session_answer(s, 0, NULL, 0), -1);
	session_restart(s);
	session_answer(s, 0, NULL, 0);
	session_answer(s, 1, NULL, 0);
	session_answer(s, KW_OPT_WORKED, NULL, 0);
	session_finish(s);
	session_finish(s);	/* idempotent */
	cr_assert_eq(session_event(s, session_nevents(s) - 1)->type,
	    KW_EV_END);
	cr_assert_eq(session_event(s, session_nevents(s) - 2)->type,
	    KW_EV_SHOW);
}

Test(session, error_is_the_answered_message)
{
	const struct kw_node *n;
	size_t opt;

	cr_assert_eq(session_error(s, &n, &opt), 0);
	session_answer(s, 0, NULL, 0);
	session_answer(s, 1, NULL, 0);
	cr_assert_eq(session_error(s, &n, &opt), 1);
	cr_assert_str_eq(n->id, "pick");
	cr_assert_eq(opt, 1);
	session_back(s);
	session_answer(s, 2, NULL, 0);	/* "other" has no message */
	cr_assert_eq(session_error(s, &n, &opt), 0);
}

/* Depth-first over every answer sequence: each path ends at an outcome
 * (the walk is bounded by the node count, so a loop would fail it). */
static size_t
walk_all(struct kw_session *w, size_t depth, size_t limit)
{
	const struct kw_node *n = session_node(w);
	size_t outcomes = 0;

	cr_assert_leq(depth, limit, "path longer than the tree at %s", n->id);
	if (n->type == KW_NODE_OUTCOME)
		return 1;
	cr_assert_gt(n->nopts, 0, "%s has no way on", n->id);
	if (n->type == KW_NODE_KEY && !session_key(w)->entered)
		session_set_key(w, 1, "XXXXX-XXXXX-XXXXX-XXXXX-46789", "");
	for (size_t i = 0; i < n->nopts; i++) {
		if (n->type == KW_NODE_FIELD)
			cr_assert_eq(session_field(w, "350"), 0);
		else
			cr_assert_eq(session_answer(w, i, NULL, 0), 0);
		outcomes += walk_all(w, depth + 1, limit);
		cr_assert_eq(session_back(w), 0);
	}
	return outcomes;
}

Test(session, every_path_of_the_test_tree_reaches_an_outcome)
{
	cr_assert_eq(walk_all(s, 0, tree->nnodes), 5);
}

Test(session, every_path_of_the_bundled_tree_reaches_an_outcome)
{
	const struct kw_tree *b = tu_bundled();
	struct kw_session *w = session_new(b, 1, tu_fake_clock);
	size_t n = walk_all(w, 0, b->nnodes);

	cr_assert_geq(n, 9, "only %zu paths", n);
	session_free(w);
}

Test(session, back_onto_a_wait_keeps_its_time)
{
	time_t shown, key_shown;

	session_answer(s, 0, NULL, 0);
	session_answer(s, 1, NULL, 0);
	cr_assert_str_eq(here(), "wait");
	shown = session_step(s, 2)->shown;
	session_answer(s, KW_OPT_FAILING, NULL, 0);
	session_back(s);
	cr_assert_str_eq(here(), "wait");
	cr_assert_eq(session_step(s, 2)->shown, shown);
	/* other steps are shown afresh */
	key_shown = session_step(s, 0)->shown;
	session_restart(s);
	cr_assert_gt(session_step(s, 0)->shown, key_shown);
}
