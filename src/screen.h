/* SPDX-License-Identifier: MIT */
/* screen.h - the curses front end's screens, without curses: their state, keys and rows */
#ifndef KW_SCREEN_H
#define KW_SCREEN_H

#include <stddef.h>
#include <wchar.h>

#include "i18n.h"
#include "interact.h"
#include "keyfield.h"
#include "layout.h"
#include "session.h"
#include "ui.h"
#include "view.h"

/*
 * Each screen has a draw function (it fills the body rows from the view
 * and the screen's own state, and never changes the session), a key
 * function (it acts on the session or the screen's state, never draws,
 * and returns what to redraw) and a table of its keys, from which
 * screen.c finds a key's action and makes the footer and the help page.
 * The shell (ui_curses.c) asks for the frame (screen-frame.c), paints it,
 * waits for a key at most a second, decodes it and hands it over; nothing
 * here calls curses.
 */

#define MIN_COLS	40
#define MIN_LINES	12
#define TEXT_MAX	512	/* a filter, a search, a note */
#define HINT_MAX	16

/* A key that is not a character: FN | KW_K_*, as the shell decodes it. */
#define FN		(1 << 24)
#undef CTRL			/* <termios.h> may have one */
#define CTRL(c)		((c) & 0x1f)
enum {
	KW_K_NONE,		/* a function key no screen knows */
	KW_K_ENTER,
	KW_K_UP,
	KW_K_DOWN,
	KW_K_LEFT,
	KW_K_RIGHT,
	KW_K_PGUP,
	KW_K_PGDN,
	KW_K_BACKSPACE,
	KW_K_DELETE,
	KW_K_HOME,
	KW_K_END,
	KW_K_RESIZE,
	KW_K_F0 = 64		/* KW_K_F(n): function key n */
};
#define KW_K_F(n)	(KW_K_F0 + (n))

enum scr {
	SCR_KEY,
	SCR_CHOICE,
	SCR_QUESTION,
	SCR_STEP,
	SCR_WAIT,
	SCR_OUTCOME,
	SCR_FIELD,		/* a field node: a free-text answer */
	SCR_HELP,
	SCR_SEARCH,
	SCR_PEEK,
	SCR_NOTE,
	SCR_QUIT,
	SCR_RESTART,		/* Home: start again? */
	SCR_CALLER,		/* practice: the caller's card */
	SCR_SCORE,		/* practice: the score, before leaving */
	SCR_PICK,		/* --pick: the tree of the call, before it */
	SCR_SMALL,
	SCR_COUNT		/* as an overlay: none */
};

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
	ACT_WRITE,			/* the ticket summary to a file */
	ACT_PRINT,			/* ... printed when keywiz ends */
	ACT_YES,
	ACT_NO,
	ACT_TICK,
	ACT_ASK,			/* practice: ask the caller */
	ACT_CALLER,			/* practice: the caller's card again */
	ACT_REDRAW,
	ACT_RESIZE,
	ACT_TIMEOUT			/* no key for the wake_ms asked */
};

/* One thing the user did. */
struct input {
	enum action act;
	int code;		/* a character, or FN | KW_K_* */
	char *text;		/* ACT_TEXT: UTF-8, owned */
	int paste;		/* text arrived all at once */
};

/* A key waiting in the read-ahead queue. */
struct qkey {
	int fn;
	wint_t wc;
};

/* What a key handler did, for the shell (htop's HandlerResult): nothing,
 * or a change to draw, or a change that wants the whole terminal painted
 * again (Ctrl-L). */
enum key_result {
	KEY_IGNORED,
	KEY_HANDLED,
	KEY_REPAINT
};

/* When a binding's footer entry shows. */
enum when {
	W_ALWAYS,
	W_PRACTICE,		/* a practice call */
	W_UNDER_WAY,		/* past the first step */
	W_ITEMS,		/* the step has items to tick */
	W_SHOWN,		/* the key typed is shown */
	W_HIDDEN		/* the key typed is hidden */
};

/* The help page's entries, in its order: a name for some keys and what
 * they do. Each binding points at the entry it is listed under (tmux's
 * bind -N); the help page lists the entries some binding points at. */
enum keyhelp {
	KH_NONE,
	KH_ENTER, KH_MOVE, KH_DIGITS, KH_YESNO, KH_TICK, KH_TYPING, KH_MASK,
	KH_BACK, KH_RESTART, KH_SEARCH, KH_NOTE, KH_COPY, KH_WRITE, KH_PRINT,
	KH_SCROLL, KH_HELP,
	KH_QUIT, KH_ASK, KH_CALLER,
	KH_COUNT
};

