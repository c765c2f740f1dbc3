/* SPDX-License-Identifier: MIT */
/* screen-node.c - the question, step and wait screens */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "i18n.h"
#include "interact.h"
#include "screen.h"
#include "xalloc.h"

static void
draw_question(struct cui *ui)
{
	screen_body_current(ui);
	layout_blank(&ui->body);
	screen_body_choices(ui);
}

/* Number keys for the answers of a question or a wait. */
static enum key_result
key_number(struct cui *ui, const struct input *in)
{
	size_t d;

	if (!screen_digit_text(in))
		return KEY_IGNORED;
	d = (size_t)(in->text[0] - '0');
	if (d < 1 || d > ui->v.nchoices)
		return KEY_IGNORED;
	screen_take(ui, &ui->v.choice[d - 1], NULL);
	return KEY_HANDLED;
}

/* Keys of a screen whose answers are a short list (question, wait). */
static enum key_result
key_list(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_UP:
	case ACT_DOWN:
		screen_focus_move(ui, in->act, ui->v.nchoices);
		return KEY_HANDLED;
	case ACT_ENTER:
		screen_take(ui, &ui->v.choice[ui->focus], NULL);
		return KEY_HANDLED;
	case ACT_TEXT:
		return key_number(ui, in);
	default:
		return screen_key_common(ui, in);
	}
}

static enum key_result
key_question(struct cui *ui, const struct input *in)
{
	/* the view lists a question's answers yes first, then no */
	if (in->act == ACT_YES)
		screen_take(ui, &ui->v.choice[0], NULL);
	else if (in->act == ACT_NO)
		screen_take(ui, &ui->v.choice[1], NULL);
	else
		return key_list(ui, in);
	return KEY_HANDLED;
}

/* ---- steps (a checklist) ---- */

static void
draw_step(struct cui *ui)
{
	struct kw_body *b = &ui->body;

	screen_body_current(ui);
	for (size_t i = 0; i < ui->v.nitems; i++) {
		int on = (ui->v.checked >> i) & 1;
		char lead[32];

		if (i == 0)
			layout_blank(b);
		snprintf(lead, sizeof lead, "[%c] %zu. ", on ? 'x' : ' ',
		    i + 1);
		layout_add(b, 2, lead, ui->v.item[i],
		    on ? KW_ST_OK : KW_ST_NORMAL, (int)i);
	}
	if (ui->v.nitems > 0)
		ui->focus_item = (int)ui->focus;
}

static enum key_result
key_step(struct cui *ui, const struct input *in)
{
	size_t item = ui->focus;

	switch (in->act) {
	case ACT_TEXT:
		if (!screen_digit_text(in))
			return KEY_IGNORED;
		item = (size_t)(in->text[0] - '0');
		if (item < 1 || item > ui->v.nitems)
			return KEY_IGNORED;
		item--;
		ui->focus = item;
		/* FALLTHROUGH */
	case ACT_TICK:
		if (item >= ui->v.nitems)
			return KEY_IGNORED;
		ui->follow = 1;		/* the item ticked, in sight */
		interact_tick(ui->s, item);
		return KEY_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		if (ui->v.nitems > 0)
			screen_focus_move(ui, in->act, ui->v.nitems);
		else
			screen_scroll_body(ui, in->act);
		return KEY_HANDLED;
	case ACT_ENTER:
		interact_continue(ui->s);
		return KEY_HANDLED;
	default:
		break;
	}
	return screen_key_common(ui, in);
}

/* ---- waiting ---- */

static void
draw_wait(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	time_t now = session_now(ui->s);
	char until[16], *line;

	screen_body_current(ui);
	layout_blank(b);
	view_clock(ui->v.wait_end, until, sizeof until);
	if (now < ui->v.wait_end) {
		long left = (long)(ui->v.wait_end - now);

		line = xasprintf(_("Time left: %02ld:%02ld (until %s)"),
		    left / 60, left % 60, until);
		layout_add(b, 0, NULL, line, KW_ST_HEAD, -1);
	} else {
		line = xasprintf(_("= The wait is over (since %s): try again "
		    "now."), until);
		layout_add(b, 0, NULL, line, KW_ST_OK, -1);
	}
	free(line);
	layout_blank(b);
	screen_body_choices(ui);
}

static const struct binding question_keys[] = {
	HINT('y', ACT_YES, KH_YESNO, N_("yes"), W_ALWAYS),
	KEY('o', ACT_YES, KH_NONE),	/* oui: "y, n" says so */
	HINT('n', ACT_NO, KH_YESNO, N_("no"), W_ALWAYS),
	ENTER_KEYS(N_("choose")),
	NODE_KEYS,
	NODE_COMMAND_KEYS
};

static const struct binding step_keys[] = {
	HINT(' ', ACT_TICK, KH_TICK, N_("tick"), W_ITEMS),
	{ .code = NOKEY, .act = ACT_TEXT, .help = KH_DIGITS },
	ENTER_KEYS(N_("continue")),
	NODE_KEYS,
	NODE_COMMAND_KEYS
};

static const struct binding wait_keys[] = {
	{ .code = NOKEY, .act = ACT_TEXT, .help = KH_DIGITS,
	    .hint = N_("answer") },
	ENTER_KEYS(N_("choose")),
	NODE_KEYS,
	NODE_COMMAND_KEYS
};

const struct screen_ops question_screen = {
	draw_question, key_question, SCREEN_KEYS(question_keys), 0, NULL
};
const struct screen_ops step_screen = {
	draw_step, key_step, SCREEN_KEYS(step_keys), 0, NULL
};
const struct screen_ops wait_screen = {
	draw_wait, key_list, SCREEN_KEYS(wait_keys), 0, NULL
};
