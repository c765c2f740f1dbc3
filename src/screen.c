/* SPDX-License-Identifier: MIT */
/* screen.c - what the curses screens share: the key table, the common keys, the node text, which screen is up */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "interact.h"
#include "screen.h"
#include "xalloc.h"

#define ON(x)		(1u << (x))
#define ALL		(~0u)
/* screens where letters are commands (the others type them as text) */
#define CMDS		(ON(SCR_QUESTION) | ON(SCR_STEP) | ON(SCR_WAIT) | \
			    ON(SCR_OUTCOME) | ON(SCR_PEEK))
/* the screens of the tree's nodes */
#define NODES		(ON(SCR_KEY) | ON(SCR_CHOICE) | ON(SCR_QUESTION) | \
			    ON(SCR_STEP) | ON(SCR_WAIT) | ON(SCR_OUTCOME))

/* The key table: the first entry that names the key for the current
 * screen gives the action. Printable keys not listed are text. */
static const struct binding {
	int code;		/* a character, or FN | KW_K_* */
	unsigned where;		/* ON(screen) bits */
	enum action act;
} bindings[] = {
	{ '\n', ALL, ACT_ENTER },
	{ '\r', ALL, ACT_ENTER },
	{ FN | KW_K_ENTER, ALL, ACT_ENTER },
	{ FN | KW_K_UP, ALL, ACT_UP },
	{ FN | KW_K_DOWN, ALL, ACT_DOWN },
	{ FN | KW_K_LEFT, ALL, ACT_LEFT },
	{ FN | KW_K_RIGHT, ALL, ACT_RIGHT },
	{ FN | KW_K_PGUP, ALL, ACT_PGUP },
	{ FN | KW_K_PGDN, ALL, ACT_PGDN },
	{ FN | KW_K_BACKSPACE, ALL, ACT_BACKSPACE },
	{ 0x7f, ALL, ACT_BACKSPACE },
	{ CTRL('H'), ALL, ACT_BACKSPACE },
	{ FN | KW_K_DELETE, ALL, ACT_DELETE },
	{ 0x1b, ALL, ACT_ESC },
	{ FN | KW_K_END, ALL, ACT_END },
	{ FN | KW_K_HOME, ALL, ACT_RESTART },
	{ FN | KW_K_F(1), ALL, ACT_HELP },
	{ '?', CMDS, ACT_HELP },
	{ CTRL('F'), ALL, ACT_SEARCH },
	{ '/', CMDS, ACT_SEARCH },
	{ 'q', ON(SCR_QUIT), ACT_YES },
	{ FN | KW_K_F(10), ALL, ACT_QUIT },
	{ 'q', CMDS | ON(SCR_SCORE), ACT_QUIT },
	{ FN | KW_K_F(2), ON(SCR_KEY), ACT_MASK },
	{ CTRL('T'), ON(SCR_KEY), ACT_MASK },
	{ 'n', ON(SCR_OUTCOME), ACT_NOTE },
	{ 'c', ON(SCR_OUTCOME), ACT_COPY },
	{ 'y', ON(SCR_QUESTION) | ON(SCR_QUIT), ACT_YES },
	{ 'o', ON(SCR_QUESTION) | ON(SCR_QUIT), ACT_YES },
	{ 'n', ON(SCR_QUESTION) | ON(SCR_QUIT), ACT_NO },
	{ ' ', ON(SCR_STEP), ACT_TICK },
	{ FN | KW_K_F(3), NODES, ACT_ASK },
	{ 'a', NODES & CMDS, ACT_ASK },
	{ FN | KW_K_F(4), NODES, ACT_CALLER },
	{ CTRL('L'), ALL, ACT_REDRAW },
	{ FN | KW_K_RESIZE, ALL, ACT_RESIZE }
};


void
screen_say(struct cui *ui, enum kw_style style, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_style = style;
}

void
screen_hint(struct cui *ui, const char *key, const char *what)
{
	if (ui->nhint < HINT_MAX) {
		ui->hint[ui->nhint].key = key;
		ui->hint[ui->nhint].what = what;
		ui->nhint++;
	}
}

