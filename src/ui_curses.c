/* SPDX-License-Identifier: MIT */
/* ui_curses.c - the ncurses front end: one state, one draw and one key function per screen */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "cmd.h"
#include "i18n.h"
#include "interact.h"
#include "layout.h"
#include "record.h"
#include "sig.h"
#include "text.h"
#include "ui.h"
#include "view.h"
#include "xalloc.h"

/*
 * Each screen has a draw function (it fills the body rows and the footer
 * from the view and the screen's own state, and never changes the session)
 * and a key function (it acts on the session or the screen's state and
 * never draws). Keys become actions through one table, `bindings`. The
 * loop builds the view, draws, waits for a key at most a second (so the
 * wait countdown moves and signals are seen), and hands the key over.
 */

#define MIN_COLS	40
#define MIN_LINES	12
#define PASTE_MIN	4	/* printable characters arriving together */
#define PASTE_MAX	(64 * 1024)
#define QUEUE_MAX	4096	/* keys read ahead to tell a paste */
#define TEXT_MAX	512	/* a filter, a search, a note */
#define HINT_MAX	16
#define SEARCH_MAX	64
#define MATCH_SHOW	3

#define FN		(1 << 24)	/* a function key code, not a character */
#undef CTRL			/* <termios.h> may have one */
#define CTRL(c)		((c) & 0x1f)
#define KEY_PASTE_BEGIN	(KEY_MAX + 1)	/* bracketed paste: ESC [ 200 ~ */
#define KEY_PASTE_END	(KEY_MAX + 2)	/* ESC [ 201 ~ */

enum scr {
	SCR_KEY,
	SCR_CHOICE,
	SCR_QUESTION,
	SCR_STEP,
	SCR_WAIT,
	SCR_OUTCOME,
	SCR_HELP,
	SCR_SEARCH,
	SCR_PEEK,
	SCR_NOTE,
	SCR_QUIT,
	SCR_CALLER,		/* practice: the caller's card */
	SCR_SCORE,		/* practice: the score, before leaving */
	SCR_SMALL,
	SCR_COUNT		/* as an overlay: none */
};

#define ON(x)		(1u << (x))
#define ALL		(~0u)
/* screens where letters are text (typing, filtering), and the others */
#define TEXTS		(ON(SCR_KEY) | ON(SCR_CHOICE) | ON(SCR_SEARCH) | \
			    ON(SCR_NOTE))
#define CMDS		(ON(SCR_QUESTION) | ON(SCR_STEP) | ON(SCR_WAIT) | \
			    ON(SCR_OUTCOME) | ON(SCR_PEEK))
/* the screens of the tree's nodes */
#define NODES		(ON(SCR_KEY) | ON(SCR_CHOICE) | ON(SCR_QUESTION) | \
			    ON(SCR_STEP) | ON(SCR_WAIT) | ON(SCR_OUTCOME))
/* body rows of the caller's answer (an item no answer ever has) */
#define ITEM_CALLER	(KW_VIEW_MAX_CHOICES + 1)

enum action {
	ACT_NONE,
	ACT_TEXT,			/* typed or pasted text */
	ACT_ENTER,
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_PGUP,
	ACT_PGDN,
	ACT_BACKSPACE,
	ACT_DELETE,
	ACT_ESC,
	ACT_END,
	ACT_RESTART,
	ACT_HELP,
	ACT_SEARCH,
	ACT_QUIT,
	ACT_MASK,
	ACT_NOTE,
	ACT_COPY,
	ACT_YES,
	ACT_NO,
	ACT_TICK,
	ACT_ASK,			/* practice: ask the caller */
	ACT_CALLER,			/* practice: the caller's card again */
	ACT_REDRAW,
	ACT_RESIZE
};

/* The key table: the first entry that names the key for the current
 * screen gives the action. Printable keys not listed are text. */
static const struct binding {
	int code;		/* a character, or FN | KEY_* */
	unsigned where;		/* ON(screen) bits */
	enum action act;
} bindings[] = {
	{ '\n', ALL, ACT_ENTER },
	{ '\r', ALL, ACT_ENTER },
	{ FN | KEY_ENTER, ALL, ACT_ENTER },
	{ FN | KEY_UP, ALL, ACT_UP },
	{ FN | KEY_DOWN, ALL, ACT_DOWN },
	{ FN | KEY_LEFT, ALL, ACT_LEFT },
	{ FN | KEY_RIGHT, ALL, ACT_RIGHT },
	{ FN | KEY_PPAGE, ALL, ACT_PGUP },
	{ FN | KEY_NPAGE, ALL, ACT_PGDN },
	{ FN | KEY_BACKSPACE, ALL, ACT_BACKSPACE },
	{ 0x7f, ALL, ACT_BACKSPACE },
	{ CTRL('H'), ALL, ACT_BACKSPACE },
	{ FN | KEY_DC, ALL, ACT_DELETE },
	{ 0x1b, ALL, ACT_ESC },
	{ FN | KEY_END, ALL, ACT_END },
	{ FN | KEY_HOME, ALL, ACT_RESTART },
	{ FN | KEY_F(1), ALL, ACT_HELP },
	{ '?', CMDS, ACT_HELP },
	{ CTRL('F'), ALL, ACT_SEARCH },
	{ '/', CMDS, ACT_SEARCH },
	{ 'q', ON(SCR_QUIT), ACT_YES },
	{ FN | KEY_F(10), ALL, ACT_QUIT },
	{ 'q', CMDS | ON(SCR_SCORE), ACT_QUIT },
	{ FN | KEY_F(2), ON(SCR_KEY), ACT_MASK },
	{ CTRL('T'), ON(SCR_KEY), ACT_MASK },
	{ 'n', ON(SCR_OUTCOME), ACT_NOTE },
	{ 'c', ON(SCR_OUTCOME), ACT_COPY },
	{ 'y', ON(SCR_QUESTION) | ON(SCR_QUIT), ACT_YES },
	{ 'o', ON(SCR_QUESTION) | ON(SCR_QUIT), ACT_YES },
	{ 'n', ON(SCR_QUESTION) | ON(SCR_QUIT), ACT_NO },
	{ ' ', ON(SCR_STEP), ACT_TICK },
	{ FN | KEY_F(3), NODES, ACT_ASK },
	{ 'a', NODES & CMDS, ACT_ASK },
	{ FN | KEY_F(4), NODES, ACT_CALLER },
	{ CTRL('L'), ALL, ACT_REDRAW },
	{ FN | KEY_RESIZE, ALL, ACT_RESIZE }
};

/* One thing the user did. */
struct input {
	enum action act;
	int code;		/* as in bindings */
	char *text;		/* ACT_TEXT: UTF-8, owned */
	int paste;		/* text arrived all at once */
};

/* A key waiting in the read-ahead queue. */
struct qkey {
	int fn;
	wint_t wc;
};

/* One entry of the footer: a key and what it does. */
struct hint {
	const char *key;
	const char *what;
};

struct cui {
	struct kw_session *s;
	const struct kw_ui_opts *o;
	struct kw_view v;
	enum scr overlay;	/* help, search...; SCR_COUNT: none */
	enum scr under;	/* the screen help was opened from */
	int quit;		/* the user quit */
	int scoring;		/* practice: the score screen is up */
	int leave;		/* practice: the score was read */
	int colors;

