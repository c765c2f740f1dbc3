/* SPDX-License-Identifier: MIT */
/* screen-choice.c - the error screen: a list of answers to filter, paste into or pick by number */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "interact.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

#define MATCH_SHOW	3

/* Whether choice `i` is shown: no filter, or the filter matches it (the
 * matcher a paste goes through, in every language of the tree). */
static int
choice_shown(struct cui *ui, size_t i)
{
	const struct kw_match *found;
	size_t n;

	if (ui->choice.filter[0] == '\0')
		return 1;
	n = interact_filter(&ui->matching, ui->s, ui->choice.filter,
	    &found);
	for (size_t k = 0; k < n; k++)
		if (found[k].opt == i)
			return 1;
	return 0;
}

/* Put the focus on the best match of the filter. */
static void
choice_refocus(struct cui *ui)
{
	const struct kw_match *found;

	if (interact_filter(&ui->matching, ui->s, ui->choice.filter,
	    &found) > 0)
		ui->focus = found[0].opt;
}

static void
draw_choice(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	size_t shown = 0;

	screen_body_current(ui);
	layout_blank(b);
	if (ui->choice.filter[0] != '\0') {
		char *line = xasprintf("%s%.*s", _("Filter: "),
		    (int)ui->choice.cur, ui->choice.filter);
		const struct kw_match *found;

		ui->field_row = (long)b->n;
		ui->field_col = text_width(line);
		free(line);
		line = xasprintf("%s%s", _("Filter: "), ui->choice.filter);
		if (interact_filter(&ui->matching, ui->s, ui->choice.filter,
		    &found) > 0 && found[0].lang != ui->v.lang) {
			char *more = xasprintf(
			    /* TRANSLATORS: the filter, then a language code */
			    _("%s  (recognised in %s)"), line,
			    session_tree(ui->s)->langs[found[0].lang]);

			free(line);
			line = more;
		}
		layout_add_line(b, line, KW_ST_FIELD, -1);
		free(line);
	} else
		layout_add(b, 0, NULL, ui->v.pasteable ? _("Type to filter, "
		    "paste the message you saw, or press its number.") :
		    _("Type to filter, or press the number of the answer."),
		    KW_ST_DIM, -1);
	layout_blank(b);
	for (size_t i = 0; i < ui->v.nchoices; i++) {
		const struct kw_view_choice *c = &ui->v.choice[i];
		char lead[32];

		if (!choice_shown(ui, i))
			continue;
		snprintf(lead, sizeof lead, "%s) ", c->key);
		layout_add(b, 2, lead, c->label, KW_ST_NORMAL, (int)i);
		if (c->message != NULL) {
			char *q = xasprintf(_("\"%s\""), c->message);

			layout_add(b, 2 + text_width(lead), NULL, q,
			    KW_ST_DIM, (int)i);
			free(q);
		}
		shown++;
	}
	if (shown == 0)
		layout_add(b, 0, "! ", _("No answer contains this text; "
		    "Backspace changes the filter, Esc clears it."),
		    KW_ST_MARK, -1);
	else
		ui->focus_item = (int)ui->focus;
}

/* The filter's cursor one character left or right: 0 at its end. */
static int
filter_move(struct choice_state *c, int right)
{
	size_t n = strlen(c->filter);

	if (right ? c->cur >= n : c->cur == 0)
		return 0;
	do
		c->cur += right ? 1 : (size_t)-1;
	while (c->cur > 0 && c->cur < n &&
	    ((unsigned char)c->filter[c->cur] & 0xc0) == 0x80);
	return 1;
}

/* Text typed into the filter at its cursor. */
static void
filter_insert(struct choice_state *c, const char *text)
{
	char tail[TEXT_MAX];

	snprintf(tail, sizeof tail, "%s", c->filter + c->cur);
	c->filter[c->cur] = '\0';
	screen_append(c->filter, sizeof c->filter - strlen(tail), text);
	c->cur = strlen(c->filter);
	memcpy(c->filter + c->cur, tail, strlen(tail) + 1);
}

/* The character left of the cursor (Backspace) or under it (Delete) goes:
 * 0 if there is none. */