/* The keys every node screen shares, after its own. */
void
screen_hint_common(struct cui *ui, int text_screen)
{
	/* help and quit first: a narrow footer keeps them */
	screen_hint(ui, text_screen ? "F1" : "?", _("help"));
	screen_hint(ui, text_screen ? "F10" : "q", _("quit"));
	if (ui->o->scenario != NULL) {
		screen_hint(ui, text_screen ? "F3" : "a", _("ask caller"));
		screen_hint(ui, "F4", _("caller card"));
	}
	if (ui->v.step > 1) {
		screen_hint(ui, _("Esc"), _("back"));
		screen_hint(ui, _("Home"), _("restart"));
	}
	screen_hint(ui, text_screen ? "^F" : "/", _("search"));
}

/* Remove the last UTF-8 character of `s`. */
int
screen_chop(char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
	return 1;
}

/* Append text to a fixed buffer, newlines and tabs as spaces, never
 * cutting a character. */
void
screen_append(char *buf, size_t size, const char *text)
{
	size_t n = strlen(buf);

	for (const char *p = text; *p != '\0' && n + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;
		size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;

		if (c >= 0x80 && (c & 0xc0) == 0x80)
			continue;	/* a stray continuation byte */
		if (n + k >= size)
			break;
		if (c == '\n' || c == '\r' || c == '\t') {
			if (n > 0 && buf[n - 1] != ' ')
				buf[n++] = ' ';
			continue;
		}
		memcpy(buf + n, p, k);
		n += k;
		p += k - 1;
	}
	buf[n] = '\0';
}

int
screen_digit_text(const struct input *in)
{
	return in->act == ACT_TEXT && !in->paste && in->text[0] >= '0' &&
	    in->text[0] <= '9' && in->text[1] == '\0';
}

/* The node text every node screen starts with. */
void
screen_body_node(struct cui *ui, const struct kw_node *n, const char *heading,
    const char *text, const char *why)
{
	struct kw_body *b = &ui->body;

	layout_add(b, 0, NULL, heading, KW_ST_HEAD, -1);
	layout_blank(b);
	if (text != NULL && *text != '\0')
		layout_add(b, 0, NULL, text, KW_ST_NORMAL, -1);
	if (why != NULL) {
		layout_blank(b);
		layout_add(b, 0, _("Why: "), why, KW_ST_DIM, -1);
	}
	for (size_t i = 0; n != NULL && i < n->links.n; i++)
		layout_add(b, 2, _("Link: "), n->links.v[i], KW_ST_NORMAL, -1);
}

/* Practice: what the caller says about the current node, once asked
 * (rows of item ITEM_CALLER, so that asking can bring them into sight). */
static void
body_caller(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	const char *lead;
	char *line;

	if (ui->o->scenario == NULL || !ui->asked)
		return;
	line = interact_caller_line(ui->o->scenario, ui->v.node, ui->v.lang,
	    &lead);
	layout_blank(b);
	layout_add(b, 0, lead, line, KW_ST_HEAD, ITEM_CALLER);
	free(line);
}

/* The current node's text (its `why` in training), and in practice what
 * the caller said about it. */
void
screen_body_current(struct cui *ui)
{
	screen_body_node(ui, ui->v.node, ui->v.heading, ui->v.text, ui->v.why);
	body_caller(ui);
}

/* The answers of a question or a wait, as a list: "y) Yes". */
void
screen_body_choices(struct cui *ui)
{
	for (size_t i = 0; i < ui->v.nchoices; i++) {
		char lead[32];

		snprintf(lead, sizeof lead, "%s) ", ui->v.choice[i].key);
		layout_add(&ui->body, 2, lead, ui->v.choice[i].label,
		    KW_ST_NORMAL, (int)i);
	}
	ui->focus_item = (int)ui->focus;
}

/* An outcome's fields: the result (a heading), whom to contact, what to
 * tell them. */
