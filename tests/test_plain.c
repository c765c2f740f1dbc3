/* SPDX-License-Identifier: MIT */
/* test_plain.c - scripted sessions through the plain front end */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "facts.h"
#include "i18n.h"
#include "interact.h"
#include "prodkey.h"
#include "record.h"
#include "session.h"
#include "testutil.h"
#include "ui.h"

/* Run `script` through the plain front end on tree `t` in `lang`. */
static void
run_plain(const struct kw_tree *t, const char *lang, const char *script,
    int echo, struct tu_run *r)
{
	struct kw_ui_opts o = { .training = 0, .echo = echo, .width = 80 };

	tu_run_plain(t, lang, script, strlen(script), &o, r);
}

static struct kw_tree *walk;

static void
setup(void)
{
	walk = tu_load(tu_src("tests/fixtures/session/walk.yaml"));
}

static void
teardown(void)
{
	tree_free(walk);
}

TestSuite(plain, .init = setup, .fini = teardown);

Test(plain, a_whole_walk_in_english)
{
	struct tu_run r;

	run_plain(walk, "en", "\n1\nn\n\n", 1, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "ask-admin");
	cr_assert(strstr(r.out, "Step 1: ") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "  1) Expired key\n") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "[1-3, text, b back, q quit, ? help]> 1\n") != NULL,
	    "%s", r.out);
	cr_assert(strstr(r.out, "[y yes, n no, b back, q quit, ? help]> n\n") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "Who to contact: A billing admin\n") != NULL,
	    "%s", r.out);
	tu_run_free(&r);
}

/* The plain front end wraps as the screens do (layout.c): at 24 columns
 * the outcome's longer labels get a row of their own. */
Test(plain, narrow_text_wraps_as_on_the_screens)
{
	struct kw_ui_opts o = { .echo = 1, .width = 24 };
	static const char script[] = "\n1\nn\n\n";
	struct tu_run r;

	tu_run_plain(walk, "en", script, strlen(script), &o, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert(strstr(r.out, "\nWho to contact:\nA billing admin\n") !=
	    NULL, "%s", r.out);
	tu_run_free(&r);
}

Test(plain, a_whole_walk_in_french)
{
	struct tu_run r;

	run_plain(walk, "fr", "\n1\no\n\n", 1, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "new-key");
	cr_assert(strstr(r.out, "[o oui, n non, r retour, q quitter, ? aide]> o\n") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "Achetez une nouvelle clé.") != NULL, "%s",
	    r.out);
	/* one sentence in the catalogue: French puts a space before the colon */
	cr_assert(strstr(r.out, "Étape 1 : ") != NULL, "%s", r.out);
	tu_run_free(&r);
}

Test(plain, pasted_message_is_matched)
{
	struct tu_run r;

	run_plain(walk, "en",
	    "\nError: \"The product key you entered has EXPIRED\"\ny\n\n", 0,
	    &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "new-key");
	cr_assert(strstr(r.out, "Matched: 1) Expired key") != NULL, "%s",
	    r.out);
	cr_assert_str_eq(session_step(r.s, 1)->text,
	    "Error: \"The product key you entered has EXPIRED\"");
	tu_run_free(&r);
}

/* Text that matches no message is logged for --report (what the tree
 * lacks), once per line typed; a number then answers as usual. */
Test(plain, unmatched_text_is_logged)
{
	struct tu_run r;
	size_t n = 0;

	run_plain(walk, "en", "\nlicence count exceeded\nzzz qqq\n1\ny\n\n",
	    0, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	for (size_t i = 0; i < session_nevents(r.s); i++) {
		const struct kw_event *e = session_event(r.s, i);

		if (e->type != KW_EV_UNMATCHED)
			continue;
		cr_assert_str_eq(e->node->id, "pick");
		cr_assert_str_eq(e->text, n == 0 ? "licence count exceeded" :
		    "zzz qqq");
		n++;
	}
	cr_assert_eq(n, 2, "%s", r.out);
	cr_assert_str_eq(session_event_name(KW_EV_UNMATCHED), "unmatched");
	tu_run_free(&r);
}

Test(plain, french_message_matches_in_an_english_session)
{
	struct tu_run r;

	run_plain(walk, "en",
	    "\nnous ne pouvons pas traiter votre demande\n1\n\n", 0, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "fixed");
	tu_run_free(&r);
}

Test(plain, unrelated_text_matches_nothing)
{
	struct tu_run r;

	run_plain(walk, "en", "\nthe printer is offline\n", 0, &r);
	cr_assert_eq(r.status, KW_EXIT_NEGATIVE);
	cr_assert(strstr(r.out, "No message matches that text.") != NULL,
	    "%s", r.out);
	cr_assert_str_eq(session_node(r.s)->id, "pick");
	tu_run_free(&r);
}

Test(plain, back_and_restart)
{
	struct tu_run r;

	run_plain(walk, "en", "\n1\nb\n2\nrestart\n\n3\n\n\n", 1, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "support");
	tu_run_free(&r);
}

Test(plain, restart_at_an_outcome_starts_no_new_call)
{
	struct tu_run r;

	run_plain(walk, "en", "\n1\nn\nrestart\nq\n", 1, &r);
	cr_assert(strstr(r.out, "A new call is a new run of keywiz") != NULL,
	    "%s", r.out);
	/* quitting at an outcome: the call was completed */
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "ask-admin");
	tu_run_free(&r);
}