	/* the node the per-node state below belongs to */
	const struct kw_node *seen;
	size_t seen_depth;
	size_t focus;		/* choice, item or answer under the cursor */
	size_t top;		/* first body row shown */
	int follow;		/* keep the focus in sight when scrolling */
	char filter[TEXT_MAX];	/* choice: typed filter */
	char *pasted;		/* choice: text pasted, for the record */
	unsigned num;		/* choice: a number being typed */
	struct kw_keyfield key;	/* key: what was typed */
	int mask;		/* key: hide the characters */
	char msg[512];		/* one line about the last action */
	enum kw_style msg_style;
	int asked;		/* practice: the caller was asked here */
	int reveal;		/* bring the caller's answer into sight */

	/* search */
	char query[TEXT_MAX];
	size_t sfocus;
	char **sindex;		/* folded text of each node, built once */
	const struct kw_node *peek;

	/* note */
	char note[TEXT_MAX];

	/* what draw leaves for paint */
	struct kw_body body;
	const char *heading;	/* the title line's "where you are" part */
	int focus_item;		/* body item to keep in sight, or -1 */
	long field_row;		/* body row of an input field, or -1 */
	size_t field_col;
	struct hint hint[HINT_MAX];
	size_t nhint;

	struct kw_matching matching;

	/* QUEUE_MAX keys, from calloc so that pages never used cost nothing;
	 * the ring starts over at 0 whenever it empties, so a session that
	 * is only typed touches its first page */
	struct qkey *queue;
	size_t qhead, qlen;
};

static int curses_on;

/* Restore the terminal once: from the end of the loop, a signal, fatal(). */
static void
curses_end(void)
{
	if (!curses_on)
		return;
	curses_on = 0;
	fputs("\033[?2004l", stdout);	/* bracketed paste off */
	fflush(stdout);
	endwin();
}

/* ---- helpers ---- */

