/* SPDX-License-Identifier: MIT */
/* test_screens.c - the curses front end's screens without a terminal: input in, what they show and what the session became */
#include "config.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "screenutil.h"
#include "testutil.h"


/* Whether some line of the screen starts with `start`. */
static int
shows_line(const char *screen, const char *start)
{
	size_t n = strlen(start);

	for (const char *p = screen; p != NULL && *p != '\0'; ) {
		if (strncmp(p, start, n) == 0)
			return 1;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return 0;
}

#define assert_shows(d, start) do { \
	char *scr_ = drive_show(d); \
	cr_assert(shows_line(scr_, start), "no line starts with \"%s\" " \
	    "in:\n%s", start, scr_); \
	free(scr_); \
} while (0)

#define assert_not_shown(d, start) do { \
	char *scr_ = drive_show(d); \
	cr_assert_not(shows_line(scr_, start), "a line starts with " \
	    "\"%s\" in:\n%s", start, scr_); \
	free(scr_); \
} while (0)

/* Whether the screen holds `text` anywhere. */
#define assert_has(d, text) do { \
	char *scr_ = drive_show(d); \
	cr_assert(strstr(scr_, text) != NULL, "no \"%s\" in:\n%s", text, \
	    scr_); \
	free(scr_); \
} while (0)

#define assert_has_not(d, text) do { \
	char *scr_ = drive_show(d); \
	cr_assert(strstr(scr_, text) == NULL, "\"%s\" in:\n%s", text, \
	    scr_); \
	free(scr_); \
} while (0)

TestSuite(screens);

/* ---- the key screen ---- */

Test(screens, key_typed_is_checked_and_kept_masked)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	assert_shows(&d, "Key:");
	drive_type(&d, "bcdfg");
	assert_shows(&d, "Key: BCDFG-");
	drive_key(&d, FN | KW_K_F(2));	/* hide */
	assert_shows(&d, "Key: *****-");
	drive_type(&d, "hjkmpqrtvwxy2346789O");
	assert_shows(&d, "! Group 5, character 5 cannot be in a product key.");
	assert_shows(&d, "! Not a valid key: 1 impossible character: "
	    "O at 5.5.");
	drive_key(&d, '\r');
	/* an invalid key goes straight to the step that checks it again */
	cr_assert_str_eq(drive_node(&d), "check-characters");
	cr_assert(session_key(d.s)->entered);
	cr_assert_not(session_key(d.s)->valid);
	cr_assert_str_eq(session_key(d.s)->masked,
	    "XXXXX-XXXXX-XXXXX-XXXXX-6789O");
	drive_free(&d);
}

/* ---- the error list: filter, digits, paste ---- */

Test(screens, filter_narrows_the_list_and_esc_clears_it)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	assert_has(&d, "1) Invalid product key");
	drive_type(&d, "admin");
	assert_shows(&d, "Filter: admin");
	assert_has_not(&d, "1) Invalid product key");
	cr_assert_str_eq(d.ui.choice.filter, "admin");
	drive_key(&d, FN | KW_K_BACKSPACE);
	cr_assert_str_eq(d.ui.choice.filter, "admi");
	drive_type(&d, "zzzz");
	assert_shows(&d, "! No answer contains this text");
	drive_key(&d, 0x1b);
	cr_assert_str_eq(d.ui.choice.filter, "");
	assert_has_not(&d, "Filter:");
	assert_has(&d, "8) More user licenses than this offer allows");
	/* the session has not moved */
	cr_assert_str_eq(drive_node(&d), "which-error");
	drive_free(&d);
}

Test(screens, filtered_enter_takes_the_focused_answer_with_the_filter)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_type(&d, "billing admin");
	drive_key(&d, '\r');
	cr_assert_eq(session_depth(d.s), 4);
	cr_assert_str_eq(session_step(d.s, 2)->node->id, "which-error");
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "not-admin");
	cr_assert_str_eq(drive_answer(&d), "billing admin");
	drive_free(&d);
}

Test(screens, a_digit_takes_its_answer_at_once)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '9');
	cr_assert_eq(session_depth(d.s), 4);
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "not-admin");
	assert_shows(&d, "Check your admin role");
	drive_free(&d);
}

Test(screens, a_digit_that_could_start_a_number_waits_for_the_next)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '1');	/* 1 or 10 */
	cr_assert_eq(session_depth(d.s), 3);
	cr_assert_eq(d.ui.focus, 0);
	drive_key(&d, '0');
	cr_assert_eq(session_depth(d.s), 4);
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "other");
	drive_free(&d);
}