Test(plain, another_message_keeps_the_words_given)
{
	struct tu_run r;
	FILE *fp;
	char *md = NULL;
	size_t n = 0;

	run_plain(walk, "en", "\nthe printer is on fire\n3\n\n\nq\n", 1,
	    &r);
	cr_assert_str_eq(session_step(r.s, 1)->text, "the printer is on fire",
	    "%s", r.out);
	fp = open_memstream(&md, &n);
	record_markdown(r.s, fp);
	fclose(fp);
	cr_assert(strstr(md, "Text given: the printer is on fire") != NULL,
	    "%s", md);
	cr_assert_null(strstr(md, "No error message was chosen"));
	free(md);
	tu_run_free(&r);
}

/* A key pasted with its label is the key (issue 13), masked as every key
 * is (the safety branch): echoed masked, never whole in the output. */
Test(plain, a_key_pasted_with_its_label_is_the_key_and_masked)
{
	struct tu_run r;

	run_plain(walk, "en", "Product key: bcdfg-hjkmp-qrtvw-xy234-6789b\n"
	    "\nq\n", 1, &r);
	cr_assert(session_key(r.s)->valid, "%s", r.out);
	cr_assert(strstr(r.out, "]> XXXXX-XXXXX-XXXXX-XXXXX-6789B\n") != NULL,
	    "%s", r.out);
	cr_assert_null(strstr(r.out, "BCDFG"), "%s", r.out);
	cr_assert_null(strstr(r.out, "bcdfg"), "%s", r.out);
	cr_assert_null(strstr(r.out, "Product key:"), "%s", r.out);
	tu_run_free(&r);
}

/* The words kept with "another message" are masked like any text kept in
 * the session (keymask in session.c's keep()). */
Test(plain, another_message_with_a_key_in_it_keeps_it_masked)
{
	struct tu_run r;
	FILE *fp;
	char *md = NULL;
	size_t n = 0;

	run_plain(walk, "en", "\nthe printer ate BCDFG-HJKMP-QRTVW-XY234-6789B"
	    "\n3\n\n\nq\n", 1, &r);
	cr_assert_str_eq(session_step(r.s, 1)->text,
	    "the printer ate XXXXX-XXXXX-XXXXX-XXXXX-6789B", "%s", r.out);
	fp = open_memstream(&md, &n);
	record_markdown(r.s, fp);
	fclose(fp);
	cr_assert(strstr(md, "Text given: the printer ate "
	    "XXXXX-XXXXX-XXXXX-XXXXX-6789B") != NULL, "%s", md);
	cr_assert_null(strstr(md, "BCDFG"), "%s", md);
	free(md);
	tu_run_free(&r);
}

Test(plain, a_tick_prints_the_item_not_the_step)
{
	struct tu_run r;
	const char *first;

	run_plain(walk, "en", "\n3\n1\n\n\n", 1, &r);
	first = strstr(r.out, "Step 3: ");
	cr_assert_not_null(first, "%s", r.out);
	cr_assert_null(strstr(first + 1, "Step 3: "), "%s", r.out);
	cr_assert(strstr(r.out, "tick, b back, q quit, ? help]> 1\n  [x] 1. ")
	    != NULL, "%s", r.out);
	tu_run_free(&r);
}

Test(plain, back_at_the_start_says_so)
{
	struct tu_run r;

	run_plain(walk, "en", "b\nq\n", 0, &r);
	cr_assert_eq(r.status, KW_EXIT_NEGATIVE);
	cr_assert(strstr(r.out, "This is the first step.") != NULL);
	cr_assert(strstr(r.out, "[key, q quit, ? help]> ") != NULL, "%s", r.out);
	tu_run_free(&r);
}