static void
say(struct cui *ui, enum kw_style style, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(struct cui *ui, enum kw_style style, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_style = style;
}

static void
hint(struct cui *ui, const char *key, const char *what)
{
	if (ui->nhint < HINT_MAX) {
		ui->hint[ui->nhint].key = key;
		ui->hint[ui->nhint].what = what;
		ui->nhint++;
	}
}

/* The keys every node screen shares, after its own. */
static void
hint_common(struct cui *ui, int text_screen)
{
	/* help and quit first: a narrow footer keeps them */
	hint(ui, text_screen ? "F1" : "?", _("help"));
	hint(ui, text_screen ? "F10" : "q", _("quit"));
	if (ui->o->scenario != NULL) {
		hint(ui, text_screen ? "F3" : "a", _("ask caller"));
		hint(ui, "F4", _("caller card"));
	}
	if (ui->v.step > 1) {
		hint(ui, _("Esc"), _("back"));
		hint(ui, _("Home"), _("restart"));
	}
	hint(ui, text_screen ? "^F" : "/", _("search"));
}

/* Remove the last UTF-8 character of `s`. */
static int
chop(char *s)
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
static void
append(char *buf, size_t size, const char *text)
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

static int
digit_text(const struct input *in)
{
	return in->act == ACT_TEXT && !in->paste && in->text[0] >= '0' &&
	    in->text[0] <= '9' && in->text[1] == '\0';
}

/* The node text every node screen starts with. */
static void
body_node(struct cui *ui, const struct kw_node *n, const char *heading,
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
static void
body_current(struct cui *ui)
{
	body_node(ui, ui->v.node, ui->v.heading, ui->v.text, ui->v.why);
	body_caller(ui);
}

/* The answers of a question or a wait, as a list: "y) Yes". */
static void
body_choices(struct cui *ui)
{
	for (size_t i = 0; i < ui->v.nchoices; i++) {
		char lead[32];

		snprintf(lead, sizeof lead, "%s) ", ui->v.choice[i].key);
		layout_add(&ui->body, 2, lead, ui->v.choice[i].label,
		    KW_ST_NORMAL, (int)i);
	}
	ui->focus_item = (int)ui->focus;
}

static void
focus_move(struct cui *ui, enum action act, size_t n)
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
static void
scroll_body(struct cui *ui, enum action act)
{
	/* the body's height less a row kept in sight (title, rule, footer) */
	size_t page = LINES > 7 ? (size_t)LINES - 7 : 1;

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
		say(ui, KW_ST_MARK, "%s", _("This is the first step."));
}

static int
in_progress(const struct cui *ui)
{
	return session_depth(ui->s) > 1 || session_key(ui->s)->entered ||
	    ui->key.n > 0;
}

static void
ask_quit(struct cui *ui)
{
	if (session_outcome(ui->s) != NULL || !in_progress(ui)) {
		ui->quit = 1;
		return;
	}
	ui->overlay = SCR_QUIT;
}

/* What every screen does with an action its own function left alone.
 * Returns 1 if it did something. */
static int
key_common(struct cui *ui, const struct input *in)
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
			say(ui, KW_ST_NORMAL, "%s",
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
		ask_quit(ui);
		return 1;
	case ACT_PGUP:
	case ACT_PGDN:
		scroll_body(ui, in->act);
		return 1;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
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

/* ---- the key screen ---- */

static void
draw_key(struct cui *ui)
{
	const struct kw_keyfmt *fmt = prodkey_tree_format(session_tree(ui->s));
	struct kw_body *b = &ui->body;
	char shown[KW_FIELD_MAX * 5 + KW_FIELD_MAX + 1], *line, marks[256];
	char text[KW_FIELD_MAX * 5 + 1], summary[256];
	size_t col[KW_FIELD_MAX + 1], leadw, width;
	struct kw_keycheck k;
	const struct kw_key_bad *near = NULL;
	const char *lead = _("Key: ");

	body_current(ui);
	layout_blank(b);
	width = layout_key_show(&ui->key, fmt->groups, fmt->group_length,
	    ui->mask, shown, sizeof shown, col);
	leadw = text_width(lead);
	line = xasprintf("%s%s", lead, shown);
	ui->field_row = (long)b->n;
	ui->field_col = leadw + col[ui->key.cur];
	layout_add_line(b, line, KW_ST_FIELD, -1);
	free(line);
	if (ui->key.n == 0) {
		layout_add(b, 0, NULL, _("Type or paste the key; the dashes "
		    "come by themselves."), KW_ST_DIM, -1);
		goto footer;
	}

	layout_key_text(&ui->key, text, sizeof text);
	interact_check_key(ui->s, text, &k);
	explicit_bzero(text, sizeof text);
	/* a caret under each character that cannot be in a key */
	memset(marks, ' ', sizeof marks);
	width += leadw;
	if (width >= sizeof marks)
		width = sizeof marks - 1;
	marks[width] = '\0';
	for (size_t i = 0; i < k.nbad; i++) {
		const struct kw_key_bad *bad = &k.bad[i];

		if (bad->pos >= ui->key.n || leadw + col[bad->pos] >= width)
			continue;
		marks[leadw + col[bad->pos]] = '^';
		if (near == NULL || (bad->pos <= ui->key.cur &&
		    bad->pos > near->pos))
			near = bad;
	}
	if (near != NULL)
		layout_add_line(b, marks, KW_ST_MARK, -1);
	if (near != NULL) {
		char *bad = interact_bad_char(near, ui->mask);
		char *why = xasprintf("! %s", bad);

		layout_add(b, 0, NULL, why, KW_ST_MARK, -1);
		free(why);
		free(bad);
	}
	prodkey_summary(&k, summary, sizeof summary);
	layout_add(b, 0, k.verdict == KW_KEY_VALID ? "= " : "! ", summary,
	    k.verdict == KW_KEY_VALID ? KW_ST_OK : KW_ST_MARK, -1);
	if (k.verdict != KW_KEY_VALID)
		layout_add(b, 0, NULL, _("Enter goes on with this key anyway: "
		    "you may still have an error message to report."),
		    KW_ST_DIM, -1);
	prodkey_wipe(&k);
footer:
	hint(ui, _("Enter"), _("continue"));
	hint(ui, "F2", ui->mask ? _("show key") : _("hide key"));
	hint_common(ui, 1);
}

/* Enter at the key screen: the analysis goes into the session (the masked
 * key and a summary, never the key), then the next step. */
static void
key_key_enter(struct cui *ui)
{
	char text[KW_FIELD_MAX * 5 + 1];
	struct kw_keycheck k;

	if (ui->key.n > 0) {
		layout_key_text(&ui->key, text, sizeof text);
		interact_set_key(ui->s, text, &k);
		explicit_bzero(text, sizeof text);
		prodkey_wipe(&k);
	}
	layout_key_wipe(&ui->key);
	interact_continue(ui->s);
}

static void
key_key(struct cui *ui, const struct input *in)
{
	struct kw_keyfield *f = &ui->key;

	if (in->act != ACT_ASK && in->act != ACT_PGUP && in->act != ACT_PGDN)
		ui->follow = 1;	/* editing brings the field back in sight */
	switch (in->act) {
	case ACT_TEXT:
		layout_key_insert(f, in->text);
		return;
	case ACT_ENTER:
		key_key_enter(ui);
		return;
	case ACT_MASK:
		ui->mask = !ui->mask;
		return;
	case ACT_BACKSPACE:
		if (f->n == 0)
			break;
		layout_key_backspace(f);
		return;
	case ACT_DELETE:
		layout_key_delete(f);
		return;
	case ACT_LEFT:
		if (f->cur > 0)
			f->cur--;
		return;
	case ACT_RIGHT:
		if (f->cur < f->n)
			f->cur++;
		return;
	case ACT_END:
		f->cur = f->n;
		return;
	default:
		break;
	}
	key_common(ui, in);
}

/* ---- the error (choice) screen ---- */

/* Whether choice `i` contains the filter, in any language of the tree. */
static int
choice_shown(const struct cui *ui, size_t i)
{
	const struct kw_tree *t = session_tree(ui->s);
	const struct kw_option *o = &ui->v.node->opts[i];

	if (ui->filter[0] == '\0')
		return 1;
	for (size_t l = 0; l < t->nlangs; l++) {
		const char *label = tree_text_lang(&o->label, l);
		const char *msg = tree_text_lang(&o->message, l);
		const struct kw_strv *more = tree_match(o, l);

		if ((label != NULL && layout_contains(label, ui->filter)) ||
		    (msg != NULL && layout_contains(msg, ui->filter)))
			return 1;
		for (size_t j = 0; j < more->n; j++)
			if (layout_contains(more->v[j], ui->filter))
				return 1;
	}
	return 0;
}

/* Put the focus on the first choice shown if it is on a hidden one. */
static void
choice_refocus(struct cui *ui)
{
	if (ui->focus < ui->v.nchoices && choice_shown(ui, ui->focus))
		return;
	for (size_t i = 0; i < ui->v.nchoices; i++)
		if (choice_shown(ui, i)) {
			ui->focus = i;
			return;
		}
}

static void
draw_choice(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	size_t shown = 0;

	body_current(ui);
	layout_blank(b);
	if (ui->filter[0] != '\0') {
		char *line = xasprintf("%s%s", _("Filter: "), ui->filter);

		ui->field_row = (long)b->n;
		ui->field_col = text_width(line);
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
	hint(ui, _("Enter"), _("choose"));
	hint(ui, "1-9", _("number"));
	hint_common(ui, 1);
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
	if (verdict == KW_MATCH_NONE) {
		say(ui, KW_ST_MARK, "%s", _("! No message matches the pasted "
		    "text; type a few of its words to filter the list."));
		return;
	}
	ui->filter[0] = '\0';
	ui->focus = m[0].opt;
	ui->follow = 1;
	free(ui->pasted);
	ui->pasted = xstrdup(text);
	if (verdict == KW_MATCH_CLOSE)
		say(ui, KW_ST_NORMAL, _("Closest to the pasted text: %zu) "
		    "(also close: %zu). Enter takes it."), m[0].opt + 1,
		    m[1].opt + 1);
	else
		say(ui, KW_ST_OK, _("The pasted text matches %zu). Enter "
		    "takes it."), m[0].opt + 1);
}

/* A digit at the error screen (with no filter): the answer with that
 * number, taken at once unless a longer number could follow. */
static void
choice_digit(struct cui *ui, int d)
{
	size_t n = ui->v.nchoices;

	ui->num = ui->num * 10 + (unsigned)d;
	if (ui->num == 0 || ui->num > n) {
		say(ui, KW_ST_MARK, _("! There is no answer %u."), ui->num);
		ui->num = 0;
		return;
	}
	ui->focus = ui->num - 1;
	ui->follow = 1;
	if ((size_t)ui->num * 10 > n) {
		ui->num = 0;
		interact_take(ui->s, &ui->v.choice[ui->focus], NULL);
	}
}

static void
key_choice(struct cui *ui, const struct input *in)
{
	int digit = digit_text(in);

	if (!digit)
		ui->num = 0;
	switch (in->act) {
	case ACT_TEXT:
		if (in->paste && ui->v.pasteable) {
			choice_paste(ui, in->text);
			return;
		}
		if (digit && ui->filter[0] == '\0') {
			choice_digit(ui, in->text[0] - '0');
			return;
		}
		append(ui->filter, sizeof ui->filter, in->text);
		ui->follow = 1;
		choice_refocus(ui);
		return;
	case ACT_BACKSPACE:
		if (!chop(ui->filter))
			break;
		choice_refocus(ui);
		return;
	case ACT_ESC:
		if (ui->filter[0] == '\0')
			break;
		ui->filter[0] = '\0';
		return;
	case ACT_UP:
	case ACT_DOWN:
		for (size_t i = ui->focus; ; ) {
			if (in->act == ACT_UP ? i == 0 : i + 1 >= ui->v.nchoices)
				break;
			i = in->act == ACT_UP ? i - 1 : i + 1;
			if (choice_shown(ui, i)) {
				ui->focus = i;
				break;
			}
		}
		ui->follow = 1;
		return;
	case ACT_ENTER:
		if (ui->focus >= ui->v.nchoices || !choice_shown(ui, ui->focus))
			return;
		interact_take(ui->s, &ui->v.choice[ui->focus],
		    ui->pasted != NULL ? ui->pasted :
		    ui->filter[0] != '\0' ? ui->filter : NULL);
		return;
	default:
		break;
	}
	key_common(ui, in);
}

/* ---- questions ---- */

static void
draw_question(struct cui *ui)
{
	body_current(ui);
	layout_blank(&ui->body);
	body_choices(ui);
	hint(ui, view_yes_key(), _("yes"));
	hint(ui, view_no_key(), _("no"));
	hint(ui, _("Enter"), _("choose"));
	hint_common(ui, 0);
}

/* Number keys for the answers of a question or a wait. */
static int
key_number(struct cui *ui, const struct input *in)
{
	size_t d;

	if (!digit_text(in))
		return 0;
	d = (size_t)(in->text[0] - '0');
	if (d >= 1 && d <= ui->v.nchoices)
		interact_take(ui->s, &ui->v.choice[d - 1], NULL);
	return 1;
}

/* Keys of a screen whose answers are a short list (question, wait). */
static void
key_list(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_UP:
	case ACT_DOWN:
		focus_move(ui, in->act, ui->v.nchoices);
		return;
	case ACT_ENTER:
		interact_take(ui->s, &ui->v.choice[ui->focus], NULL);
		return;
	default:
		if (key_number(ui, in))
			return;
		break;
	}
	key_common(ui, in);
}

static void
key_question(struct cui *ui, const struct input *in)
{
	/* the view lists a question's answers yes first, then no */
	if (in->act == ACT_YES)
		interact_take(ui->s, &ui->v.choice[0], NULL);
	else if (in->act == ACT_NO)
		interact_take(ui->s, &ui->v.choice[1], NULL);
	else
		key_list(ui, in);
}

/* ---- steps (a checklist) ---- */

static void
draw_step(struct cui *ui)
{
	struct kw_body *b = &ui->body;

	body_current(ui);
	for (size_t i = 0; i < ui->v.nitems; i++) {
		int on = (ui->v.checked >> i) & 1;
		char lead[32];

		if (i == 0)
			layout_blank(b);
		snprintf(lead, sizeof lead, "[%c] %zu. ", on ? 'x' : ' ',
		    i + 1);
		layout_add(b, 2, lead, tree_text(&ui->v.items[i], ui->v.lang),
		    on ? KW_ST_OK : KW_ST_NORMAL, (int)i);
	}
	if (ui->v.nitems > 0) {
		ui->focus_item = (int)ui->focus;
		hint(ui, _("Space"), _("tick"));
	}
	hint(ui, _("Enter"), _("continue"));
	hint_common(ui, 0);
}

static void
key_step(struct cui *ui, const struct input *in)
{
	size_t item = ui->focus;

	switch (in->act) {
	case ACT_TEXT:
		if (!digit_text(in))
			return;
		item = (size_t)(in->text[0] - '0');
		if (item < 1 || item > ui->v.nitems)
			return;
		item--;
		ui->focus = item;
		/* FALLTHROUGH */
	case ACT_TICK:
		if (item < ui->v.nitems)
			interact_tick(ui->s, item);
		return;
	case ACT_UP:
	case ACT_DOWN:
		if (ui->v.nitems > 0)
			focus_move(ui, in->act, ui->v.nitems);
		else
			scroll_body(ui, in->act);
		return;
	case ACT_ENTER:
		interact_continue(ui->s);
		return;
	default:
		break;
	}
	key_common(ui, in);
}

/* ---- waiting ---- */

static void
draw_wait(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	time_t now = session_now(ui->s);
	char until[16], *line;

	body_current(ui);
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
	body_choices(ui);
	hint(ui, "1-3", _("answer"));
	hint(ui, _("Enter"), _("choose"));
	hint_common(ui, 0);
}


/* ---- the outcome ---- */

/* Training: the answers not taken on the way, and where they lead. */
static void
body_branches(struct cui *ui)
{
	struct kw_branch br[128];
	struct kw_body *b = &ui->body;
	size_t n = view_branches(ui->s, br, sizeof br / sizeof br[0]);
	size_t lang = ui->v.lang;

	if (n == 0)
		return;
	layout_blank(b);
	layout_add(b, 0, NULL, interact_branches_heading(), KW_ST_HEAD, -1);
	for (size_t i = 0; i < n; i++) {
		char *line = interact_branch_line(&br[i], lang);

		layout_add(b, 2, "- ", line, KW_ST_NORMAL, -1);
		free(line);
	}
}

/* An outcome's fields: the result (a heading), whom to contact, what to
 * tell them. */
static void
body_outcome(struct cui *ui, const struct kw_node *n)
{
	struct kw_outcome_field f[KW_OUTCOME_FIELDS];
	size_t nf = interact_outcome_fields(n, ui->v.lang, f);

	layout_blank(&ui->body);
	for (size_t i = 0; i < nf; i++)
		layout_add(&ui->body, 0, f[i].label, f[i].value,
		    i == 0 ? KW_ST_HEAD : KW_ST_NORMAL, -1);
}

static void
draw_outcome(struct cui *ui)
{
	struct kw_body *b = &ui->body;
	const struct kw_keyinfo *k = session_key(ui->s);
	size_t notes = 0;

	body_current(ui);
	body_outcome(ui, ui->v.node);
	if (k->entered) {
		char *line = xasprintf("%s (%s)", k->masked, k->summary);

		layout_add(b, 0, _("Key: "), line, KW_ST_NORMAL, -1);
		free(line);
	}
	for (size_t i = 0; i < session_nevents(ui->s); i++)
		if (session_event(ui->s, i)->type == KW_EV_NOTE)
			notes++;
	if (notes > 0) {
		char *line = xasprintf(_("Notes: %zu"), notes);

		layout_add(b, 0, NULL, line, KW_ST_NORMAL, -1);
		free(line);
	}
	layout_blank(b);
	layout_add(b, 0, NULL, _("Enter ends the session; n adds a note; "
	    "c copies the ticket summary to the clipboard."), KW_ST_DIM, -1);
	if (ui->v.training)
		body_branches(ui);
	hint(ui, _("Enter"), _("finish"));
	hint(ui, "n", _("note"));
	hint(ui, "c", _("copy"));
	hint_common(ui, 0);
}

static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *
base64(const char *s)
{
	size_t n = strlen(s), o = 0;
	const unsigned char *u = (const unsigned char *)s;
	char *out = xmalloc((n + 2) / 3 * 4 + 1);

	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)u[i] << 16;

		if (i + 1 < n)
			v |= (unsigned long)u[i + 1] << 8;
		if (i + 2 < n)
			v |= u[i + 2];
		out[o++] = b64chars[(v >> 18) & 63];
		out[o++] = b64chars[(v >> 12) & 63];
		out[o++] = i + 1 < n ? b64chars[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < n ? b64chars[v & 63] : '=';
	}
	out[o] = '\0';
	return out;
}

/* The ticket summary that `c` copies: the Markdown record, the same text
 * as `-o FILE.md` writes. */
static char *
ticket_summary(const struct cui *ui)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	if (fp == NULL)
		return NULL;
	if (record_markdown(ui->s, fp) < 0) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void
write_all(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* Copy through the terminal (OSC 52): works over SSH; inside tmux, both
 * as is (tmux keeps it when set-clipboard is on) and wrapped for the
 * outer terminal (allow-passthrough). */
static void
copy_osc52(const char *text)
{
	const char *tmux = getenv("TMUX");
	char *b64 = base64(text), *seq;

	seq = xasprintf("\033]52;c;%s\a", b64);
	write_all(seq);
	free(seq);
	if (tmux != NULL && *tmux != '\0') {
		seq = xasprintf("\033Ptmux;\033\033]52;c;%s\a\033\\", b64);
		write_all(seq);
		free(seq);
	}
	free(b64);
}

static void
key_outcome(struct cui *ui, const struct input *in)
{
	char *text;

	switch (in->act) {
	case ACT_ENTER:
		session_finish(ui->s);
		return;
	case ACT_NOTE:
		ui->note[0] = '\0';
		ui->overlay = SCR_NOTE;
		return;
	case ACT_COPY:
		if ((text = ticket_summary(ui)) == NULL) {
			say(ui, KW_ST_MARK, "%s", _("! The ticket summary could "
			    "not be made."));
			return;
		}
		copy_osc52(text);
		say(ui, KW_ST_OK, _("= Ticket summary copied to the clipboard "
		    "(%zu characters)."), strlen(text));
		free(text);
		return;
	case ACT_UP:
	case ACT_DOWN:
		scroll_body(ui, in->act);
		return;
	default:
		break;
	}
	key_common(ui, in);
}

/* ---- help ---- */

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
	hint(ui, _("any key"), _("close help"));
	hint(ui, _("PgDn"), _("scroll"));
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
		scroll_body(ui, in->act);
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

/* ---- search ---- */

static void
index_add(char **acc, const char *s)
{
	char *f, *joined;

	if (s == NULL || *s == '\0')
		return;
	f = layout_fold(s);
	joined = xasprintf("%s\n%s", *acc, f);
	free(f);
	free(*acc);
	*acc = joined;
}

static void
index_text(char **acc, const struct kw_text *t, size_t nlangs)
{
	for (size_t l = 0; l < nlangs; l++)
		index_add(acc, tree_text_lang(t, l));
}

/* The folded text of every node, every language: built once. */
static void
search_index(struct cui *ui)
{
	const struct kw_tree *t = session_tree(ui->s);

	if (ui->sindex != NULL)
		return;
	ui->sindex = xcalloc(t->nnodes, sizeof *ui->sindex);
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];
		char *acc = xstrdup("");

		index_text(&acc, &n->title, t->nlangs);
		index_text(&acc, &n->text, t->nlangs);
		index_text(&acc, &n->why, t->nlangs);
		index_text(&acc, &n->contact, t->nlangs);
		index_text(&acc, &n->tell, t->nlangs);
		for (size_t j = 0; j < n->nitems; j++)
			index_text(&acc, &n->items[j], t->nlangs);
		for (size_t j = 0; j < n->nopts; j++) {
			index_text(&acc, &n->opts[j].label, t->nlangs);
			index_text(&acc, &n->opts[j].message, t->nlangs);
			for (size_t l = 0; l < t->nlangs; l++) {
				const struct kw_strv *more =
				    tree_match(&n->opts[j], l);

				for (size_t k = 0; k < more->n; k++)
					index_add(&acc, more->v[k]);
			}
		}
		ui->sindex[i] = acc;
	}
}

static size_t
search_hits(struct cui *ui, const struct kw_node **hit, size_t max)
{
	const struct kw_tree *t = session_tree(ui->s);
	char *q;
	size_t n = 0;

	if (ui->query[0] == '\0')
		return 0;
	search_index(ui);
	q = layout_fold(ui->query);
	for (size_t i = 0; i < t->nnodes && n < max; i++)
		if (*q == '\0' || strstr(ui->sindex[i], q) != NULL)
			hit[n++] = &t->nodes[i];
	free(q);
	return n;
}

/* The index of `n` on the session's path, or -1. */
static long
path_index(const struct kw_session *s, const struct kw_node *n)
{
	for (size_t i = session_depth(s); i-- > 0; )
		if (session_step(s, i)->node == n)
			return (long)i;
	return -1;
}

static void
draw_search(struct cui *ui)
{
	const struct kw_node *hit[SEARCH_MAX];
	struct kw_body *b = &ui->body;
	size_t n = search_hits(ui, hit, SEARCH_MAX), lang = ui->v.lang;
	char *line;

	ui->heading = _("Search");
	line = xasprintf("%s%s", _("Search: "), ui->query);
	ui->field_row = (long)b->n;
	ui->field_col = text_width(line);
	layout_add_line(b, line, KW_ST_FIELD, -1);
	free(line);
	layout_blank(b);
	if (ui->query[0] == '\0')
		layout_add(b, 0, NULL, _("Type words to find in every step of "
		    "the tree, in any language, any case, with or without "
		    "accents."), KW_ST_DIM, -1);
	else if (n == 0)
		layout_add(b, 0, "! ", _("No step contains these words."),
		    KW_ST_MARK, -1);
	for (size_t i = 0; i < n; i++) {
		long at = path_index(ui->s, hit[i]);
		char lead[64], *first, *nl;

		if (at >= 0)
			snprintf(lead, sizeof lead, _("[step %ld] "), at + 1);
		else
			snprintf(lead, sizeof lead, "- ");
		layout_add(b, 2, lead, view_node_heading(hit[i], lang),
		    KW_ST_NORMAL, (int)i);
		first = text_clean(tree_text(&hit[i]->text, lang));
		if ((nl = strchr(first, '\n')) != NULL)
			*nl = '\0';
		line = layout_truncate(first, b->width > 6 ?
		    b->width - 6 : 1);
		layout_add_line(b, "", KW_ST_DIM, (int)i);
		free(b->row[b->n - 1].s);
		b->row[b->n - 1].s = xasprintf("      %s", line);
		free(line);
		free(first);
	}
	if (n > 0) {
		if (ui->sfocus >= n)
			ui->sfocus = n - 1;
		ui->focus_item = (int)ui->sfocus;
	}
	hint(ui, _("Enter"), _("go there"));
	hint(ui, _("Esc"), _("close"));
	hint(ui, "F10", _("quit"));
}

/* The common keys that still work over the search and its read-only
 * view: help, quit, paging, redraw; the others mean something else there. */
static void
key_overlay_common(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_REDRAW:
		key_common(ui, in);
		return;
	default:
		return;
	}
}

