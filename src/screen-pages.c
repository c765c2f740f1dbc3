/* SPDX-License-Identifier: MIT */
/* screen-pages.c - the pages: help, a note, the quit question, the caller's card, the score, too small */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "interact.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

static void
draw_help(struct cui *ui)
{
	static const struct {
		const char *key, *what;
	} keys[] = {
		{ N_("Enter"), N_("choose the answer under the cursor, or go "
		    "on") },
		{ N_("Up, Down"), N_("move between the answers") },
		{ N_("1-9"), N_("choose an answer (or tick an item) by its "
		    "number") },
		{ N_("y, n"), N_("yes or no (o for oui in French)") },
		{ N_("Space"), N_("tick or untick the item under the "
		    "cursor") },
		{ N_("typing"), N_("key screen: the key, in any form; error "
		    "screen: filters the list (any case, with or without "
		    "accents); pasting a whole message selects it") },
		{ N_("F2, Ctrl-T"), N_("hide or show the product key") },
		{ N_("Esc, Backspace, Left"), N_("back one step") },
		{ N_("Home"), N_("start again from the first step") },
		{ N_("/, Ctrl-F"), N_("search the text of every step: Enter "
		    "on a step of your path goes back to it; other steps are "
		    "shown for reading") },
		{ N_("n"), N_("result screen: add a note to the record") },
		{ N_("c"), N_("result screen: copy the ticket summary to the "
		    "clipboard (OSC 52)") },
		{ N_("PgUp, PgDn"), N_("scroll") },
		{ N_("?, F1"), N_("this help") },
		{ N_("q, F10"), N_("quit (asks first when a session is under "
		    "way)") }
	};
	struct kw_body *b = &ui->body;

	layout_add(b, 0, NULL, _("Keys"), KW_ST_HEAD, -1);
	layout_blank(b);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		layout_add(b, 0, NULL, _(keys[i].key), KW_ST_HEAD, -1);
		layout_add(b, 4, NULL, _(keys[i].what), KW_ST_NORMAL, -1);
	}
	if (ui->o->scenario != NULL) {
		layout_add(b, 0, NULL, _("a, F3"), KW_ST_HEAD, -1);
		layout_add(b, 4, NULL, _("practice: ask the caller about this "
		    "step"), KW_ST_NORMAL, -1);
		layout_add(b, 0, NULL, "F4", KW_ST_HEAD, -1);
		layout_add(b, 4, NULL, _("practice: read the caller's card "
		    "again"), KW_ST_NORMAL, -1);
	}
	layout_blank(b);
	layout_add(b, 0, NULL, ui->o->scenario != NULL ? _("On the key and "
	    "error screens, letters are typed, so use F1, F3, Ctrl-F and F10 "
	    "there.") : _("On the key and error screens, letters are typed, "
	    "so use F1, Ctrl-F and F10 there."), KW_ST_DIM, -1);
	ui->heading = _("Help");
	screen_hint(ui, _("any key"), _("close help"));
	screen_hint(ui, _("PgDn"), _("scroll"));
}

/* The keys of a page to read (help, caller, score): returns 1 if `in`
 * scrolled it or did nothing, 0 if it is for the page's own key function. */
static int
key_page(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_UP:
	case ACT_DOWN:
		screen_scroll_body(ui, in->act);
		return 1;
	case ACT_RESIZE:
	case ACT_REDRAW:
	case ACT_NONE:
		return 1;
	default:
		return 0;
	}
}

static void
key_help(struct cui *ui, const struct input *in)
{
	if (key_page(ui, in))
		return;
	ui->overlay = ui->under;
	ui->top = 0;
	ui->follow = 1;
}

/* ---- a note ---- */

static void
draw_note(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	char *line;

	layout_add(b, 0, NULL, _("A note for the record (one line):"),
	    KW_ST_HEAD, -1);
	layout_blank(b);
	line = xasprintf("> %s", ui->note);
	ui->field_row = (long)b->n;
	ui->field_col = text_width(line);
	if (ui->field_col >= b->width)
		ui->field_col = b->width - 1;
	layout_add_line(b, line, KW_ST_FIELD, -1);
	free(line);
	screen_hint(ui, _("Enter"), _("add the note"));
	screen_hint(ui, _("Esc"), _("cancel"));
}

static void
key_note(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_TEXT:
		screen_append(ui->note, sizeof ui->note, in->text);
		return;
	case ACT_BACKSPACE:
		screen_chop(ui->note);
		return;
	case ACT_ENTER:
		if (interact_note(ui->s, ui->note))
			screen_say(ui, KW_ST_OK, "%s", _("= Note added."));
		ui->note[0] = '\0';
		ui->overlay = SCR_COUNT;
		return;
	case ACT_ESC:
		ui->note[0] = '\0';
		ui->overlay = SCR_COUNT;
		return;
	default:
		return;
	}
}

/* ---- quitting ---- */