Test(plain, end_of_input_is_a_quit)
{
	struct tu_run r;

	run_plain(walk, "en", "\n", 0, &r);
	cr_assert_eq(r.status, KW_EXIT_NEGATIVE);
	cr_assert(session_finished(r.s));
	cr_assert_eq(session_event(r.s, session_nevents(r.s) - 1)->type,
	    KW_EV_QUIT);
	cr_assert(strstr(r.out, "Session ended before an outcome.") != NULL);
	tu_run_free(&r);
}

Test(plain, wait_never_blocks_and_skip_is_recorded)
{
	struct tu_run r;

	run_plain(walk, "en", "\n2\n2\n3\n\n", 1, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "support");
	cr_assert(strstr(r.out, "Wait 15 minutes: from ") != NULL, "%s",
	    r.out);
	cr_assert_eq(session_step(r.s, 2)->flags, (unsigned)KW_STEP_SKIPPED);
	/* still failing is not taken before the wait is over */
	cr_assert(strstr(r.out, "! The wait is not over: ") != NULL, "%s",
	    r.out);
	cr_assert(strstr(r.out, "it had failed for longer elsewhere") != NULL,
	    "%s", r.out);
	tu_run_free(&r);
}

Test(plain, checklist_ticks_and_notes)
{
	struct tu_run r;

	run_plain(walk, "en", "\n3\n2\nnote caller rebooted\n\n\n", 1, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert(strstr(r.out, "[x] 2. Second thing") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "Note added.") != NULL);
	tu_run_free(&r);
}

Test(plain, the_key_is_analysed_masked_and_echoed_masked)
{
	struct tu_run r;

	run_plain(walk, "en", "bcdfg-hjkmp-qrtvw-xy234-6789b\n\nq\n", 1, &r);
	cr_assert(strstr(r.out, "[key, q quit, ? help]> "
	    "XXXXX-XXXXX-XXXXX-XXXXX-6789B\n") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "XXXXX-XXXXX-XXXXX-XXXXX-6789B") != NULL,
	    "%s", r.out);
	cr_assert_null(strstr(r.out, "BCDFG"), "%s", r.out);
	cr_assert_null(strstr(r.out, "bcdfg"), "%s", r.out);
	cr_assert(session_key(r.s)->valid);
	tu_run_free(&r);
}

Test(plain, a_key_in_a_note_or_a_pasted_message_is_echoed_masked)
{
	struct tu_run r;

	run_plain(walk, "en", "\nnote read BCDFGHJKMPQRTVWXY2346789B\n"
	    "expired bcdfg hjkmp qrtvw xy234 6789b\nq\n", 1, &r);
	cr_assert(strstr(r.out, "> note read XXXXX-XXXXX-XXXXX-XXXXX-6789B\n")
	    != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "> expired XXXXX-XXXXX-XXXXX-XXXXX-6789B\n")
	    != NULL, "%s", r.out);
	cr_assert_null(strstr(r.out, "BCDFG"), "%s", r.out);
	cr_assert_null(strstr(r.out, "bcdfg"), "%s", r.out);
	tu_run_free(&r);
}

Test(plain, an_impossible_character_is_pointed_at)
{
	struct tu_run r;

	run_plain(walk, "en", "BCDFG-HJKMP-QRTVW-XY234-6789O\n\nq\n", 0, &r);
	/* the curses key screen's sentence, word for word */
	cr_assert(strstr(r.out, "- Group 5, character 5: 'O' is never in a "
	    "product key; did you mean D or Q?") != NULL, "%s", r.out);
	cr_assert_not(session_key(r.s)->valid);
	cr_assert_str_eq(session_node(r.s)->id, "pick");
	tu_run_free(&r);
}

Test(plain, control_characters_never_reach_the_terminal)
{
	struct tu_run r;

	run_plain(walk, "en", "\n\033]0;pwned\a\nq\n", 1, &r);
	cr_assert_null(strchr(r.out, '\033'));
	cr_assert_null(strchr(r.out, '\a'));
	tu_run_free(&r);
}

Test(plain, help_lists_the_answers)
{
	struct tu_run r;

	run_plain(walk, "en", "\n?\nq\n", 0, &r);
	cr_assert(strstr(r.out, "paste or type the message you saw") != NULL,
	    "%s", r.out);
	tu_run_free(&r);
}