static void
key_search(struct cui *ui, const struct input *in)
{
	const struct kw_node *hit[SEARCH_MAX];
	size_t n;
	long at;

	switch (in->act) {
	case ACT_TEXT:
		append(ui->query, sizeof ui->query, in->text);
		ui->sfocus = 0;
		ui->top = 0;
		return;
	case ACT_BACKSPACE:
		chop(ui->query);
		ui->sfocus = 0;
		return;
	case ACT_ESC:
	case ACT_SEARCH:
		ui->overlay = SCR_COUNT;
		ui->top = 0;
		ui->follow = 1;
		return;
	case ACT_UP:
		if (ui->sfocus > 0)
			ui->sfocus--;
		ui->follow = 1;
		return;
	case ACT_DOWN:
		ui->sfocus++;
		ui->follow = 1;
		return;
	case ACT_ENTER:
		n = search_hits(ui, hit, SEARCH_MAX);
		if (ui->sfocus >= n)
			return;
		at = path_index(ui->s, hit[ui->sfocus]);
		if (at < 0) {
			ui->peek = hit[ui->sfocus];
			ui->overlay = SCR_PEEK;
			ui->top = 0;
			return;
		}
		if ((size_t)at + 1 < session_depth(ui->s))
			session_back_to(ui->s, (size_t)at);
		ui->overlay = SCR_COUNT;
		ui->top = 0;
		return;
	default:
		key_overlay_common(ui, in);
		return;
	}
}