/*
 * One key of a screen: the action it takes, where the help page lists it,
 * and, for the footer, a word for what it does there (shown when `when`
 * holds, under the key's name; an action is shown once). A screen's keys
 * are its own table, composed from the groups below as dialog composes
 * HELPKEY_BINDINGS; the first binding of a key wins. Keys that type (the
 * digits, letters on a screen that takes text) are NOKEY bindings: they
 * are never looked up, only shown, under `name`.
 */
struct binding {
	int code;		/* a character, FN | KW_K_*, or NOKEY */
	enum action act;
	enum keyhelp help;
	const char *hint;	/* N_(): the footer's word, or NULL */
	enum when when;
	const char *name;	/* N_(): a NOKEY binding's name ("1-9") */
};
#define NOKEY		(-1)

#define KEY(c, a, h)	{ .code = (c), .act = (a), .help = (h) }
#define HINT(c, a, h, word, w) \
	{ .code = (c), .act = (a), .help = (h), .hint = (word), .when = (w) }

/* The keys every screen has. Each function key has a control key beside
 * it, for the terminal emulators that keep F1 or F10 for themselves. */
#define BASE_KEYS \
	KEY('\r', ACT_ENTER, KH_ENTER), \
	KEY('\n', ACT_ENTER, KH_ENTER), \
	KEY(FN | KW_K_ENTER, ACT_ENTER, KH_ENTER), \
	KEY(FN | KW_K_UP, ACT_UP, KH_MOVE), \
	KEY(FN | KW_K_DOWN, ACT_DOWN, KH_MOVE), \
	KEY(0x1b, ACT_ESC, KH_BACK), \
	KEY(FN | KW_K_BACKSPACE, ACT_BACKSPACE, KH_BACK), \
	KEY(0x7f, ACT_BACKSPACE, KH_BACK), \
	KEY(CTRL('H'), ACT_BACKSPACE, KH_BACK), \
	KEY(FN | KW_K_LEFT, ACT_LEFT, KH_BACK), \
	KEY(FN | KW_K_RIGHT, ACT_RIGHT, KH_NONE), \
	KEY(FN | KW_K_DELETE, ACT_DELETE, KH_NONE), \
	KEY(FN | KW_K_END, ACT_END, KH_NONE), \
	KEY(FN | KW_K_HOME, ACT_RESTART, KH_RESTART), \
	KEY(FN | KW_K_PGUP, ACT_PGUP, KH_SCROLL), \
	KEY(FN | KW_K_PGDN, ACT_PGDN, KH_SCROLL), \
	KEY(FN | KW_K_F(1), ACT_HELP, KH_HELP), \
	KEY(CTRL('O'), ACT_HELP, KH_HELP), \
	KEY(CTRL('F'), ACT_SEARCH, KH_SEARCH), \
	KEY(FN | KW_K_F(10), ACT_QUIT, KH_QUIT), \
	KEY(CTRL('X'), ACT_QUIT, KH_QUIT), \
	KEY(CTRL('L'), ACT_REDRAW, KH_NONE), \
	KEY(FN | KW_K_RESIZE, ACT_RESIZE, KH_NONE)

/* Enter, with the footer's word for it on this screen. */
#define ENTER_KEYS(word) \
	HINT('\r', ACT_ENTER, KH_ENTER, word, W_ALWAYS)

/* The keys of the tree's node screens, in the order of their footer
 * after the screen's own; then the letters where letters are commands. */
#define NODE_KEYS \
	HINT(FN | KW_K_F(1), ACT_HELP, KH_HELP, N_("help"), W_ALWAYS), \
	HINT(FN | KW_K_F(10), ACT_QUIT, KH_QUIT, N_("quit"), W_ALWAYS), \
	HINT(FN | KW_K_F(3), ACT_ASK, KH_ASK, N_("ask caller"), W_PRACTICE), \
	HINT(FN | KW_K_F(4), ACT_CALLER, KH_CALLER, N_("caller card"), \
	    W_PRACTICE), \
	HINT(0x1b, ACT_ESC, KH_BACK, N_("back"), W_UNDER_WAY), \
	HINT(FN | KW_K_HOME, ACT_RESTART, KH_RESTART, N_("restart"), \
	    W_UNDER_WAY), \
	HINT(CTRL('F'), ACT_SEARCH, KH_SEARCH, N_("search"), W_ALWAYS), \
	KEY(CTRL('N'), ACT_NOTE, KH_NOTE), \
	KEY(CTRL('K'), ACT_ASK, KH_ASK), \
	KEY(CTRL('R'), ACT_CALLER, KH_CALLER), \
	BASE_KEYS