Test(screens, a_pasted_message_selects_its_answer_and_enter_takes_it)
{
	struct drive d;
	const char *msg = "Sorry, this is an invalid product key. Try "
	    "entering it again. If your product key is for Microsoft 365 "
	    "Personal or Microsoft 365 Family, redeem it at office.com/setup.";

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, FN | KW_K_DOWN);
	drive_key(&d, FN | KW_K_DOWN);
	cr_assert_eq(d.ui.focus, 2);
	drive_paste(&d, msg);
	cr_assert_eq(d.ui.focus, 0);
	assert_shows(&d, "The pasted text matches 1). Enter takes it.");
	cr_assert_eq(session_depth(d.s), 3, "a paste only selects");
	drive_key(&d, '\r');
	cr_assert_eq(session_depth(d.s), 4);
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "invalid-key-consumer");
	cr_assert_str_eq(drive_answer(&d), msg);
	drive_free(&d);
}

Test(screens, a_paste_that_matches_nothing_says_so)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_paste(&d, "the printer is on fire and the toner smells");
	assert_shows(&d, "! No message matches the pasted text");
	cr_assert_eq(session_depth(d.s), 3);
	drive_free(&d);
}

/* ---- search ---- */

Test(screens, search_jumps_back_to_a_step_of_the_path)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '9');
	cr_assert_eq(session_depth(d.s), 4);
	drive_key(&d, '/');
	cr_assert_eq(drive_screen(&d), SCR_SEARCH);
	drive_type(&d, "redeem the key");
	assert_shows(&d, "Search: redeem the key");
	assert_shows(&d, "> [step 2] The error message");
	drive_key(&d, '\r');
	cr_assert_eq(drive_screen(&d), SCR_CHOICE);
	cr_assert_eq(session_depth(d.s), 3);
	cr_assert_str_eq(drive_node(&d), "which-error");
	drive_free(&d);
}

Test(screens, search_shows_a_step_off_the_path_for_reading_only)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_key(&d, CTRL('F'));
	drive_type(&d, "admin role");
	drive_key(&d, '\r');
	cr_assert_eq(drive_screen(&d), SCR_PEEK);
	assert_shows(&d, "Not on your path: shown for reading only.");
	drive_key(&d, 0x1b);
	cr_assert_eq(drive_screen(&d), SCR_SEARCH);
	drive_key(&d, 0x1b);
	cr_assert_eq(drive_screen(&d), SCR_KEY);
	cr_assert_eq(session_depth(d.s), 1);
	drive_free(&d);
}

/* ---- quitting ---- */

Test(screens, quit_asks_first_once_under_way)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '9');
	drive_key(&d, 'q');
	cr_assert_eq(drive_screen(&d), SCR_QUIT);
	assert_shows(&d, "Quit before an outcome?");
	drive_key(&d, 'n');
	cr_assert_eq(drive_screen(&d), SCR_STEP);
	cr_assert_not(d.ui.quit);
	drive_key(&d, 'q');
	drive_key(&d, 'y');
	cr_assert(d.ui.quit);
	drive_frame(&d);
	cr_assert(d.over);
	cr_assert_eq(interact_end(d.s, d.ui.quit), KW_EXIT_NEGATIVE);
	drive_free(&d);
}

Test(screens, quit_at_the_start_does_not_ask)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_key(&d, FN | KW_K_F(10));
	cr_assert(d.ui.quit);
	drive_frame(&d);
	cr_assert(d.over);
	drive_free(&d);
}

Test(screens, french_quit_takes_o_for_oui)
{
	struct drive d;

	drive_start(&d, "fr", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, FN | KW_K_F(10));
	cr_assert_eq(drive_screen(&d), SCR_QUIT);
	drive_key(&d, 'o');
	cr_assert(d.ui.quit);
	drive_free(&d);
}

/* ---- the size of the terminal ---- */