/* A step not on the path, shown read-only from the search. */
static void
draw_peek(struct cui *ui)
{
	const struct kw_node *n = ui->peek;
	struct kw_body *b = &ui->body;
	size_t lang = ui->v.lang;

	ui->heading = _("Search");
	layout_add(b, 0, NULL, _("Not on your path: shown for reading only."),
	    KW_ST_DIM, -1);
	layout_blank(b);
	body_node(ui, n, view_node_heading(n, lang), tree_text(&n->text, lang),
	    NULL);
	for (size_t i = 0; i < n->nitems; i++)
		layout_add(b, 2, "- ", tree_text(&n->items[i], lang),
		    KW_ST_NORMAL, -1);
	if (n->type == KW_NODE_CHOICE)
		for (size_t i = 0; i < n->nopts; i++) {
			char lead[32];

			snprintf(lead, sizeof lead, "%zu) ", i + 1);
			layout_add(b, 2, lead, tree_text(&n->opts[i].label,
			    lang), KW_ST_NORMAL, -1);
		}
	if (n->type == KW_NODE_OUTCOME)
		body_outcome(ui, n);
	hint(ui, _("Esc"), _("back to the search"));
	hint(ui, _("PgDn"), _("scroll"));
	hint(ui, "q", _("quit"));
}