void
screen_body_outcome(struct cui *ui, const struct kw_node *n)
{
	struct kw_outcome_field f[KW_OUTCOME_FIELDS];
	size_t nf = interact_outcome_fields(n, ui->v.lang, f);

	layout_blank(&ui->body);
	for (size_t i = 0; i < nf; i++)
		layout_add(&ui->body, 0, f[i].label, f[i].value,
		    i == 0 ? KW_ST_HEAD : KW_ST_NORMAL, -1);
}

void
screen_focus_move(struct cui *ui, enum action act, size_t n)
{
	if (n == 0)
		return;
	if (act == ACT_UP && ui->focus > 0)
		ui->focus--;
	else if (act == ACT_DOWN && ui->focus + 1 < n)
		ui->focus++;
	ui->follow = 1;
}

/* Scroll the body by a page or a line; the focus stays where it is. */
void
screen_scroll_body(struct cui *ui, enum action act)
{
	/* the body's height less a row kept in sight (title, rule, footer) */
	size_t page = ui->lines > 7 ? (size_t)ui->lines - 7 : 1;

	if (act == ACT_PGUP || act == ACT_UP)
		ui->top = ui->top > (act == ACT_UP ? 1 : page) ?
		    ui->top - (act == ACT_UP ? 1 : page) : 0;
	else
		ui->top += act == ACT_DOWN ? 1 : page;
	ui->follow = 0;
}

static void
go_back(struct cui *ui)
{
	if (session_back(ui->s) < 0)
		screen_say(ui, KW_ST_MARK, "%s", _("This is the first step."));
}

static int
in_progress(const struct cui *ui)
{
	return session_depth(ui->s) > 1 || session_key(ui->s)->entered ||
	    ui->key.n > 0;
}

void
screen_ask_quit(struct cui *ui)
{
	if (session_outcome(ui->s) != NULL || !in_progress(ui)) {
		ui->quit = 1;
		return;
	}
	ui->overlay = SCR_QUIT;
}

/* What every screen does with an action its own function left alone.
 * Returns 1 if it did something. */
int
screen_key_common(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_BACKSPACE:
	case ACT_ESC:
	case ACT_LEFT:
		go_back(ui);
		return 1;
	case ACT_RESTART:
		if (session_depth(ui->s) > 1) {
			session_restart(ui->s);
			screen_say(ui, KW_ST_NORMAL, "%s",
			    _("Started again from the first step."));
		}
		return 1;
	case ACT_HELP:
		ui->under = ui->overlay;
		ui->overlay = SCR_HELP;
		return 1;
	case ACT_SEARCH:
		ui->overlay = SCR_SEARCH;
		ui->sfocus = 0;
		return 1;
	case ACT_QUIT:
		screen_ask_quit(ui);
		return 1;
	case ACT_PGUP:
	case ACT_PGDN:
		screen_scroll_body(ui, in->act);
		return 1;
	case ACT_REDRAW:
		ui->repaint = 1;
		return 1;
	case ACT_ASK:
		if (ui->o->scenario == NULL)
			return 0;
		ui->asked = 1;
		ui->reveal = 1;
		ui->follow = 0;
		return 1;
	case ACT_CALLER:
		if (ui->o->scenario == NULL)
			return 0;
		ui->overlay = SCR_CALLER;
		ui->top = 0;
		return 1;
	default:
		return 0;
	}
}

const struct screen_ops *const screens[SCR_COUNT] = {
	[SCR_KEY] = &key_screen,
	[SCR_CHOICE] = &choice_screen,
	[SCR_QUESTION] = &question_screen,
	[SCR_STEP] = &step_screen,
	[SCR_WAIT] = &wait_screen,
	[SCR_OUTCOME] = &outcome_screen,
	[SCR_HELP] = &help_screen,
	[SCR_SEARCH] = &search_screen,
	[SCR_PEEK] = &peek_screen,
	[SCR_NOTE] = &note_screen,
	[SCR_QUIT] = &quit_screen,
	[SCR_CALLER] = &caller_screen,
	[SCR_SCORE] = &score_screen,
	[SCR_SMALL] = &small_screen
};