Test(screens, resize_to_40x12_keeps_the_focus_and_footer)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '9');
	drive_resize(&d, 12, 40);
	assert_shows(&d, "Step 3: ");
	/* a step shows the start of its instructions first */
	assert_shows(&d, "Check your admin role");
	assert_shows(&d, "Space tick  Enter continue");
	drive_key(&d, FN | KW_K_DOWN);
	assert_shows(&d, "> [ ] 2. ");
	drive_resize(&d, 10, 30);
	cr_assert_eq(drive_screen(&d), SCR_SMALL);
	assert_shows(&d, "! Terminal too small: keywiz");
	drive_key(&d, '\r');	/* nothing happens under "too small" */
	cr_assert_eq(session_depth(d.s), 4);
	drive_resize(&d, 12, 40);
	assert_shows(&d, "> [ ] 2. ");
	drive_key(&d, ' ');
	cr_assert_eq(session_step(d.s, 3)->checked, 2);
	assert_shows(&d, "> [x] 2. ");
	drive_free(&d);
}

/* ---- what a key handler returns ---- */

Test(screens, handlers_say_what_to_redraw)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	cr_assert_eq(drive_key(&d, CTRL('L')), KEY_REPAINT);
	cr_assert_eq(drive_key(&d, 'b'), KEY_HANDLED);
	cr_assert_eq(drive_key(&d, FN | KW_K_BACKSPACE), KEY_HANDLED);
	cr_assert_eq(drive_key(&d, FN | KW_K_F(7)), KEY_IGNORED);
	drive_to_errors(&d);
	cr_assert_eq(drive_key(&d, '9'), KEY_HANDLED);
	cr_assert_eq(drive_key(&d, '7'), KEY_IGNORED, "no item 7 to tick");
	cr_assert_eq(drive_key(&d, 'x'), KEY_IGNORED);
	drive_resize(&d, 10, 30);
	cr_assert_eq(drive_key(&d, '\r'), KEY_IGNORED);
	drive_free(&d);
}

/* ---- the footer comes from the bindings ---- */

/* Every footer entry that names a key names one the screen binds (or,
 * for the yes key, the language's), on every screen reached here. */
static void
assert_footer_bound(struct drive *d)
{
	enum scr scr = drive_screen(d);

	for (size_t i = 0; i < d->ui.nhint; i++) {
		const char *k = d->ui.hint[i].key;
		int code = k[1] == '\0' ? (unsigned char)k[0] :
		    k[0] == 'F' ? FN | KW_K_F(atoi(k + 1)) :
		    k[0] == '^' ? CTRL(k[1]) : -1;

		if (code < 0 || (k[0] >= '0' && k[0] <= '9'))
			continue;	/* a named key: Enter, Esc, 1-9... */
		cr_assert_neq(screen_lookup(scr, code), ACT_NONE,
		    "footer key %s is not bound on screen %d", k, (int)scr);
	}
}

Test(screens, footer_keys_are_bound)
{
	struct drive d;

	drive_practice(&d, "en", 24, 80);
	assert_footer_bound(&d);	/* the caller's card */
	drive_key(&d, '\r');
	assert_footer_bound(&d);	/* key, practice */
	drive_to_errors(&d);
	assert_footer_bound(&d);
	drive_key(&d, '1');
	drive_key(&d, '0');
	assert_footer_bound(&d);
	drive_key(&d, CTRL('F'));
	assert_footer_bound(&d);
	drive_key(&d, 0x1b);
	drive_key(&d, FN | KW_K_F(1));
	assert_footer_bound(&d);
	drive_free(&d);
}

/* ---- help ---- */

Test(screens, help_opens_over_a_screen_and_any_key_closes_it)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_type(&d, "adm");
	drive_key(&d, FN | KW_K_F(1));
	cr_assert_eq(drive_screen(&d), SCR_HELP);
	assert_shows(&d, "Keys");
	drive_key(&d, 'x');
	cr_assert_eq(drive_screen(&d), SCR_CHOICE);
	cr_assert_str_eq(d.ui.choice.filter, "adm",
	    "help leaves the filter alone");
	drive_free(&d);
}


/* ---- a call an agent can trust (issue 13) ---- */

Test(screens, back_then_enter_takes_the_same_branch)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '5');
	drive_key(&d, '\r');		/* the step */
	assert_shows(&d, "Used in your organization");
	drive_key(&d, 'n');
	assert_shows(&d, "Bought through a partner?");
	drive_key(&d, 0x1b);
	assert_shows(&d, "> n) No");
	drive_key(&d, '\r');
	assert_shows(&d, "Bought through a partner?");
	drive_free(&d);
}

