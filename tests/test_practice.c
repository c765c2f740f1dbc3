/* SPDX-License-Identifier: MIT */
/* test_practice.c - practice calls: the caller's answers and the score */
#include "config.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "interact.h"
#include "practice.h"
#include "prodkey.h"
#include "testutil.h"
#include "ui.h"

static const struct kw_scenario *
scenario(const struct kw_tree *t, const char *id)
{
	for (size_t i = 0; i < t->nscenarios; i++)
		if (strcmp(t->scenarios[i].id, id) == 0)
			return &t->scenarios[i];
	cr_assert_fail("no scenario %s", id);
	return NULL;
}

#define FAMILY_KEY "7P8GP-4JYT3-T72HB-JFBBW-4PGNQ"

/* Answer by answer ids until they run out, `key` typed at the key node;
 * with `path` (a scenario's), an answer whose node the session took by
 * itself (a logic node, a field it knew the answer of) is left out. */
static struct kw_session *
walk_path(const struct kw_tree *t, const char *key,
    const char *const *answers, const struct kw_strv *path)
{
	struct kw_session *s = session_new(t, 0, tu_fake_clock);
	struct kw_keycheck k;

	for (size_t i = 0; answers[i] != NULL; i++) {
		const struct kw_node *n = session_node(s);
		size_t j;

		if (path != NULL && (i >= path->n ||
		    strcmp(n->id, path->v[i]) != 0))
			continue;
		if (n->type == KW_NODE_KEY) {
			interact_set_key(s, key, &k);
			prodkey_wipe(&k);
		}
		if (n->type == KW_NODE_FIELD) {
			session_field(s, "350");
			continue;
		}
		for (j = 0; j < n->nopts; j++)
			if (strcmp(n->opts[j].id, answers[i]) == 0)
				break;
		cr_assert_lt(j, n->nopts, "%s has no answer %s", n->id,
		    answers[i]);
		session_answer(s, j, NULL, 0);
	}
	return s;
}

static struct kw_session *
walk(const struct kw_tree *t, const char *key, const char *const *answers)
{
	return walk_path(t, key, answers, NULL);
}

/* A scenario's answers, NULL-terminated in `a`. */
static void
answers_of(const struct kw_scenario *sc, const char **a)
{
	for (size_t i = 0; i < sc->answers.n; i++)
		a[i] = sc->answers.v[i];
	a[sc->answers.n] = NULL;
}

Test(practice, the_caller_answers_from_the_scenario)
{
	const struct kw_tree *t = tu_bundled();
	const struct kw_scenario *sc = scenario(t, "consumer-family-key");

	cr_assert_str_eq(practice_caller_answer(sc, tree_find(t,
	    "which-error")), "invalid-key-consumer");
	cr_assert_str_eq(practice_caller_answer(sc, tree_find(t,
	    "is-consumer-key")), "yes");
	cr_assert_eq(practice_caller_option(sc, tree_find(t,
	    "is-consumer-key")), KW_OPT_YES);
	cr_assert_null(practice_caller_answer(sc, tree_find(t,
	    "redirect-office-setup")));	/* the outcome: nothing to say */
}

Test(practice, a_perfect_walk_scores_100)
{
	const struct kw_tree *t = tu_bundled();
	const struct kw_scenario *sc = scenario(t, "consumer-family-key");
	const char *a[16] = { 0 };
	struct kw_practice_score r;
	struct kw_session *s;

	answers_of(sc, a);
	s = walk_path(t, FAMILY_KEY, a, &sc->path);
	practice_score(t, sc, s, &r);
	cr_assert_eq(r.score, 100);
	cr_assert_eq(r.correct, r.expected);
	cr_assert(r.outcome_ok);
	cr_assert_eq(r.nitems, 0);
	session_free(s);
}