static int
filter_delete(struct choice_state *c, int under)
{
	size_t end;

	if (under && !filter_move(c, 1))
		return 0;
	end = c->cur;
	if (!filter_move(c, 0))
		return 0;
	memmove(c->filter + c->cur, c->filter + end,
	    strlen(c->filter + end) + 1);
	return 1;
}

/* A paste that matches no message: kept, with the focus on the answer
 * that has no message (another message, or none), which Enter takes with
 * it. */
static void
choice_paste_none(struct cui *ui, const char *text)
{
	size_t other = ui->v.nchoices;

	for (size_t i = ui->v.nchoices; i-- > 0; )
		if (ui->v.choice[i].message == NULL) {
			other = i;
			break;
		}
	if (other == ui->v.nchoices) {
		screen_say(ui, KW_ST_MARK, "%s", _("! No message matches the "
		    "pasted text; type a few of its words to filter the "
		    "list."));
		return;
	}
	ui->choice.filter[0] = '\0';
	ui->choice.cur = 0;
	ui->focus = other;
	ui->follow = 1;
	free(ui->choice.pasted);
	ui->choice.pasted = xstrdup(text);
	screen_say(ui, KW_ST_MARK, _("! No message matches the pasted text: "
	    "Enter takes %s) with it, for the record; or type a few of its "
	    "words to filter the list."), ui->v.choice[other].key);
}

/* A paste at the error screen: the message it matches best gets the
 * focus; Enter takes it. */
static void
choice_paste(struct cui *ui, const char *text)
{
	struct kw_match m[MATCH_SHOW];
	enum kw_match_verdict verdict;
	size_t n;

	verdict = interact_match(&ui->matching, ui->s, text, m, MATCH_SHOW,
	    &n);
	snprintf(ui->choice.said, sizeof ui->choice.said, "%s", text);
	if (verdict == KW_MATCH_NONE) {
		interact_unmatched(ui->s, text);
		choice_paste_none(ui, text);
		return;
	}
	ui->choice.filter[0] = '\0';
	ui->choice.cur = 0;
	ui->focus = m[0].opt;
	ui->follow = 1;
	free(ui->choice.pasted);
	ui->choice.pasted = xstrdup(text);
	if (verdict == KW_MATCH_CLOSE)
		screen_say(ui, KW_ST_NORMAL, _("Closest to the pasted text: %zu) "
		    "(also close: %zu). Enter takes it."), m[0].opt + 1,
		    m[1].opt + 1);
	else if (m[0].lang != ui->v.lang)
		/* TRANSLATORS: %s is a language code (de) */
		screen_say(ui, KW_ST_OK, _("The pasted text, in %s, matches "
		    "%zu). Enter takes it."),
		    session_tree(ui->s)->langs[m[0].lang], m[0].opt + 1);
	else
		screen_say(ui, KW_ST_OK, _("The pasted text matches %zu). Enter "
		    "takes it."), m[0].opt + 1);
}

/* Take the focused answer with `text` (the caller's words kept for an
 * answer without a message). */
static void
choice_take(struct cui *ui, const char *text)
{
	const struct kw_view_choice *c = &ui->v.choice[ui->focus];

	ui->choice.took_paste = ui->choice.pasted != NULL ? ui->v.node : NULL;
	screen_take(ui, c, interact_choice_text(c, text,
	    ui->choice.said));
}

/* A digit at the error screen (with no filter): the answer with that
 * number, taken at once unless a longer number could follow; then it is
 * taken when no digit follows within a moment (ACT_TIMEOUT). */
static void
choice_digit(struct cui *ui, int d)
{
	size_t take;

	switch (interact_digit(&ui->choice.num, (unsigned)d, ui->v.nchoices,
	    &take)) {
	case KW_NUMBER_BAD:
		screen_say(ui, KW_ST_MARK, _("! There is no answer %u."),
		    (unsigned)d);
		return;
	case KW_NUMBER_WAIT:
		ui->focus = take;
		ui->follow = 1;
		ui->wake_ms = KW_NUMBER_WAIT_MS;
		ui->wake_scr = SCR_CHOICE;
		return;
	case KW_NUMBER_TAKE:
		ui->focus = take;
		choice_take(ui, NULL);
		return;
	}
}