static void
draw_quit(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	char lead[32];

	layout_add(b, 0, NULL, _("Quit before an outcome?"), KW_ST_HEAD, -1);
	layout_blank(b);
	layout_add(b, 0, NULL, _("The session has not reached a result yet."),
	    KW_ST_NORMAL, -1);
	layout_blank(b);
	snprintf(lead, sizeof lead, "%s) ", view_yes_key());
	layout_add(b, 2, lead, _("Quit"), KW_ST_NORMAL, 0);
	layout_add(b, 2, "n) ", _("Go on with the session"), KW_ST_NORMAL, 1);
	ui->focus_item = 1;
	screen_hint(ui, view_yes_key(), _("quit"));
	screen_hint(ui, "n", _("go on"));
}

static void
key_quit(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_YES:
	case ACT_QUIT:
		ui->quit = 1;
		return;
	case ACT_NO:
	case ACT_ESC:
	case ACT_ENTER:
	case ACT_BACKSPACE:
		ui->overlay = SCR_COUNT;
		return;
	default:
		return;
	}
}

/* ---- practice: the caller's card ---- */

static void
draw_caller(struct cui *ui)
{
	const struct kw_scenario *sc = ui->o->scenario;
	struct kw_body *b = &ui->body;

	ui->heading = _("Practice call");
	layout_add(b, 0, _("Practice call: "), sc->id, KW_ST_HEAD, -1);
	layout_blank(b);
	layout_add(b, 2, NULL, tree_text(&sc->caller, ui->v.lang),
	    KW_ST_NORMAL, -1);
	layout_blank(b);
	layout_add(b, 0, NULL, _("Drive the call: at each step, press a (F3 "
	    "where letters are typed) to hear what the caller says, and F4 to "
	    "read this card again. Your walk is scored at the end."),
	    KW_ST_DIM, -1);
	screen_hint(ui, _("Enter"), _("go on"));
	screen_hint(ui, _("PgDn"), _("scroll"));
	screen_hint(ui, "F10", _("quit"));
}

static void
key_caller(struct cui *ui, const struct input *in)
{
	if (key_page(ui, in))
		return;
	switch (in->act) {
	case ACT_QUIT:
		ui->overlay = SCR_COUNT;
		screen_ask_quit(ui);
		return;
	default:
		ui->overlay = SCR_COUNT;
		ui->top = 0;
		ui->follow = 1;
		return;
	}
}

/* ---- practice: the score ---- */

static void
draw_score(struct cui *ui)
{
	const struct kw_tree *t = session_tree(ui->s);
	struct kw_body *b = &ui->body;
	struct kw_practice_score sc;
	size_t lang = ui->v.lang;
	char *line;

	practice_score(t, ui->o->scenario, ui->s, &sc);
	ui->heading = _("Practice score");
	layout_add(b, 0, _("Practice call: "), ui->o->scenario->id,
	    KW_ST_HEAD, -1);
	layout_blank(b);
	if (sc.outcome == NULL) {
		layout_add(b, 0, "! ", _("Session ended before an outcome."),
		    KW_ST_MARK, -1);
		layout_blank(b);
	}
	line = interact_score_line(&sc);
	layout_add(b, 0, NULL, line, sc.score == 100 ? KW_ST_OK : KW_ST_HEAD,
	    -1);
	free(line);
	if (!sc.outcome_ok && sc.expected_outcome != NULL)
		layout_add(b, 2, _("Expected outcome: "),
		    view_node_heading(sc.expected_outcome, lang),
		    KW_ST_NORMAL, -1);
	if (sc.nitems > 0)
		layout_blank(b);
	for (size_t i = 0; i < sc.nitems; i++) {
		const struct kw_practice_item *it = &sc.item[i];
		line = view_practice_line(it, lang);
		layout_add(b, 2, "- ", line, KW_ST_MARK, -1);
		free(line);
		if (tree_text_set(&it->node->why))
			layout_add(b, 4, _("Why: "), tree_text(&it->node->why,
			    lang), KW_ST_DIM, -1);
	}
	screen_hint(ui, _("Enter"), _("finish"));
	screen_hint(ui, _("PgDn"), _("scroll"));
}

/* Any key but scrolling leaves: the session is over. */
static void
key_score(struct cui *ui, const struct input *in)
{
	if (!key_page(ui, in))
		ui->leave = 1;
}

/* ---- too small ---- */

static void
draw_small(struct cui *ui)
{
	char *line = xasprintf(_("Terminal too small: keywiz needs %dx%d, "
	    "this one is %dx%d. Make it larger to go on."), MIN_COLS,
	    MIN_LINES, ui->cols, ui->lines);

	layout_add(&ui->body, 0, "! ", line, KW_ST_MARK, -1);
	free(line);
}

static void
key_small(struct cui *ui, const struct input *in)
{
	(void)ui;
	(void)in;
}

const struct screen_ops help_screen = { draw_help, key_help, 0 };
const struct screen_ops note_screen = { draw_note, key_note, 1 };
const struct screen_ops quit_screen = { draw_quit, key_quit, 0 };
const struct screen_ops caller_screen = { draw_caller, key_caller, 0 };
const struct screen_ops score_screen = { draw_score, key_score, 0 };
const struct screen_ops small_screen = { draw_small, key_small, 0 };