/* ---- the bundled tree: each of the nine messages, pasted verbatim, in
 * English and in French, walked to an outcome that names who to contact */

static char *
squash(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t') {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
		} else
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

static const struct kw_node *
error_choice(const struct kw_tree *t)
{
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];

		if (n->type == KW_NODE_CHOICE)
			for (size_t j = 0; j < n->nopts; j++)
				if (tree_text_set(&n->opts[j].message))
					return n;
	}
	return NULL;
}

/* Whether `text` appears in `out`, whatever the wrapping: runs of white
 * space count as one space on both sides. */
static int
shows(const char *out, const char *text)
{
	char *a = squash(out), *b = squash(text);
	int found = strstr(a, b) != NULL;

	free(a);
	free(b);
	return found;
}

/* The answer a scripted caller gives at `n`: the first one. */
static const char *
policy(const struct kw_node *n, const char *lang)
{
	switch (n->type) {
	case KW_NODE_QUESTION:
		return strcmp(lang, "fr") == 0 ? "o" : "y";
	case KW_NODE_CHOICE:
	case KW_NODE_WAIT:
		return "1";
	case KW_NODE_KEY:
		return "BCDFG-HJKMN-PQRTV-WXY23-46789\n";
	case KW_NODE_FIELD:
		return n->kind == KW_FIELD_DATE ? "2026-10-01" :
		    n->kind == KW_FIELD_NUMBER ? "350" :
		    n->kind == KW_FIELD_EMAIL ? "admin@contoso.com" : "Contoso";
	default:
		return "";
	}
}

/* Give the scripted caller's answer at the session's node: into `script`
 * and to the session `w`. */
static void
scripted(struct kw_session *w, char *script, const char *lang)
{
	const struct kw_node *n = session_node(w);
	struct kw_keycheck k;

	strcat(script, policy(n, lang));
	strcat(script, "\n");
	if (n->type == KW_NODE_KEY) {
		interact_set_key(w, "BCDFG-HJKMN-PQRTV-WXY23-46789", &k);
		prodkey_wipe(&k);
	}
	if (n->type == KW_NODE_FIELD)
		session_field(w, policy(n, lang));
	else
		session_answer(w, 0, NULL, 0);
}

static void
nine_messages(const char *lang)
{
	const struct kw_tree *t = tu_bundled();
	const struct kw_node *pick = error_choice(t);
	size_t li = (size_t)tree_lang(t, lang), nmsg = 0;

	cr_assert_not_null(pick);
	for (size_t i = 0; i < pick->nopts; i++) {
		const struct kw_option *o = &pick->opts[i];
		struct kw_session *w;
		char script[8192] = "", *contact;
		struct tu_run r;

		if (!tree_text_set(&o->message))
			continue;
		nmsg++;
		/* the expected walk, through the engine */
		w = session_new(t, li, tu_fake_clock);
		while (session_node(w) != pick)
			scripted(w, script, lang);
		strcat(script, tree_text(&o->message, li));
		strcat(script, "\n");
		session_answer(w, i, NULL, 0);
		while (session_outcome(w) == NULL &&
		    strlen(script) < sizeof script - 512)
			scripted(w, script, lang);
		strcat(script, "\n");

		run_plain(t, lang, script, 1, &r);
		cr_assert_eq(r.status, KW_EXIT_OK, "message %s: %s", o->id,
		    r.out);
		cr_assert_eq(session_outcome(r.s), session_outcome(w),
		    "message %s ends at %s, expected %s", o->id,
		    session_outcome(r.s)->id, session_outcome(w)->id);
		cr_assert(shows(r.out, tree_text(&session_outcome(w)->text,
		    li)), "message %s: outcome not shown: %s", o->id, r.out);
		cr_assert(tree_text_set(&session_outcome(w)->contact),
		    "message %s: outcome %s names no contact", o->id,
		    session_outcome(w)->id);
		contact = facts_fill_text(w, &session_outcome(w)->contact);
		cr_assert(shows(r.out, contact), "message %s: contact not "
		    "shown: %s", o->id, r.out);
		free(contact);
		session_free(w);
		tu_run_free(&r);
	}
	cr_assert_eq(nmsg, 9, "the error choice has %zu messages", nmsg);
}

Test(plain, nine_messages_in_english) { nine_messages("en"); }
Test(plain, nine_messages_in_french) { nine_messages("fr"); }

/* The bundled tree: a pasted message, typed fields, and the message to
 * send filled in with all of them. */