static enum scr
node_screen(const struct kw_node *n)
{
	switch (n->type) {
	case KW_NODE_KEY:
		return SCR_KEY;
	case KW_NODE_CHOICE:
		return SCR_CHOICE;
	case KW_NODE_QUESTION:
		return SCR_QUESTION;
	case KW_NODE_STEP:
		return SCR_STEP;
	case KW_NODE_WAIT:
		return SCR_WAIT;
	case KW_NODE_OUTCOME:
	case KW_NODE_TYPE_COUNT:
		break;
	}
	return SCR_OUTCOME;
}

enum scr
screen_current(const struct cui *ui)
{
	if (ui->lines < MIN_LINES || ui->cols < MIN_COLS)
		return SCR_SMALL;
	if (ui->overlay != SCR_COUNT)
		return ui->overlay;
	return node_screen(ui->v.node);
}

/* A new node (answered, back, restart): its screen starts afresh. */
void
screen_node_enter(struct cui *ui)
{
	ui->seen = ui->v.node;
	ui->seen_depth = session_depth(ui->s);
	ui->focus = 0;
	ui->top = 0;
	ui->follow = 1;
	ui->filter[0] = '\0';
	ui->num = 0;
	free(ui->pasted);
	ui->pasted = NULL;
	ui->asked = 0;
	ui->reveal = 0;
	layout_key_wipe(&ui->key);
}


enum action
screen_lookup(enum scr scr, int code)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].code == code && (bindings[i].where & ON(scr)))
			return bindings[i].act;
	/* letters given as commands answer in either case */
	if (!screens[scr]->text && code >= 'A' && code <= 'Z')
		return screen_lookup(scr, code + ('a' - 'A'));
	return ACT_NONE;
}

/* ---- the loop's steps, without the terminal ---- */

void
screen_init(struct cui *ui, struct kw_session *s, const struct kw_ui_opts *o)
{
	memset(ui, 0, sizeof *ui);
	ui->s = s;
	ui->o = o;
	ui->overlay = SCR_COUNT;
	ui->under = SCR_COUNT;
	if (o->scenario != NULL)
		ui->overlay = SCR_CALLER;
}

int
screen_next(struct cui *ui)
{
	struct kw_session *s = ui->s;

	if (ui->leave)
		return 0;
	if ((session_finished(s) || ui->quit) && !ui->scoring) {
		if (ui->o->scenario == NULL)
			return 0;
		/* practice: the score, before leaving curses */
		session_finish(s);
		ui->scoring = 1;
		ui->overlay = SCR_SCORE;
		ui->top = 0;
		ui->follow = 0;
	}
	view_build(&ui->v, s, ui->o->training);
	if (ui->v.node != ui->seen || session_depth(s) != ui->seen_depth)
		screen_node_enter(ui);
	return 1;
}

enum scr
screen_draw(struct cui *ui, int lines, int cols)
{
	enum scr scr;

	ui->lines = lines;
	ui->cols = cols;
	scr = screen_current(ui);
	layout_free(&ui->body);
	layout_init(&ui->body, cols > 1 ? (size_t)cols - 1 : 1);
	ui->heading = NULL;
	ui->focus_item = -1;
	ui->field_row = -1;
	ui->field_col = 0;
	ui->nhint = 0;
	screens[scr]->draw(ui);
	return scr;
}

void
screen_handle(struct cui *ui, enum scr scr, const struct input *in)
{
	if (in->act != ACT_RESIZE && in->act != ACT_NONE)
		ui->msg[0] = '\0';
	screens[scr]->key(ui, in);
}

void
screen_free(struct cui *ui)
{
	layout_key_wipe(&ui->key);
	layout_free(&ui->body);
	free(ui->pasted);
	if (ui->sindex != NULL)
		for (size_t i = 0; i < session_tree(ui->s)->nnodes; i++)
			free(ui->sindex[i]);
	free(ui->sindex);
	interact_matching_free(&ui->matching);
}
