/* SPDX-License-Identifier: MIT */
/* screen-pages.c - the pages: help, a note, the quit and restart questions, the caller's card, the score, too small */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "interact.h"
#include "screen.h"
#include "xalloc.h"

/* The keys, as the screens bind them (screen.c), and a word on the key
 * and error screens, where letters are typed. */
static void
draw_help(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	const char *keys, *what;

	layout_add(b, 0, NULL, _("Keys"), KW_ST_HEAD, -1);
	layout_blank(b);
	for (size_t i = 0; screen_keyhelp(i, ui->o->scenario != NULL, &keys,
	    &what); i++) {
		layout_add(b, 0, NULL, _(keys), KW_ST_HEAD, -1);
		layout_add(b, 4, NULL, _(what), KW_ST_NORMAL, -1);
	}
	layout_blank(b);
	layout_add(b, 0, NULL, ui->o->scenario != NULL ? _("On the key and "
	    "error screens, letters are typed, so use the control keys there "
	    "(Ctrl-O help, Ctrl-K ask, Ctrl-F search, Ctrl-X quit) or the "
	    "function keys.") : _("On the key and error screens, letters are "
	    "typed, so use the control keys there (Ctrl-O help, Ctrl-F "
	    "search, Ctrl-X quit) or the function keys."), KW_ST_DIM, -1);
	ui->heading = _("Help");
}

/* The keys of a page to read (help, caller, score): scrolling, and
 * keys that leave it where it is; KEY_IGNORED: for the page's own key
 * function. */
static enum key_result
key_page(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_UP:
	case ACT_DOWN:
		screen_scroll_body(ui, in->act);
		return KEY_HANDLED;
	case ACT_RESIZE:
	case ACT_REDRAW:
	case ACT_NONE:
		return KEY_HANDLED;
	default:
		return KEY_IGNORED;
	}
}

static enum key_result
key_help(struct cui *ui, const struct input *in)
{
	enum key_result r = key_page(ui, in);

	if (r != KEY_IGNORED)
		return r;
	ui->overlay = ui->under;
	ui->top = 0;
	ui->follow = 1;
	return KEY_HANDLED;
}

/* ---- a note ---- */

static void
draw_note(struct cui *ui)
{
	struct kw_body *b = &ui->body;

	layout_add(b, 0, NULL, _("A note for the record (one line):"),
	    KW_ST_HEAD, -1);
	layout_blank(b);
	screen_body_input(ui, ui->note);
}

static enum key_result
key_note(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_TEXT:
		screen_append(ui->note, sizeof ui->note, in->text);
		return KEY_HANDLED;
	case ACT_BACKSPACE:
		screen_chop(ui->note);
		return KEY_HANDLED;
	case ACT_ENTER:
		if (interact_note(ui->s, ui->note))
			screen_say(ui, KW_ST_OK, "%s", _("= Note added."));
		ui->note[0] = '\0';
		ui->overlay = SCR_COUNT;
		return KEY_HANDLED;
	case ACT_ESC:
		ui->note[0] = '\0';
		ui->overlay = SCR_COUNT;
		return KEY_HANDLED;
	default:
		return KEY_IGNORED;
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
}

/* The keys of a yes-or-no page (quit, restart): yes, or the key that
 * asked again, does it; no, Esc, Enter or Backspace goes on. */
static enum key_result
key_confirm(struct cui *ui, const struct input *in, enum action again,
    void (*yes)(struct cui *))
{
	switch (in->act) {
	case ACT_NO:
	case ACT_ESC:
	case ACT_ENTER:
	case ACT_BACKSPACE:
		ui->overlay = SCR_COUNT;
		return KEY_HANDLED;
	default:
		if (in->act != ACT_YES && in->act != again)
			return KEY_IGNORED;
		yes(ui);
		return KEY_HANDLED;
	}
}

static void
quit_yes(struct cui *ui)
{
	ui->quit = 1;
}

static enum key_result
key_quit(struct cui *ui, const struct input *in)
{
	return key_confirm(ui, in, ACT_QUIT, quit_yes);
}

/* ---- starting again ---- */

static void
draw_restart(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	char lead[32], *line;

	layout_add(b, 0, NULL, _("Start again from the first step?"),
	    KW_ST_HEAD, -1);
	layout_blank(b);
	line = xasprintf(_("The %zu answers given on this path are left "
	    "behind (the record keeps them)."), session_depth(ui->s) - 1);
	layout_add(b, 0, NULL, line, KW_ST_NORMAL, -1);
	free(line);
	layout_blank(b);
	snprintf(lead, sizeof lead, "%s) ", view_yes_key());
	layout_add(b, 2, lead, _("Start again"), KW_ST_NORMAL, 0);
	layout_add(b, 2, "n) ", _("Go on with the session"), KW_ST_NORMAL, 1);
	ui->focus_item = 1;
}

static void
restart_yes(struct cui *ui)
{
	ui->overlay = SCR_COUNT;
	if (interact_restart(ui->s) == 0)
		screen_say(ui, KW_ST_NORMAL, "%s",
		    _("Started again from the first step."));
}