#define COMMAND_KEYS \
	KEY('?', ACT_HELP, KH_HELP), \
	KEY('/', ACT_SEARCH, KH_SEARCH), \
	KEY('q', ACT_QUIT, KH_QUIT)
#define NODE_COMMAND_KEYS \
	COMMAND_KEYS, \
	KEY('a', ACT_ASK, KH_ASK)

/* One entry of the footer: a key and what it does. */
struct hint {
	const char *key;
	const char *what;
	char name[16];		/* the key's name, when made up here */
};

/* Each screen's own state, started afresh (its `enter`) when a node is
 * entered. */
struct key_state {
	struct kw_keyfield field;	/* what was typed */
	int mask;		/* hide the characters (kept from node to
				 * node) */
};

struct choice_state {
	char filter[TEXT_MAX];	/* typed filter */
	size_t cur;		/* the cursor in it: a byte offset */
	char *pasted;		/* text pasted, for the record */
	char said[TEXT_MAX];	/* the last text typed or pasted here */
	const struct kw_node *took_paste; /* answered from a paste there */
	struct kw_number num;	/* a number being typed */
};

struct search_state {
	char query[TEXT_MAX];
	size_t focus;
	char **index;		/* folded text of each node, built once */
	const struct kw_node *peek;	/* the step shown for reading */
};

struct kw_pick;

struct cui {
	struct kw_session *s;	/* NULL on the pick screen */
	struct kw_pick *pick;	/* the pick screen's trees, or NULL */
	int picked;		/* the tree under the focus was chosen */
	const struct kw_ui_opts *o;
	struct kw_view v;
	enum scr overlay;	/* help, search...; SCR_COUNT: none */
	enum scr under;	/* the screen help was opened from */
	int quit;		/* the user quit */
	int scoring;		/* practice: the score screen is up */
	int leave;		/* practice: the score was read */
	int print_ticket;	/* print the ticket summary at the end */
	int colors;
	int lines, cols;	/* the terminal's size, set by the shell */

	/* the node the per-node state below belongs to */
	const struct kw_node *seen;
	size_t seen_depth;
	size_t focus;		/* choice, item or answer under the cursor */
	size_t top;		/* first body row shown */
	int follow;		/* keep the focus in sight when scrolling */
	char msg[512];		/* one line about the last action */
	enum kw_style msg_style;
	int asked;		/* practice: the caller was asked here */
	int wake_ms;		/* a screen waits for a key this long at
				 * most, then gets ACT_TIMEOUT (0: none) */
	enum scr wake_scr;	/* the screen that asked */
	int reveal;		/* bring the caller's answer into sight */

	struct key_state keyin;
	struct choice_state choice;
	struct search_state search;
	char note[TEXT_MAX];	/* the note being written */
	char field[TEXT_MAX];	/* a field node's answer being typed */