static void
key_peek(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_ESC:
	case ACT_BACKSPACE:
	case ACT_LEFT:
	case ACT_ENTER:
		ui->overlay = SCR_SEARCH;
		ui->top = 0;
		ui->follow = 1;
		return;
	case ACT_UP:
	case ACT_DOWN:
		scroll_body(ui, in->act);
		return;
	default:
		key_overlay_common(ui, in);
		return;
	}
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
	hint(ui, _("Enter"), _("add the note"));
	hint(ui, _("Esc"), _("cancel"));
}

static void
key_note(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_TEXT:
		append(ui->note, sizeof ui->note, in->text);
		return;
	case ACT_BACKSPACE:
		chop(ui->note);
		return;
	case ACT_ENTER:
		if (interact_note(ui->s, ui->note))
			say(ui, KW_ST_OK, "%s", _("= Note added."));
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
	hint(ui, view_yes_key(), _("quit"));
	hint(ui, "n", _("go on"));
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
	hint(ui, _("Enter"), _("go on"));
	hint(ui, _("PgDn"), _("scroll"));
	hint(ui, "F10", _("quit"));
}

static void
key_caller(struct cui *ui, const struct input *in)
{
	if (key_page(ui, in))
		return;
	switch (in->act) {
	case ACT_QUIT:
		ui->overlay = SCR_COUNT;
		ask_quit(ui);
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
	hint(ui, _("Enter"), _("finish"));
	hint(ui, _("PgDn"), _("scroll"));
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
	    MIN_LINES, COLS, LINES);

	layout_add(&ui->body, 0, "! ", line, KW_ST_MARK, -1);
	free(line);
}

static void
key_small(struct cui *ui, const struct input *in)
{
	(void)ui;
	(void)in;
}

/* ---- the screens ---- */