Test(screens, back_keeps_the_key_and_the_filter)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_type(&d, "billing admin");
	drive_key(&d, '\r');
	drive_key(&d, 0x1b);
	cr_assert_str_eq(drive_node(&d), "which-error");
	assert_shows(&d, "Filter: billing admin");
	cr_assert_str_eq(d.ui.choice.filter, "billing admin");
	drive_key(&d, '\r');		/* the same answer, the same text */
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "not-admin");
	cr_assert_str_eq(drive_answer(&d), "billing admin");
	drive_key(&d, 0x1b);
	drive_key(&d, 0x1b);		/* the filter goes first */
	drive_key(&d, 0x1b);
	cr_assert_str_eq(drive_node(&d), "enter-key");
	assert_shows(&d, "Key: BCDFG-HJKMP-QRTVW-XY234-6789B");
	drive_free(&d);
}

Test(screens, left_in_the_filter_moves_the_cursor)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_type(&d, "admn");
	drive_key(&d, FN | KW_K_LEFT);
	cr_assert_str_eq(drive_node(&d), "which-error");
	cr_assert_eq(d.ui.choice.cur, 3);
	drive_type(&d, "i");
	cr_assert_str_eq(d.ui.choice.filter, "admin");
	drive_key(&d, FN | KW_K_LEFT);
	drive_key(&d, FN | KW_K_BACKSPACE);
	cr_assert_str_eq(d.ui.choice.filter, "adin");
	drive_key(&d, FN | KW_K_DELETE);
	cr_assert_str_eq(d.ui.choice.filter, "adn");
	drive_key(&d, FN | KW_K_RIGHT);
	drive_key(&d, FN | KW_K_RIGHT);
	cr_assert_eq(d.ui.choice.cur, 3);
	/* without a filter, Left goes back */
	drive_key(&d, 0x1b);
	drive_key(&d, FN | KW_K_LEFT);
	cr_assert_str_eq(drive_node(&d), "enter-key");
	drive_free(&d);
}

Test(screens, home_asks_before_starting_again)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '9');
	drive_key(&d, FN | KW_K_HOME);
	assert_shows(&d, "Start again from the first step?");
	drive_key(&d, 'n');
	cr_assert_str_eq(drive_node(&d), "check-admin-role");
	drive_key(&d, FN | KW_K_HOME);
	drive_key(&d, 0x1b);
	cr_assert_str_eq(drive_node(&d), "check-admin-role");
	drive_key(&d, FN | KW_K_HOME);
	drive_key(&d, 'y');
	cr_assert_str_eq(drive_node(&d), "enter-key");
	assert_shows(&d, "Started again from the first step.");
	drive_free(&d);
}

Test(screens, home_at_an_outcome_starts_no_new_call)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '4');
	drive_key(&d, 'y');
	cr_assert_eq(session_outcome(d.s) != NULL, 1);
	drive_key(&d, FN | KW_K_HOME);
	assert_has(&d, "A new call is a new run");
	cr_assert_eq(session_outcome(d.s) != NULL, 1);
	drive_free(&d);
}

Test(screens, another_message_keeps_the_words_given)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_paste(&d, "the printer is on fire and the toner smells");
	assert_shows(&d, "! No message matches the pasted text: Enter takes "
	    "10)");
	drive_key(&d, '\r');
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "other");
	cr_assert_str_eq(drive_answer(&d),
	    "the printer is on fire and the toner smells");
	drive_free(&d);

	/* typed, cleared, then "another message" by its number */
	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_type(&d, "code 0x80070005");
	drive_key(&d, 0x1b);
	drive_key(&d, '1');
	drive_key(&d, '0');
	cr_assert_str_eq(drive_answer(&d), "code 0x80070005");
	drive_free(&d);

	/* a listed message never takes words that did not choose it */
	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_type(&d, "zzz");
	drive_key(&d, 0x1b);
	drive_key(&d, '9');
	cr_assert_str_eq(drive_answer(&d), "(none)");
	drive_free(&d);
}

Test(screens, a_note_at_any_step)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, CTRL('N'));
	assert_shows(&d, "A note for the record");
	drive_type(&d, "caller on a train");
	drive_key(&d, '\r');
	assert_shows(&d, "= Note added.");
	cr_assert_str_eq(drive_node(&d), "which-error");
	cr_assert_eq(session_event(d.s, session_nevents(d.s) - 1)->type,
	    KW_EV_NOTE);
	drive_free(&d);
}