	/* what draw leaves for paint */
	struct kw_body body;
	const char *heading;	/* the title line's "where you are" part */
	int focus_item;		/* body item to keep in sight, or -1 */
	long field_row;		/* body row of an input field, or -1 */
	long sight_last;	/* keep the rows down to this one in sight
				 * with the focus or the field, when they
				 * fit (the key's verdict, a question's last
				 * answer), or -1 */
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

struct screen_ops {
	void (*draw)(struct cui *);
	enum key_result (*key)(struct cui *, const struct input *);
	const struct binding *keys;	/* the screen's key table */
	size_t nkeys;
	int text;		/* letters are typed, not commands */
	void (*enter)(struct cui *);	/* a node is entered (or NULL) */
};
#define SCREEN_KEYS(table)	(table), sizeof (table) / sizeof (table)[0]

/* one per screen, in screen-*.c */
extern const struct screen_ops key_screen, field_screen, choice_screen,
    question_screen,
    step_screen, wait_screen, outcome_screen, help_screen, search_screen,
    peek_screen, note_screen, quit_screen, restart_screen, caller_screen,
    score_screen, pick_screen, small_screen;
extern const struct screen_ops *const screens[SCR_COUNT];

/* The screen up now: the overlay, else the current node's (or "too
 * small"). */
enum scr screen_current(const struct cui *ui);
/* A new node (answered, back, restart): its screen starts afresh. */
void screen_node_enter(struct cui *ui);
/* The action of key `code` on screen `scr` (ACT_NONE: none). */
enum action screen_lookup(enum scr scr, int code);

/* ---- the loop, step by step (the shell's, and the tests') ---- */

/* A front end over session `s`: at the caller's card in practice, else
 * at the current node's screen. */
void screen_init(struct cui *ui, struct kw_session *s,
    const struct kw_ui_opts *o);
/* The pick screen over the trees of `p`, before any session: the run is
 * over when ui->picked (the tree at ui->focus) or ui->quit is set. */
void screen_init_pick(struct cui *ui, struct kw_pick *p,
    const struct kw_ui_opts *o);
/* Before each frame: 0 when the run is over (the session finished, the
 * user quit, the score was read); else the view is built for the current
 * node, whose screen starts afresh if it is new. In practice the score
 * comes up before the run is over. */
int screen_next(struct cui *ui);
/* Lay out the screen up now for a terminal of `lines` x `cols`: the body
 * rows, the heading and the footer hints that the shell paints. */
enum scr screen_draw(struct cui *ui, int lines, int cols);
/* Hand `in` to screen `scr` (the one drawn): the message of the last
 * action goes, unless `in` is a resize or nothing. Returns what the
 * screen's handler did. */
enum key_result screen_handle(struct cui *ui, enum scr scr,
    const struct input *in);
/* Free what the screens hold, wiping the key typed. */
void screen_free(struct cui *ui);

/* ---- the frame: the whole screen, for the shell to paint ---- */

enum {
	FRAME_TEXT,		/* s, at most `cols` columns */
	FRAME_FILL,		/* `cols` spaces */
	FRAME_RULE,		/* a horizontal line, `cols` long */
	FRAME_UP,		/* an arrow: more above */
	FRAME_DOWN		/* more below */
};
#define FRAME_STYLED	0x1u	/* in `style` */
#define FRAME_REVERSE	0x2u
#define FRAME_BOLD	0x4u
#define FRAME_TITLE	0x8u	/* the title bar's colours */

struct frame_span {
	int kind;
	int y, x;
	char *s;		/* FRAME_TEXT: clean UTF-8, owned */
	size_t cols;
	enum kw_style style;
	unsigned flags;
};

/* What the terminal shows: spans painted in order (a later one covers an
 * earlier one), and where the cursor rests. */
struct frame {
	int lines, cols;
	struct frame_span *span;
	size_t n, cap;
	int cy, cx;
};

/* Lay out screen `scr`, drawn by screen_draw(), as a frame of the size
 * screen_draw() was given (`utf8`: the terminal shows UTF-8, so the
 * path's separator is U+203A). Scrolls the body so that the focus, the
 * input field or the caller's answer is in sight. The frame is emptied
 * first; frame_free frees its spans. */
void screen_frame(struct cui *ui, enum scr scr, int utf8, struct frame *f);
void frame_free(struct frame *f);

/* ---- shared by the screens ---- */

/* The one-line message under the body. */
void screen_say(struct cui *ui, enum kw_style style, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The help page's entries some screen binds, in order: *keys is the
 * keys' name and *what what they do (both to translate); practice ones
 * only when `practice`. Returns 0 past the last. */
int screen_keyhelp(size_t i, int practice, const char **keys,
    const char **what);
/* Remove the last UTF-8 character of `s`: 0 if it was empty. */
int screen_chop(char *s);
/* Append text to a fixed buffer, newlines and tabs as spaces, never
 * cutting a character. */
void screen_append(char *buf, size_t size, const char *text);
/* Whether `in` is one digit typed (not pasted). */
int screen_digit_text(const struct input *in);
/* The node text every node screen starts with. */
void screen_body_node(struct cui *ui, const struct kw_node *n,
    const char *heading, const char *text, const char *why);
/* The current node's text, and in practice what the caller said. */
void screen_body_current(struct cui *ui);
/* The answers of a question or a wait, as a list: "y) Yes". */
void screen_body_choices(struct cui *ui);
/* A one-line text input, "> text", with the cursor after the text (a
 * note, a field's answer). */
void screen_body_input(struct cui *ui, const char *text);
/* Take choice `c` with `text` (interact_take), saying why when it is
 * refused (before a wait is over). */
void screen_take(struct cui *ui, const struct kw_view_choice *c,
    const char *text);
/* An outcome's fields. */
void screen_body_outcome(struct cui *ui, const struct kw_node *n);
void screen_focus_move(struct cui *ui, enum action act, size_t n);
/* Scroll the body by a page or a line; the focus stays where it is. */
void screen_scroll_body(struct cui *ui, enum action act);
void screen_ask_quit(struct cui *ui);
/* What every screen does with an action its own function left alone. */
enum key_result screen_key_common(struct cui *ui, const struct input *in);

#endif