static enum key_result
key_choice(struct cui *ui, const struct input *in)
{
	int digit = screen_digit_text(in);
	size_t take;

	ui->wake_ms = 0;
	if (in->act == ACT_TIMEOUT) {
		if (!interact_digit_timeout(&ui->choice.num, &take))
			return KEY_IGNORED;
		ui->focus = take;
		choice_take(ui, NULL);
		return KEY_HANDLED;
	}
	if (!digit)
		ui->choice.num.num = 0;
	switch (in->act) {
	case ACT_TEXT:
		if (in->paste && ui->v.pasteable) {
			choice_paste(ui, in->text);
			return KEY_HANDLED;
		}
		if (digit && ui->choice.filter[0] == '\0') {
			choice_digit(ui, in->text[0] - '0');
			return KEY_HANDLED;
		}
		filter_insert(&ui->choice, in->text);
		snprintf(ui->choice.said, sizeof ui->choice.said, "%s",
		    ui->choice.filter);
		ui->follow = 1;
		choice_refocus(ui);
		return KEY_HANDLED;
	case ACT_BACKSPACE:
	case ACT_DELETE:
		if (ui->choice.filter[0] == '\0')
			break;
		filter_delete(&ui->choice, in->act == ACT_DELETE);
		choice_refocus(ui);
		return KEY_HANDLED;
	case ACT_LEFT:
	case ACT_RIGHT:
		/* in the filter the cursor moves; Left goes back without */
		if (ui->choice.filter[0] == '\0')
			break;
		filter_move(&ui->choice, in->act == ACT_RIGHT);
		return KEY_HANDLED;
	case ACT_END:
		ui->choice.cur = strlen(ui->choice.filter);
		return KEY_HANDLED;
	case ACT_ESC:
		if (ui->choice.filter[0] == '\0')
			break;
		ui->choice.filter[0] = '\0';
		ui->choice.cur = 0;
		return KEY_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		for (size_t i = ui->focus; ; ) {
			if (in->act == ACT_UP ? i == 0 :
			    i + 1 >= ui->v.nchoices)
				break;
			i = in->act == ACT_UP ? i - 1 : i + 1;
			if (choice_shown(ui, i)) {
				ui->focus = i;
				break;
			}
		}
		ui->follow = 1;
		return KEY_HANDLED;
	case ACT_ENTER:
		if (ui->focus >= ui->v.nchoices || !choice_shown(ui, ui->focus))
			return KEY_IGNORED;
		choice_take(ui, ui->choice.pasted != NULL ? ui->choice.pasted :
		    ui->choice.filter[0] != '\0' ? ui->choice.filter : NULL);
		return KEY_HANDLED;
	default:
		break;
	}
	return screen_key_common(ui, in);
}

/* A new node: no filter, no number, no paste; back on an error list
 * answered before, the text it was answered with: the filter or the
 * paste it was. */
static void
enter_choice(struct cui *ui)
{
	struct choice_state *c = &ui->choice;
	const char *text;
	int prev;

	c->filter[0] = '\0';
	c->cur = 0;
	c->num.num = 0;
	ui->wake_ms = 0;
	c->said[0] = '\0';
	free(c->pasted);
	c->pasted = NULL;
	if (ui->v.node->type != KW_NODE_CHOICE ||
	    (prev = interact_previous(ui->s, &text)) < 0 || text == NULL)
		return;
	if (c->took_paste != ui->v.node && strlen(text) < sizeof c->filter) {
		screen_append(c->filter, sizeof c->filter, text);
		c->cur = strlen(c->filter);
		if (choice_shown(ui, (size_t)prev))
			return;
		c->filter[0] = '\0';
		c->cur = 0;
	}
	c->pasted = xstrdup(text);
}

static const struct binding choice_keys[] = {
	ENTER_KEYS(N_("choose")),
	{ .code = NOKEY, .act = ACT_TEXT, .help = KH_DIGITS,
	    .hint = N_("number") },
	KEY(NOKEY, ACT_TEXT, KH_TYPING),
	NODE_KEYS
};

const struct screen_ops choice_screen = {
	draw_choice, key_choice, SCREEN_KEYS(choice_keys), 1, enter_choice
};