static enum key_result
key_restart(struct cui *ui, const struct input *in)
{
	return key_confirm(ui, in, ACT_RESTART, restart_yes);
}

/* ---- practice: the caller's card ---- */

static void
draw_caller(struct cui *ui)
{
	const struct kw_scenario *sc = ui->o->scenario;
	struct kw_body *b = &ui->body;
	char *line;

	ui->heading = _("Practice call");
	layout_add(b, 0, _("Practice call: "), sc->id, KW_ST_HEAD, -1);
	layout_blank(b);
	layout_add(b, 2, NULL, tree_text(&sc->caller, ui->v.lang),
	    KW_ST_NORMAL, -1);
	layout_blank(b);
	line = xasprintf(_("Drive the call: at each step, press a (Ctrl-K "
	    "where letters are typed) to hear what the caller says, and Ctrl-R "
	    "to read this card again. Your walk is scored at the end; each "
	    "step you ask about costs %u points."), KW_ASK_COST);
	layout_add(b, 0, NULL, line, KW_ST_DIM, -1);
	free(line);
}

static enum key_result
key_caller(struct cui *ui, const struct input *in)
{
	enum key_result r = key_page(ui, in);

	if (r != KEY_IGNORED)
		return r;
	ui->overlay = SCR_COUNT;
	if (in->act == ACT_QUIT)
		screen_ask_quit(ui);
	else {
		ui->top = 0;
		ui->follow = 1;
	}
	return KEY_HANDLED;
}

/* ---- practice: the score ---- */

static void
draw_score(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	struct kw_practice_score sc;
	size_t lang = ui->v.lang;
	char *line;

	interact_score(ui->o->scenario, ui->s, ui->o->asks, &sc);
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
}

/* Any key but scrolling leaves: the session is over. */
static enum key_result
key_score(struct cui *ui, const struct input *in)
{
	enum key_result r = key_page(ui, in);

	if (r != KEY_IGNORED)
		return r;
	ui->leave = 1;
	return KEY_HANDLED;
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

/* Nothing until the terminal is large enough. */
static enum key_result
key_small(struct cui *ui, const struct input *in)
{
	(void)ui;
	(void)in;
	return KEY_IGNORED;
}

static const struct binding help_keys[] = {
	{ .code = NOKEY, .act = ACT_NONE, .hint = N_("close help"),
	    .name = N_("any key") },
	HINT(FN | KW_K_PGDN, ACT_PGDN, KH_SCROLL, N_("scroll"), W_ALWAYS),
	BASE_KEYS
};

static const struct binding note_keys[] = {
	ENTER_KEYS(N_("add the note")),
	HINT(0x1b, ACT_ESC, KH_NONE, N_("cancel"), W_ALWAYS),
	BASE_KEYS
};

static const struct binding quit_keys[] = {
	HINT('y', ACT_YES, KH_NONE, N_("quit"), W_ALWAYS),
	HINT('n', ACT_NO, KH_NONE, N_("go on"), W_ALWAYS),
	KEY('o', ACT_YES, KH_NONE),
	KEY('q', ACT_YES, KH_NONE),
	BASE_KEYS
};

static const struct binding restart_keys[] = {
	HINT('y', ACT_YES, KH_NONE, N_("start again"), W_ALWAYS),
	HINT('n', ACT_NO, KH_NONE, N_("go on"), W_ALWAYS),
	KEY('o', ACT_YES, KH_NONE),
	BASE_KEYS
};

static const struct binding caller_keys[] = {
	ENTER_KEYS(N_("go on")),
	HINT(FN | KW_K_PGDN, ACT_PGDN, KH_SCROLL, N_("scroll"), W_ALWAYS),
	HINT(FN | KW_K_F(10), ACT_QUIT, KH_QUIT, N_("quit"), W_ALWAYS),
	BASE_KEYS
};

static const struct binding score_keys[] = {
	ENTER_KEYS(N_("finish")),
	HINT(FN | KW_K_PGDN, ACT_PGDN, KH_SCROLL, N_("scroll"), W_ALWAYS),
	KEY('q', ACT_QUIT, KH_QUIT),
	BASE_KEYS
};

static const struct binding small_keys[] = {
	BASE_KEYS
};

const struct screen_ops help_screen = {
	draw_help, key_help, SCREEN_KEYS(help_keys), 0, NULL
};
const struct screen_ops note_screen = {
	draw_note, key_note, SCREEN_KEYS(note_keys), 1, NULL
};
const struct screen_ops quit_screen = {
	draw_quit, key_quit, SCREEN_KEYS(quit_keys), 0, NULL
};
const struct screen_ops restart_screen = {
	draw_restart, key_restart, SCREEN_KEYS(restart_keys), 0, NULL
};
const struct screen_ops caller_screen = {
	draw_caller, key_caller, SCREEN_KEYS(caller_keys), 0, NULL
};
const struct screen_ops score_screen = {
	draw_score, key_score, SCREEN_KEYS(score_keys), 0, NULL
};
const struct screen_ops small_screen = {
	draw_small, key_small, SCREEN_KEYS(small_keys), 0, NULL
};