Test(screens, ten_answers_a_digit_then_a_moment_takes_it)
{
	struct drive d;
	struct input t = { .act = ACT_TIMEOUT };

	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	assert_has(&d, "1-10 number");
	drive_key(&d, '1');
	cr_assert_eq(session_depth(d.s), 3);
	cr_assert_eq(d.ui.wake_ms, KW_NUMBER_WAIT_MS);
	drive_handle(&d, drive_screen(&d), t);
	cr_assert_eq(session_depth(d.s), 4);
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "invalid-key-consumer");
	/* a moment on another screen does nothing */
	drive_handle(&d, drive_screen(&d), t);
	cr_assert_eq(session_depth(d.s), 4);
	drive_free(&d);

	/* 1 then 4: answer 4, never "no answer 14" */
	drive_start(&d, "en", 24, 80);
	drive_to_errors(&d);
	drive_key(&d, '1');
	drive_key(&d, '4');
	cr_assert_str_eq(session_step(d.s, 2)->node->opts[session_step(d.s,
	    2)->opt].id, "expired");
	drive_free(&d);
}

/* Every function key has a control key or a letter beside it on the same
 * screen, for the terminal emulators that keep F1 or F10. */
Test(screens, every_function_key_has_a_fallback)
{
	for (size_t s = 0; s < SCR_COUNT; s++) {
		const struct screen_ops *op = screens[s];

		for (size_t i = 0; i < op->nkeys; i++) {
			int c = op->keys[i].code, found = 0;

			if (c < (FN | KW_K_F0) || c > (FN | KW_K_F(12)))
				continue;
			for (size_t j = 0; j < op->nkeys && !found; j++) {
				int o = op->keys[j].code;

				found = op->keys[j].act == op->keys[i].act &&
				    ((o > 0 && o < 0x20 && o != 0x1b) ||
				    (!op->text && o > 0x20 && o < 0x7f));
			}
			cr_assert(found, "screen %zu: F%d has no fallback", s,
			    c - (FN | KW_K_F0));
		}
	}
}

Test(screens, control_keys_work_where_letters_are_typed)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	assert_has(&d, "^O help");
	assert_has(&d, "^X quit");
	drive_key(&d, CTRL('O'));
	assert_shows(&d, "Keys");
	drive_key(&d, 'x');
	drive_type(&d, "BCD");
	drive_key(&d, CTRL('X'));
	assert_shows(&d, "Quit before an outcome?");
	drive_key(&d, CTRL('X'));
	cr_assert(d.ui.quit);
	drive_free(&d);
}

Test(screens, a_long_message_wraps_at_40x12)
{
	struct drive d;

	drive_start(&d, "en", 12, 40);
	drive_to_errors(&d);
	drive_key(&d, '6');
	drive_key(&d, '2');
	cr_assert_str_eq(drive_node(&d), "wait-and-retry");
	assert_shows(&d, "! The wait is not over: ");
	assert_has(&d, "elsewhere.");
	drive_free(&d);
}

/* ---- the pick screen ---- */

Test(screens, the_pick_filters_as_one_types_and_enter_runs_the_focus)
{
	struct drive d;

	drive_pick(&d, "en", 24, 80);
	cr_assert_eq(drive_screen(&d), SCR_PICK);
	cr_assert_eq(d.pick.nshown, 4);
	drive_type(&d, "Q");	/* a letter is typed, not a command */
	cr_assert_eq(d.pick.nshown, 0);
	assert_shows(&d, "! No tree's name or title holds this");
	drive_key(&d, 0x7f);
	cr_assert_eq(d.pick.nshown, 4, "Backspace changes the filter");
	drive_type(&d, "net");	/* none; then Esc clears it */
	drive_key(&d, 0x1b);
	cr_assert_str_eq(d.pick.filter, "");
	drive_key(&d, FN | KW_K_DOWN);
	drive_key(&d, FN | KW_K_DOWN);
	drive_key(&d, '\r');
	cr_assert(d.ui.picked);
	cr_assert_str_eq(pick_shown(&d.pick, d.ui.focus)->name, "vpn-down");
	cr_assert_eq(drive_frame(&d), SCR_COUNT, "the pick is over");
	drive_free(&d);
}

Test(screens, the_pick_quits_with_f10_and_ignores_enter_on_nothing)
{
	struct drive d;

	drive_pick(&d, "fr", 12, 40);
	drive_type(&d, "zzz");
	cr_assert_eq(drive_key(&d, '\r'), KEY_IGNORED);
	cr_assert(!d.ui.picked);
	drive_key(&d, FN | KW_K_F(10));
	cr_assert(d.ui.quit);
	cr_assert_eq(drive_frame(&d), SCR_COUNT);
	drive_free(&d);
}