static void
filled_walk(const char *lang, const char *script, const char *want)
{
	struct tu_run r;

	run_plain(tu_bundled(), lang, script, 1, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id,
	    "contact-reseller-licenses");
	cr_assert(shows(r.out, want), "%s", r.out);
	cr_assert_null(strstr(r.out, "How many user licenses does the key add? "
	    "300"), "the maximum is read, never asked: %s", r.out);
	tu_run_free(&r);
}

Test(plain, the_message_to_send_is_filled_in)
{
	filled_walk("en", "BCDFG-HJKMN-PQRTV-WXY23-46789\n\n"
	    "You've added more user licenses than this offer allows. The "
	    "maximum is 300 user licenses.\n"
	    "350 licenses\n350\nn\nContoso Shop\n1 October 2026\n2026-10-01\n"
	    "INV-4711\n\n",
	    "What to tell them: \"The key ending in 46789, bought from you on "
	    "2026-10-01 (order INV-4711), adds 350 licenses, but the admin "
	    "center says the maximum for this offer is 300. Please exchange "
	    "it for a key with fewer licenses.\" Attach the proof of "
	    "purchase.");
	filled_walk("fr", "BCDFG-HJKMN-PQRTV-WXY23-46789\n\n"
	    "Le maximum est 300 les licences utilisateur. Retirez cette clé "
	    "de produit\n350\nn\nBoutique Contoso\n2026-10-01\nF-4711\n\n",
	    "Quoi leur dire : « La clé qui se termine par 46789, achetée chez "
	    "vous le 2026-10-01 (commande F-4711), ajoute 350 licences, mais "
	    "le centre d’administration indique que le maximum pour cette "
	    "offre est 300.");
}

/* A tree in one language, its texts written as plain strings, with a
 * `why` on one node: training shows it there, and not on the others. */
Test(plain, training_shows_the_why_there_is)
{
	const char *rel = "tests/fixtures/good/one-language.yaml";
	struct kw_tree *t = tu_load(tu_src(rel));
	struct kw_ui_opts o = { .training = 1, .echo = 1, .width = 80 };
	struct tu_run r;
	const char *script = "y\n\n\n";
	char *cable;

	tu_run_plain(t, "en", script, strlen(script), &o, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	cr_assert_str_eq(session_outcome(r.s)->id, "done");
	cr_assert(strstr(r.out, "Why: A printer that is off looks offline "
	    "too.\n") != NULL, "%s", r.out);
	cable = strstr(r.out, "Check the network cable.");
	cr_assert_not_null(cable, "%s", r.out);
	cr_assert_null(strstr(cable, "Why: "), "%s", r.out);
	tu_run_free(&r);
	tree_free(t);
}

/* The record of a walk through a tree without a key node says which tree
 * it is, by its title, and has no product-key section; one without error
 * messages has no error-message section either. */
static char *
example_record(const char *name, const char *script)
{
	char rel[128], *buf = NULL;
	size_t len = 0;
	struct kw_tree *t;
	struct tu_run r;
	struct kw_ui_opts o = { .training = 0, .echo = 1, .width = 80 };
	FILE *fp;

	snprintf(rel, sizeof rel, "wizard/examples/%s.yaml", name);
	t = tu_load(tu_src(rel));
	tu_run_plain(t, "en", script, strlen(script), &o, &r);
	cr_assert_eq(r.status, KW_EXIT_OK, "%s", r.out);
	fp = open_memstream(&buf, &len);
	cr_assert_not_null(fp);
	cr_assert_eq(record_markdown(r.s, fp), 0);
	fclose(fp);
	tu_run_free(&r);
	tree_free(t);
	return buf;
}

Test(plain, a_record_says_what_its_tree_is)
{
	char *md = example_record("printer-not-printing", "3\ny\n\ny\n\n");

	cr_assert(strstr(md, "\nSession record of keywiz for \"The printer "
	    "will not print\".\n") != NULL, "%s", md);
	cr_assert_null(strstr(md, "product-key"), "%s", md);
	cr_assert_null(strstr(md, "## Product key"), "%s", md);
	cr_assert_not_null(strstr(md, "## Error message"), "%s", md);
	free(md);
	md = example_record("password-expired", "y\n\n1\n\n");
	cr_assert_null(strstr(md, "## Product key"), "%s", md);
	cr_assert_null(strstr(md, "## Error message"), "%s", md);
	cr_assert_not_null(strstr(md, "## Outcome"), "%s", md);
	free(md);
}