Test(practice, a_wrong_answer_loses_the_outcome)
{
	const struct kw_tree *t = tu_bundled();
	const struct kw_scenario *sc = scenario(t, "consumer-family-key");
	const char *a[] = { "next", "invalid-key-consumer", "no", NULL };
	struct kw_session *s = walk(t, FAMILY_KEY, a);
	struct kw_practice_score r;

	practice_score(t, sc, s, &r);
	cr_assert_not(r.outcome_ok);
	cr_assert_eq(r.correct, 2);
	cr_assert_lt(r.score, 50, "score %u", r.score);
	cr_assert_eq(r.item[0].kind, KW_PRACTICE_WRONG);
	cr_assert_str_eq(r.item[0].node->id, "is-consumer-key");
	cr_assert_str_eq(r.item[0].expected, "yes");
	cr_assert_str_eq(r.item[0].given, "no");
	cr_assert_eq(r.expected_outcome, tree_find(t,
	    "redirect-office-setup"));
	session_free(s);
}

Test(practice, stopping_early_misses_the_rest)
{
	const struct kw_tree *t = tu_bundled();
	const struct kw_scenario *sc = scenario(t, "consumer-family-key");
	const char *a[] = { "next", NULL };
	struct kw_session *s = walk(t, FAMILY_KEY, a);
	struct kw_practice_score r;

	/* the key's verdict routed at once: no answer of the trainee's */
	practice_score(t, sc, s, &r);
	cr_assert_eq(r.correct, 1);
	cr_assert_eq(r.score, 100 * 1 / 4);
	cr_assert_eq(r.nitems, 2);
	cr_assert_eq(r.item[0].kind, KW_PRACTICE_MISSED);
	cr_assert_str_eq(r.item[0].node->id, "which-error");
	cr_assert_str_eq(r.item[1].node->id, "is-consumer-key");
	session_free(s);
}

Test(practice, every_scenario_walked_as_written_scores_100)
{
	const struct kw_tree *t = tu_bundled();

	cr_assert_geq(t->nscenarios, 18);
	for (size_t k = 0; k < t->nscenarios; k++) {
		const struct kw_scenario *sc = &t->scenarios[k];
		const char *a[64] = { 0 };
		struct kw_practice_score r;
		struct kw_session *s;

		cr_assert_lt(sc->answers.n, 64);
		answers_of(sc, a);
		s = walk_path(t, sc->key != NULL ? sc->key : FAMILY_KEY, a,
		    &sc->path);
		practice_score(t, sc, s, &r);
		cr_assert_eq(r.score, 100, "scenario %s scores %u", sc->id,
		    r.score);
		session_free(s);
	}
}

Test(practice, the_plain_front_end_plays_the_caller_and_scores)
{
	const struct kw_tree *t = tu_bundled();
	struct kw_ui_opts o = { .echo = 1, .width = 80,
	    .scenario = scenario(t, "consumer-family-key") };
	const char *script = "ask\n" FAMILY_KEY "\n\nask\n1\nask\nn\n";
	char *buf = NULL;
	size_t len = 0;
	FILE *in, *out;
	struct kw_session *s;

	i18n_init("en");
	in = fmemopen((void *)script, strlen(script), "r");
	out = open_memstream(&buf, &len);
	s = session_new(t, 0, tu_fake_clock);
	ui_plain_run(s, in, out, &o);
	fclose(in);
	fclose(out);
	cr_assert(strstr(buf, "Practice call: consumer-family-key") != NULL);
	cr_assert(strstr(buf, "The caller reads out: 7P8GP-") != NULL, "%s",
	    buf);
	cr_assert(strstr(buf, "The caller reads out: \"Sorry, this is an "
	    "invalid product key.") != NULL, "%s", buf);
	cr_assert(strstr(buf, "The caller says: Yes") != NULL, "%s", buf);
	cr_assert(strstr(buf, "Practice score: ") != NULL, "%s", buf);
	cr_assert(strstr(buf, "- answered \"No\", expected \"Yes\": ") != NULL, "%s",
	    buf);
	free(buf);
	session_free(s);
}
