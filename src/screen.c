/* SPDX-License-Identifier: MIT */
/* screen.c - what the curses screens share: key lookup, the footer and help entries made from the key tables, the common keys, the node text, the loop's steps */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "interact.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

/* The help page's entries (enum keyhelp): the keys' name and what they
 * do, practice ones last. */
static const struct {
	const char *keys, *what;
	int practice;
} keyhelp[KH_COUNT] = {
	[KH_ENTER] = { N_("Enter"), N_("choose the answer under the cursor, "
	    "or go on"), 0 },
	[KH_MOVE] = { N_("Up, Down"), N_("move between the answers"), 0 },
	[KH_DIGITS] = { N_("1-9"), N_("choose an answer (or tick an item) by "
	    "its number"), 0 },
	[KH_YESNO] = { N_("y, n"), N_("yes or no (o for oui in French)"), 0 },
	[KH_TICK] = { N_("Space"), N_("tick or untick the item under the "
	    "cursor"), 0 },
	[KH_TYPING] = { N_("typing"), N_("key screen: the key, in any form; "
	    "error screen: filters the list (any case, with or without "
	    "accents); pasting a whole message selects it"), 0 },
	[KH_MASK] = { N_("Ctrl-T, F2"), N_("hide or show the product key"),
	    0 },
	[KH_BACK] = { N_("Esc, Backspace, Left"), N_("back one step"), 0 },
	[KH_RESTART] = { N_("Home"), N_("start again from the first step "
	    "(asks first)"), 0 },
	[KH_SEARCH] = { N_("/, Ctrl-F"), N_("search the text of every step: "
	    "Enter on a step of your path goes back to it; other steps are "
	    "shown for reading"), 0 },
	[KH_NOTE] = { N_("Ctrl-N, n"), N_("add a note to the record, at any "
	    "step (n at the result)"), 0 },
	[KH_COPY] = { N_("c"), N_("result screen: send the ticket summary to "
	    "the terminal's clipboard (OSC 52; the terminal may drop it)"), 0 },
	[KH_WRITE] = { N_("w"), N_("result screen: write the ticket summary to "
	    "a file in the current folder"), 0 },
	[KH_PRINT] = { N_("p"), N_("result screen: print the ticket summary "
	    "when keywiz ends"), 0 },
	[KH_SCROLL] = { N_("PgUp, PgDn"), N_("scroll"), 0 },
	[KH_HELP] = { N_("?, Ctrl-O, F1"), N_("this help"), 0 },
	[KH_QUIT] = { N_("q, Ctrl-X, F10"), N_("quit (asks first when a "
	    "session is under way)"), 0 },
	[KH_ASK] = { N_("a, Ctrl-K, F3"), N_("practice: ask the caller about "
	    "this step"), 1 },
	[KH_CALLER] = { N_("Ctrl-R, F4"), N_("practice: read the caller's "
	    "card again"), 1 }
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

/* Whether help entry `kh` is bound on some screen. */
static int
keyhelp_bound(enum keyhelp kh)
{
	for (size_t s = 0; s < SCR_COUNT; s++)
		for (size_t i = 0; i < screens[s]->nkeys; i++)
			if (screens[s]->keys[i].help == kh)
				return 1;
	return 0;
}

int
screen_keyhelp(size_t i, int practice, const char **keys, const char **what)
{
	size_t n = 0;

	for (size_t kh = KH_NONE + 1; kh < KH_COUNT; kh++) {
		if ((keyhelp[kh].practice && !practice) ||
		    !keyhelp_bound((enum keyhelp)kh))
			continue;
		if (n++ == i) {
			*keys = keyhelp[kh].keys;
			*what = keyhelp[kh].what;
			return 1;
		}
	}
	return 0;
}

/* The footer's name of key `code` in `buf`, or NULL if it has none. */
static const char *
key_name(int code, char *buf, size_t size)
{
	switch (code) {
	case '\r':
	case '\n':
	case FN | KW_K_ENTER:
		return _("Enter");
	case 0x1b:
		return _("Esc");
	case ' ':
		return _("Space");
	case FN | KW_K_HOME:
		return _("Home");
	case FN | KW_K_PGDN:
		return _("PgDn");
	default:
		break;
	}
	if (code >= (FN | KW_K_F0) && code <= (FN | KW_K_F(12)))
		snprintf(buf, size, "F%d", code - (FN | KW_K_F0));
	else if (code > 0 && code < 0x20)
		snprintf(buf, size, "^%c", code + '@');
	else if (code > 0x20 && code < 0x7f)
		snprintf(buf, size, "%c", code);
	else
		return NULL;
	return buf;
}

/* Whether `c` is a control key chosen as a command (Ctrl-O, Ctrl-X...),
 * not one that stands for a key of its own (Enter, Esc, Backspace). */
static int
control_command(int c)
{
	return c > 0 && c < 0x20 && c != '\r' && c != '\n' && c != '\t' &&
	    c != 0x1b && c != CTRL('H');
}

/* The key to show for action `act` on screen `scr`: a letter where
 * letters are commands, else a control key (it works where a terminal
 * emulator keeps the function keys), else the first key bound with a
 * name; the yes key follows the language (y, or o in French). */
static const char *
hint_key(enum scr scr, enum action act, char *buf, size_t size)
{
	const struct screen_ops *op = screens[scr];
	int ctrl = 0, named = 0;

	if (act == ACT_YES)
		return view_yes_key();
	for (size_t i = 0; i < op->nkeys; i++) {
		int c = op->keys[i].code;

		if (op->keys[i].act != act || c == NOKEY)
			continue;
		if (c > 0x20 && c < 0x7f)
			return key_name(c, buf, size);
		if (ctrl == 0 && control_command(c))
			ctrl = c;
		if (named == 0 && key_name(c, buf, size) != NULL)
			named = c;
	}
	if (ctrl != 0)
		return key_name(ctrl, buf, size);
	return named != 0 ? key_name(named, buf, size) : NULL;
}

static int
hint_when(const struct cui *ui, enum when w)
{
	switch (w) {
	case W_PRACTICE:
		return ui->o->scenario != NULL;
	case W_UNDER_WAY:
		return ui->v.step > 1;
	case W_ITEMS:
		return ui->v.nitems > 0;
	case W_SHOWN:
		return !ui->keyin.mask;
	case W_HIDDEN:
		return ui->keyin.mask;
	case W_ALWAYS:
		break;
	}
	return 1;
}

/* The footer of screen `scr`, from its bindings: each action with a word
 * for it, once, under its key's name. */
static void
screen_footer(struct cui *ui, enum scr scr)
{
	const struct screen_ops *op = screens[scr];
	unsigned long long shown = 0;

	for (size_t i = 0; i < op->nkeys && ui->nhint < HINT_MAX; i++) {
		const struct binding *b = &op->keys[i];
		struct hint *h = &ui->hint[ui->nhint];

		if (b->hint == NULL || (shown >> b->act & 1) ||
		    !hint_when(ui, b->when))
			continue;
		if (b->code == NOKEY && b->name == NULL) {
			/* the digits: the real range of the answers */
			snprintf(h->name, sizeof h->name, "1-%zu",
			    ui->v.nchoices);
			h->key = h->name;
		} else
			h->key = b->code == NOKEY ? _(b->name) :
			    hint_key(scr, b->act, h->name, sizeof h->name);
		if (h->key == NULL)
			continue;
		h->what = _(b->hint);
		shown |= 1ull << b->act;
		ui->nhint++;
	}
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
		layout_add_url(b, 2, _("Link: "), n->links.v[i], KW_ST_NORMAL,
		    -1);
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
	/* every answer in sight, "n) No" too, where they fit */
	ui->sight_last = (long)ui->body.n - 1;
}

void
screen_body_input(struct cui *ui, const char *text)
{
	struct kw_body *b = &ui->body;
	char *line = xasprintf("> %s", text);

	ui->field_row = (long)b->n;
	ui->field_col = text_width(line);
	if (ui->field_col >= b->width)
		ui->field_col = b->width - 1;
	layout_add_line(b, line, KW_ST_FIELD, -1);
	free(line);
}

/* An outcome's fields: the result (a heading), whom to contact, what to
 * tell them; how long the wait on the way was waited. */
void
screen_body_outcome(struct cui *ui, const struct kw_node *n)
{
	struct kw_outcome_field f[KW_OUTCOME_FIELDS];
	size_t nf = interact_outcome_fields(ui->s, n, f);
	char *waited;

	layout_blank(&ui->body);
	for (size_t i = 0; i < nf; i++)
		layout_add(&ui->body, 0, f[i].label, f[i].value,
		    i == 0 ? KW_ST_HEAD : KW_ST_NORMAL, -1);
	interact_outcome_free(f, nf);
	if (n == session_outcome(ui->s) &&
	    (waited = interact_waited_line(ui->s)) != NULL) {
		layout_add(&ui->body, 0, NULL, waited, KW_ST_NORMAL, -1);
		free(waited);
	}
}

void
screen_take(struct cui *ui, const struct kw_view_choice *c, const char *text)
{
	char *line;

	if (interact_take(ui->s, c, text) != KW_TAKE_EARLY)
		return;
	line = interact_early_line(ui->s, &ui->v);
	screen_say(ui, KW_ST_MARK, "%s", line);
	free(line);
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
	    ui->keyin.field.n > 0;
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

enum key_result
screen_key_common(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_BACKSPACE:
	case ACT_ESC:
	case ACT_LEFT:
		go_back(ui);
		return KEY_HANDLED;
	case ACT_RESTART:
		if (session_depth(ui->s) < 2)
			return KEY_HANDLED;
		if (session_outcome(ui->s) != NULL)
			screen_say(ui, KW_ST_MARK, "%s", _("! This call has its "
			    "outcome: Enter ends it. A new call is a new run of "
			    "keywiz, with its own record."));
		else
			ui->overlay = SCR_RESTART;
		return KEY_HANDLED;
	case ACT_HELP:
		ui->under = ui->overlay;
		ui->overlay = SCR_HELP;
		return KEY_HANDLED;
	case ACT_SEARCH:
		ui->overlay = SCR_SEARCH;
		ui->search.focus = 0;
		return KEY_HANDLED;
	case ACT_QUIT:
		screen_ask_quit(ui);
		return KEY_HANDLED;
	case ACT_NOTE:
		ui->note[0] = '\0';
		ui->overlay = SCR_NOTE;
		return KEY_HANDLED;
	case ACT_PGUP:
	case ACT_PGDN:
		screen_scroll_body(ui, in->act);
		return KEY_HANDLED;
	case ACT_REDRAW:
		return KEY_REPAINT;
	case ACT_ASK:
		if (ui->o->scenario == NULL)
			return KEY_IGNORED;
		interact_ask(ui->o->asks, ui->v.node);
		ui->asked = 1;
		ui->reveal = 1;
		ui->follow = 0;
		return KEY_HANDLED;
	case ACT_CALLER:
		if (ui->o->scenario == NULL)
			return KEY_IGNORED;
		ui->overlay = SCR_CALLER;
		ui->top = 0;
		return KEY_HANDLED;
	default:
		return KEY_IGNORED;
	}
}

const struct screen_ops *const screens[SCR_COUNT] = {
	[SCR_KEY] = &key_screen,
	[SCR_FIELD] = &field_screen,
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
	[SCR_RESTART] = &restart_screen,
	[SCR_CALLER] = &caller_screen,
	[SCR_SCORE] = &score_screen,
	[SCR_PICK] = &pick_screen,
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
	case KW_NODE_FIELD:
		return SCR_FIELD;
	case KW_NODE_LOGIC:	/* never current: the session routes it */
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

/* Back on a node answered before: the focus on the answer given there,
 * so that Enter takes the same branch again. */
static void
screen_focus_previous(struct cui *ui)
{
	const char *text;
	int prev = interact_previous(ui->s, &text);

	for (size_t i = 0; prev >= 0 && i < ui->v.nchoices; i++)
		if (ui->v.choice[i].opt == (size_t)prev) {
			ui->focus = i;
			return;
		}
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
	ui->asked = 0;
	ui->reveal = 0;
	/* a step starts at the start of its instructions; its list is
	 * followed once the focus moves */
	if (ui->v.node->type == KW_NODE_STEP)
		ui->follow = 0;
	screen_focus_previous(ui);
	for (size_t i = 0; i < SCR_COUNT; i++)
		if (screens[i]->enter != NULL)
			screens[i]->enter(ui);
}


enum action
screen_lookup(enum scr scr, int code)
{
	const struct screen_ops *op = screens[scr];

	for (size_t i = 0; i < op->nkeys; i++)
		if (op->keys[i].code == code && code != NOKEY)
			return op->keys[i].act;
	/* letters given as commands answer in either case */
	if (!op->text && code >= 'A' && code <= 'Z')
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

void
screen_init_pick(struct cui *ui, struct kw_pick *p,
    const struct kw_ui_opts *o)
{
	memset(ui, 0, sizeof *ui);
	ui->pick = p;
	ui->o = o;
	ui->overlay = SCR_PICK;
	ui->under = SCR_COUNT;
	ui->v.tree_title = PACKAGE;
	ui->follow = 1;
}

int
screen_next(struct cui *ui)
{
	struct kw_session *s = ui->s;

	if (ui->pick != NULL)
		return !ui->picked && !ui->quit;
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
	ui->sight_last = -1;
	ui->field_col = 0;
	ui->nhint = 0;
	screens[scr]->draw(ui);
	screen_footer(ui, scr);
	return scr;
}

enum key_result
screen_handle(struct cui *ui, enum scr scr, const struct input *in)
{
	if (in->act == ACT_TIMEOUT) {
		/* only for the screen that asked, once */
		int asked = ui->wake_ms > 0 && ui->wake_scr == scr;

		ui->wake_ms = 0;
		if (!asked)
			return KEY_IGNORED;
	}
	if (in->act != ACT_RESIZE && in->act != ACT_NONE)
		ui->msg[0] = '\0';
	return screens[scr]->key(ui, in);
}

void
screen_free(struct cui *ui)
{
	keyfield_wipe(&ui->keyin.field);
	layout_free(&ui->body);
	free(ui->choice.pasted);
	if (ui->search.index != NULL)
		for (size_t i = 0; i < session_tree(ui->s)->nnodes; i++)
			free(ui->search.index[i]);
	free(ui->search.index);
	interact_matching_free(&ui->matching);
	view_free(&ui->v);
}