static const struct screen_ops {
	void (*draw)(struct cui *);
	void (*key)(struct cui *, const struct input *);
	int text;		/* letters are typed, not commands */
} screens[SCR_COUNT] = {
	[SCR_KEY] = { draw_key, key_key, 1 },
	[SCR_CHOICE] = { draw_choice, key_choice, 1 },
	[SCR_QUESTION] = { draw_question, key_question, 0 },
	[SCR_STEP] = { draw_step, key_step, 0 },
	[SCR_WAIT] = { draw_wait, key_list, 0 },
	[SCR_OUTCOME] = { draw_outcome, key_outcome, 0 },
	[SCR_HELP] = { draw_help, key_help, 0 },
	[SCR_SEARCH] = { draw_search, key_search, 1 },
	[SCR_PEEK] = { draw_peek, key_peek, 0 },
	[SCR_NOTE] = { draw_note, key_note, 1 },
	[SCR_QUIT] = { draw_quit, key_quit, 0 },
	[SCR_CALLER] = { draw_caller, key_caller, 0 },
	[SCR_SCORE] = { draw_score, key_score, 0 },
	[SCR_SMALL] = { draw_small, key_small, 0 }
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

static enum scr
current(const struct cui *ui)
{
	if (LINES < MIN_LINES || COLS < MIN_COLS)
		return SCR_SMALL;
	if (ui->overlay != SCR_COUNT)
		return ui->overlay;
	return node_screen(ui->v.node);
}

/* A new node (answered, back, restart): its screen starts afresh. */
static void
node_enter(struct cui *ui)
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

/* ---- painting ---- */

enum {
	PAIR_TITLE = 1,
	PAIR_MARK,
	PAIR_OK,
	PAIR_FIELD
};

static attr_t
style_attr(const struct cui *ui, enum kw_style st)
{
	switch (st) {
	case KW_ST_HEAD:
		return A_BOLD;
	case KW_ST_DIM:
		return ui->colors ? A_DIM : A_NORMAL;
	case KW_ST_MARK:
		return A_BOLD | (ui->colors ? COLOR_PAIR(PAIR_MARK) : 0);
	case KW_ST_OK:
		return ui->colors ? COLOR_PAIR(PAIR_OK) : A_NORMAL;
	case KW_ST_FIELD:
		return A_UNDERLINE | (ui->colors ? COLOR_PAIR(PAIR_FIELD) : 0);
	case KW_ST_NORMAL:
		break;
	}
	return A_NORMAL;
}

/* Write `s` at the cursor, at most `cols` columns. */
static void
put(const char *s, size_t cols)
{
	size_t n = text_fit(s, cols);

	if (n > 0)
		addnstr(s, (int)n);
}

/* The title line: keywiz, the tree, and where you are on the path. */
static void
paint_title(struct cui *ui, int width)
{
	size_t lang = ui->v.lang;
	char *where, *t, *line;

	attrset(A_REVERSE | (ui->colors ? COLOR_PAIR(PAIR_TITLE) : 0));
	move(0, 0);
	hline(' ', COLS);
	if (ui->heading != NULL)
		where = xstrdup(ui->heading);
	else {
		/* "Step 3: " stays; the path keeps its end in sight */
		char *step = xasprintf(_("Step %zu: "), ui->v.step), *path;
		size_t sw = text_width(step);

		path = xstrdup("");
		for (size_t i = 0; i < session_depth(ui->s); i++) {
			const char *h = view_node_heading(session_step(ui->s,
			    i)->node, lang);

			t = xasprintf("%s%s%s", path, i == 0 ? "" :
			    MB_CUR_MAX > 1 ? " \xe2\x80\xba " : " > ", h);
			free(path);
			path = t;
		}
		t = text_clean(path);
		line = layout_truncate_left(t, (size_t)width > sw ?
		    (size_t)width - sw : 1);
		where = xasprintf("%s%s", step, line);
		free(line);
		free(t);
		free(path);
		free(step);
	}
	t = text_clean(ui->v.tree_title);
	line = layout_truncate(t, (size_t)width - 1);
	mvaddstr(0, 1, line);
	free(line);
	free(t);
	attrset(A_BOLD);
	t = text_clean(where);
	move(1, 0);
	put(t, (size_t)width);
	free(t);
	free(where);
	attrset(A_NORMAL);
}

/* How many footer lines the hints need at this width (1 or 2). */
static int
footer_lines(const struct cui *ui, size_t width)
{
	size_t used = 0;

	for (size_t i = 0; i < ui->nhint; i++)
		used += text_width(ui->hint[i].key) +
		    text_width(ui->hint[i].what) + 3;
	return used <= width ? 1 : 2;
}

static void
paint_footer(struct cui *ui, int y, int nlines, size_t width)
{
	size_t x = 0;
	int line = 0;

	for (size_t i = 0; i < ui->nhint; i++) {
		const struct hint *h = &ui->hint[i];
		size_t w = text_width(h->key) + text_width(h->what) + 2;

		if (x > 0 && x + w > width) {
			if (++line >= nlines)
				break;
			x = 0;
		}
		move(y + line, (int)x);
		attrset(A_REVERSE);
		put(h->key, width - x);
		attrset(A_NORMAL);
		addch(' ');
		put(h->what, width > x + text_width(h->key) + 1 ?
		    width - x - text_width(h->key) - 1 : 0);
		x += w + 1;
	}
}

static void
paint(struct cui *ui, enum scr scr)
{
	int width = COLS, rule = LINES >= 16, nfoot, bottom, body_y, body_h;
	int cy = -1, cx = 0;
	size_t first = 0, last = 0;
	struct kw_body *b = &ui->body;

	erase();
	if (scr == SCR_SMALL) {
		for (size_t i = 0; i < b->n && (int)i < LINES; i++) {
			move((int)i, 0);
			attrset(style_attr(ui, b->row[i].style));
			put(b->row[i].s, (size_t)width);
		}
		attrset(A_NORMAL);
		move(0, 0);
		refresh();
		return;
	}
	paint_title(ui, width);
	nfoot = footer_lines(ui, (size_t)width - 1);
	bottom = LINES - nfoot - (ui->msg[0] != '\0');
	body_y = 2 + rule;
	body_h = bottom - body_y;
	if (rule)
		mvhline_set(2, 0, WACS_HLINE, width);

	if (ui->reveal && layout_item_rows(b, ITEM_CALLER, &first, &last)) {
		/* once: the caller's answer, with the focused answer or the
		 * input field when both fit */
		size_t ff = 0, fl = 0;
		int with = ui->focus_item >= 0 && layout_item_rows(b,
		    ui->focus_item, &ff, &fl);

		if (!with && ui->field_row >= 0) {
			ff = fl = (size_t)ui->field_row;
			with = 1;
		}
		if (with) {
			size_t lo = ff < first ? ff : first;
			size_t hi = fl > last ? fl : last;

			if (hi - lo < (size_t)body_h) {
				first = lo;
				last = hi;
			}
		}
		ui->top = layout_scroll(ui->top, b->n, (size_t)body_h,
		    first, last);
		ui->reveal = 0;
	}
	if (ui->focus_item >= 0 && layout_item_rows(b, ui->focus_item,
	    &first, &last)) {
		if (ui->follow)
			ui->top = layout_scroll(ui->top, b->n, (size_t)body_h,
			    first, last);
	} else if (ui->field_row >= 0 && ui->follow)
		ui->top = layout_scroll(ui->top, b->n, (size_t)body_h,
		    (size_t)ui->field_row, (size_t)ui->field_row);
	if (b->n <= (size_t)body_h)
		ui->top = 0;
	else if (ui->top > b->n - (size_t)body_h)
		ui->top = b->n - (size_t)body_h;

	for (int y = 0; y < body_h && ui->top + (size_t)y < b->n; y++) {
		const struct kw_row *r = &b->row[ui->top + (size_t)y];
		int focused = ui->focus_item >= 0 && r->item == ui->focus_item;

		attrset(style_attr(ui, r->style) | (focused ? A_REVERSE : 0));
		move(body_y + y, 0);
		put(r->s, (size_t)width - 1);
		if (focused && ui->top + (size_t)y == first) {
			/* the marker says it without colour */
			attrset(A_REVERSE | A_BOLD);
			mvaddch(body_y + y, 0, '>');
			if (cy < 0) {
				cy = body_y + y;
				cx = 0;
			}
		}
	}
	attrset(A_NORMAL);
	/* more above or below: an arrow in the last column */
	attrset(A_REVERSE);
	if (ui->top > 0)
		mvadd_wch(body_y, width - 1, WACS_UARROW);
	if (ui->top + (size_t)body_h < b->n)
		mvadd_wch(body_y + body_h - 1, width - 1, WACS_DARROW);
	attrset(A_NORMAL);
	if (ui->msg[0] != '\0') {
		attrset(style_attr(ui, ui->msg_style));
		move(bottom, 0);
		put(ui->msg, (size_t)width - 1);
		attrset(A_NORMAL);
	}
	paint_footer(ui, LINES - nfoot, nfoot, (size_t)width - 1);

	/* the cursor on the input field, else on the focused answer */
	if (ui->field_row >= 0 && (size_t)ui->field_row >= ui->top &&
	    (size_t)ui->field_row < ui->top + (size_t)body_h) {
		cy = body_y + (int)((size_t)ui->field_row - ui->top);
		cx = (int)(ui->field_col < (size_t)width ? ui->field_col :
		    (size_t)width - 1);
	}
	if (cy < 0) {
		cy = body_y;
		cx = 0;
	}
	move(cy, cx);
	refresh();
}

static void
draw(struct cui *ui)
{
	enum scr scr = current(ui);

	layout_free(&ui->body);
	layout_init(&ui->body, COLS > 1 ? (size_t)COLS - 1 : 1);
	ui->heading = NULL;
	ui->focus_item = -1;
	ui->field_row = -1;
	ui->field_col = 0;
	ui->nhint = 0;
	screens[scr].draw(ui);
	paint(ui, scr);
}

/* ---- input ---- */

/*
 * One key, as wget_wch() would give it, but decoding UTF-8 here: ncurses
 * drops the bytes that follow an invalid sequence (a Latin-1 terminal's
 * e-acute) until the input pauses. An invalid byte is dropped alone; the
 * rest of a sequence may come a little later (CONT_WAIT ms: a slow
 * link, or a test typing byte by byte).
 */
#define CONT_WAIT 300

static int
get_key(wint_t *wc)
{
	for (;;) {
		int c = wgetch(stdscr), need, delay;
		unsigned long v, min;
		int bad = 0;

		if (c == ERR)
			return ERR;
		if (c >= KEY_MIN || c > 0xff) {
			*wc = (wint_t)c;
			return KEY_CODE_YES;
		}
		if (c < 0x80) {
			*wc = (wint_t)c;
			return OK;
		}
		if ((c & 0xe0) == 0xc0) {
			need = 1; v = (unsigned long)c & 0x1f; min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			need = 2; v = (unsigned long)c & 0x0f; min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			need = 3; v = (unsigned long)c & 0x07; min = 0x10000;
		} else
			continue;	/* a stray continuation or bad lead */
		delay = wgetdelay(stdscr);
		wtimeout(stdscr, CONT_WAIT);
		while (need-- > 0) {
			int d = wgetch(stdscr);

			if (d == ERR || d >= KEY_MIN || (d & 0xc0) != 0x80) {
				if (d != ERR)
					ungetch(d);	/* it starts the next key */
				bad = 1;
				break;
			}
			v = (v << 6) | ((unsigned long)d & 0x3f);
		}
		wtimeout(stdscr, delay);
		if (bad || v < min || v > 0x10ffff ||
		    (v >= 0xd800 && v <= 0xdfff))
			continue;
		*wc = (wint_t)v;
		return OK;
	}
}

static int
queue_fill(struct cui *ui)
{
	wint_t wc;
	int r;

	/* read what has arrived already, without waiting */
	wtimeout(stdscr, 0);
	while (ui->qlen < QUEUE_MAX && (r = get_key(&wc)) != ERR) {
		struct qkey *k = &ui->queue[(ui->qhead + ui->qlen) % QUEUE_MAX];

		k->fn = r == KEY_CODE_YES;
		k->wc = wc;
		ui->qlen++;
	}
	wtimeout(stdscr, 1000);
	return (int)ui->qlen;
}

static struct qkey
queue_pop(struct cui *ui)
{
	struct qkey k = ui->queue[ui->qhead];

	ui->qhead = (ui->qhead + 1) % QUEUE_MAX;
	if (--ui->qlen == 0)
		ui->qhead = 0;
	return k;
}

static const struct qkey *
queue_peek(const struct cui *ui, size_t i)
{
	return &ui->queue[(ui->qhead + i) % QUEUE_MAX];
}

static int
printable(const struct qkey *k)
{
	return !k->fn && k->wc >= 0x20 && k->wc != 0x7f && iswprint(k->wc);
}

static void
add_wc(char *buf, size_t *n, size_t size, wint_t wc)
{
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	size_t k;

	memset(&ps, 0, sizeof ps);
	k = wcrtomb(mb, (wchar_t)wc, &ps);
	if (k == (size_t)-1 || *n + k >= size)
		return;
	memcpy(buf + *n, mb, k);
	*n += k;
	buf[*n] = '\0';
}

static enum action
lookup(enum scr scr, int code)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].code == code && (bindings[i].where & ON(scr)))
			return bindings[i].act;
	/* letters given as commands answer in either case */
	if (!screens[scr].text && code >= 'A' && code <= 'Z')
		return lookup(scr, code + ('a' - 'A'));
	return ACT_NONE;
}

/* The next thing the user did: 0 if nothing came within a second (or a
 * signal interrupted the wait). Printable characters that arrive together
 * (PASTE_MIN or more) or inside a bracketed paste are one paste. */
static int
read_input(struct cui *ui, enum scr scr, struct input *in)
{
	size_t n = 0, count = 0, take = 0;
	struct qkey k;
	wint_t wc;
	int r;

	memset(in, 0, sizeof *in);
	if (ui->qlen == 0) {
		r = get_key(&wc);
		if (r == ERR)
			return 0;
		ui->queue[ui->qhead].fn = r == KEY_CODE_YES;
		ui->queue[ui->qhead].wc = wc;
		ui->qlen = 1;
	}
	queue_fill(ui);

	k = *queue_peek(ui, 0);
	if (k.fn && k.wc == KEY_PASTE_BEGIN) {
		queue_pop(ui);
		in->text = xmalloc(PASTE_MAX);
		in->text[0] = '\0';
		for (;;) {
			if (ui->qlen == 0 && queue_fill(ui) == 0) {
				/* wait a little for the rest of the paste */
				r = get_key(&wc);
				if (r == ERR)
					break;
				ui->queue[ui->qhead].fn = r == KEY_CODE_YES;
				ui->queue[ui->qhead].wc = wc;
				ui->qlen = 1;
			}
			k = queue_pop(ui);
			if (k.fn && k.wc == KEY_PASTE_END)
				break;
			/* text and line ends; no controls, no escapes */
			if (printable(&k) || (!k.fn && (k.wc == '\r' ||
			    k.wc == '\n' || k.wc == '\t')))
				add_wc(in->text, &n, PASTE_MAX, k.wc == '\r' ?
				    '\n' : k.wc);
		}
		in->act = ACT_TEXT;
		in->paste = 1;
		return 1;
	}
	/* a run of printable characters (and line ends inside it) */
	while (take < ui->qlen) {
		const struct qkey *q = queue_peek(ui, take);

		if (printable(q))
			count++;
		else if (q->fn || (q->wc != '\n' && q->wc != '\r' &&
		    q->wc != '\t') || count == 0)
			break;
		take++;
	}
	if (count >= PASTE_MIN) {
		in->text = xmalloc(PASTE_MAX);
		in->text[0] = '\0';
		while (take-- > 0) {
			k = queue_pop(ui);
			add_wc(in->text, &n, PASTE_MAX, k.wc == '\r' ? '\n' :
			    k.wc);
		}
		in->act = ACT_TEXT;
		in->paste = 1;
		return 1;
	}
	k = queue_pop(ui);
	in->code = k.fn ? FN | (int)k.wc : (int)k.wc;
	in->act = lookup(scr, in->code);
	if (in->act == ACT_NONE && printable(&k)) {
		in->text = xmalloc(MB_LEN_MAX + 1);
		in->text[0] = '\0';
		add_wc(in->text, &n, MB_LEN_MAX + 1, k.wc);
		in->act = ACT_TEXT;
	}
	return 1;
}

/* ---- start, loop, end ---- */

static int
curses_start(struct cui *ui)
{
	const char *nc = getenv("NO_COLOR");
	struct termios tio;

	if (newterm(NULL, stdout, stdin) == NULL)
		return -1;
	curses_on = 1;
	fatal_set_hook(curses_end);
	cbreak();
	noecho();
	nonl();
	/* Ctrl-S and Ctrl-Q are keys, not flow control: a Ctrl-S out of
	 * habit would freeze the screen (endwin restores the modes) */
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_iflag &= ~(tcflag_t)IXON;
		if (tcsetattr(STDIN_FILENO, TCSANOW, &tio) == 0)
			def_prog_mode();
	}
	keypad(stdscr, TRUE);
	set_escdelay(25);
	leaveok(stdscr, FALSE);
	scrollok(stdscr, FALSE);
	wtimeout(stdscr, 1000);
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	/* Home and End as terminals send them whatever TERM says (tmux
	 * sends ESC [ 1 ~ to an xterm description that expects ESC O H) */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[H", KEY_HOME);
	define_key("\033OH", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[F", KEY_END);
	define_key("\033OF", KEY_END);
	if ((nc == NULL || *nc == '\0') && has_colors()) {
		start_color();
		use_default_colors();
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_MARK, COLOR_RED, -1);
		init_pair(PAIR_OK, COLOR_GREEN, -1);
		init_pair(PAIR_FIELD, COLOR_CYAN, -1);
		ui->colors = 1;
	}
	curs_set(1);
	fputs("\033[?2004h", stdout);	/* bracketed paste on */
	fflush(stdout);
	return 0;
}

int
ui_curses_run(struct kw_session *s, const struct kw_ui_opts *o)
{
	struct cui ui;
	struct input in;
	int status = KW_EXIT_NEGATIVE;

	memset(&ui, 0, sizeof ui);
	ui.s = s;
	ui.o = o;
	ui.overlay = SCR_COUNT;
	ui.under = SCR_COUNT;
	if (o->scenario != NULL)
		ui.overlay = SCR_CALLER;
	if (curses_start(&ui) < 0) {
		/* a terminal curses cannot drive: the line front end */
		struct kw_ui_opts po = *o;

		po.width = 80;
		return ui_plain_run(s, stdin, stdout, &po);
	}
	ui.queue = xcalloc(QUEUE_MAX, sizeof *ui.queue);
	for (;;) {
		enum scr scr;

		if (sig_caught) {
			status = 128 + sig_caught;
			break;
		}
		if (ui.leave)
			break;
		if ((session_finished(s) || ui.quit) && !ui.scoring) {
			if (o->scenario == NULL)
				break;
			/* practice: the score, before leaving curses */
			session_finish(s);
			ui.scoring = 1;
			ui.overlay = SCR_SCORE;
			ui.top = 0;
			ui.follow = 0;
		}
		view_build(&ui.v, s, o->training);
		if (ui.v.node != ui.seen ||
		    session_depth(s) != ui.seen_depth)
			node_enter(&ui);
		draw(&ui);
		scr = current(&ui);
		if (!read_input(&ui, scr, &in))
			continue;
		if (in.act != ACT_RESIZE && in.act != ACT_NONE)
			ui.msg[0] = '\0';
		screens[scr].key(&ui, &in);
		if (in.text != NULL) {
			explicit_bzero(in.text, strlen(in.text));
			free(in.text);
		}
	}
	curses_end();
	fatal_set_hook(NULL);
	if (status == KW_EXIT_NEGATIVE)
		status = interact_end(s, ui.quit);
	layout_key_wipe(&ui.key);
	layout_free(&ui.body);
	free(ui.pasted);
	if (ui.sindex != NULL)
		for (size_t i = 0; i < session_tree(s)->nnodes; i++)
			free(ui.sindex[i]);
	free(ui.sindex);
	interact_matching_free(&ui.matching);
	free(ui.queue);
	return status;
}
