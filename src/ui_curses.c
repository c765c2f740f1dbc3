/* SPDX-License-Identifier: MIT */
/* ui_curses.c - the ncurses shell around the screens: start and end, paint, input decoding and paste detection */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <poll.h>
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
#include "screen.h"
#include "sig.h"
#include "text.h"
#include "ui.h"
#include "view.h"
#include "xalloc.h"

/*
 * The screens (screen*.c) fill rows of text and act on keys; this shell is
 * all that talks to the terminal: it paints what a screen left, and turns
 * what the terminal sends into keys (FN | KW_K_*) and pastes.
 */

#define PASTE_MIN	4	/* printable characters arriving together */
#define PASTE_MAX	(64 * 1024)
#define QUEUE_MAX	4096	/* keys read ahead to tell a paste */
#define KEY_PASTE_BEGIN	(KEY_MAX + 1)	/* bracketed paste: ESC [ 200 ~ */
#define KEY_PASTE_END	(KEY_MAX + 2)	/* ESC [ 201 ~ */

static int curses_on;
static int title_pushed;	/* the terminal's title was saved (CSI 22 t) */

/* Restore the terminal once: from the end of the loop, a signal, fatal(). */
static void
curses_end(void)
{
	if (!curses_on)
		return;
	curses_on = 0;
	if (title_pushed)
		fputs("\033[23;0t", stdout);	/* the title it had */
	title_pushed = 0;
	fputs("\033[?2004l", stdout);	/* bracketed paste off */
	fflush(stdout);
	endwin();
	sig_tty_forget();
}

/* What curses_end() sends to the terminal, captured once curses knows the
 * terminal (and again when the title was saved), so that a fatal signal
 * can send it from its handler: the title it had, bracketed paste off,
 * attributes and colours reset, the cursor shown at the bottom left, the
 * keypad back to normal, the shell's screen back. */
static void
capture_exit(void)
{
	static const char *const caps[] = { "sgr0", "op", "cnorm", "rmkx",
	    "rmcup" };
	char seq[SIG_TTY_EXIT_MAX] = "";
	const char *s = tigetstr("cup");

	if (title_pushed)
		strcat(seq, "\033[23;0t");
	strcat(seq, "\033[?2004l");
	if (s != NULL && s != (char *)-1 && (s = tiparm(s, LINES - 1, 0)) !=
	    NULL && strlen(seq) + strlen(s) < sizeof seq)
		strcat(seq, s);
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		s = tigetstr(caps[i]);
		if (s != NULL && s != (char *)-1 &&
		    strlen(seq) + strlen(s) < sizeof seq)
			strcat(seq, s);
	}
	sig_tty_exit(seq);
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

/* Write `s` at the cursor, at most `cols` columns: through text_clean(),
 * whatever the screen left in it (a message may quote a record). */
static void
curses_put(const char *s, size_t cols)
{
	char *clean = text_clean(s);
	size_t n = text_fit(clean, cols);

	if (n > 0)
		addnstr(clean, (int)n);
	free(clean);
}

static void
curses_paint(struct cui *ui, enum scr scr, struct frame *f)
{
	screen_frame(ui, scr, MB_CUR_MAX > 1, f);
	erase();
	for (size_t i = 0; i < f->n; i++) {
		const struct frame_span *sp = &f->span[i];
		attr_t a = sp->flags & FRAME_STYLED ?
		    style_attr(ui, sp->style) : A_NORMAL;

		if (sp->flags & FRAME_REVERSE)
			a |= A_REVERSE;
		if (sp->flags & FRAME_BOLD)
			a |= A_BOLD;
		if ((sp->flags & FRAME_TITLE) && ui->colors)
			a |= COLOR_PAIR(PAIR_TITLE);
		attrset(a);
		move(sp->y, sp->x);
		switch (sp->kind) {
		case FRAME_TEXT:
			curses_put(sp->s, sp->cols);
			break;
		case FRAME_FILL:
			hline(' ', (int)sp->cols);
			break;
		case FRAME_RULE:
			hline_set(WACS_HLINE, (int)sp->cols);
			break;
		case FRAME_UP:
			add_wch(WACS_UARROW);
			break;
		case FRAME_DOWN:
			add_wch(WACS_DARROW);
			break;
		}
	}
	attrset(A_NORMAL);
	move(f->cy, f->cx);
	refresh();
}

/* The wait is over: the terminal is told, with its bell and, where the
 * terminal has a title that can be saved and restored (xterm and its
 * kin, tmux, screen), in the title. */
static void
curses_wait_over(void)
{
	const char *term = getenv("TERM");
	static const char *const titled[] = { "xterm", "tmux", "screen",
	    "rxvt", "vte", "foot", "alacritty", "kitty" };

	beep();
	for (size_t i = 0; term != NULL && i < sizeof titled /
	    sizeof titled[0]; i++)
		if (strncmp(term, titled[i], strlen(titled[i])) == 0) {
			if (!title_pushed) {
				fputs("\033[22;0t", stdout);
				title_pushed = 1;
				capture_exit();
			}
			printf("\033]2;%s\a", _("keywiz: the wait is over"));
			fflush(stdout);
			return;
		}
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
	wtimeout(stdscr, ui->wake_ms > 0 ? ui->wake_ms : 1000);
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

/* Put key `wc` back in front of the queue. */
static void
queue_push_front(struct cui *ui, wint_t wc)
{
	if (ui->qlen >= QUEUE_MAX)
		return;
	ui->qhead = (ui->qhead + QUEUE_MAX - 1) % QUEUE_MAX;
	ui->qlen++;
	ui->queue[ui->qhead].fn = 0;
	ui->queue[ui->qhead].wc = wc;
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

/* One line and its line end, arriving at once (a paste with its newline,
 * a barcode scanner, a password manager's auto-type): the line, then
 * Enter, as if typed. `text` (of length n) loses its line end and an
 * Enter goes back in the queue. Text of several lines stays whole. */
static void
burst_enter(struct cui *ui, char *text, size_t n)
{
	size_t end = n;

	while (end > 0 && text[end - 1] == '\n')
		end--;
	if (end == n || end == 0 || memchr(text, '\n', end) != NULL)
		return;
	text[end] = '\0';
	queue_push_front(ui, '\r');
}

/* The screens' name for a function key. */
static int
fn_key(wint_t wc)
{
	static const struct {
		int curses, key;
	} map[] = {
		{ KEY_ENTER, KW_K_ENTER },
		{ KEY_UP, KW_K_UP },
		{ KEY_DOWN, KW_K_DOWN },
		{ KEY_LEFT, KW_K_LEFT },
		{ KEY_RIGHT, KW_K_RIGHT },
		{ KEY_PPAGE, KW_K_PGUP },
		{ KEY_NPAGE, KW_K_PGDN },
		{ KEY_BACKSPACE, KW_K_BACKSPACE },
		{ KEY_DC, KW_K_DELETE },
		{ KEY_HOME, KW_K_HOME },
		{ KEY_END, KW_K_END },
		{ KEY_RESIZE, KW_K_RESIZE }
	};

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if ((wint_t)map[i].curses == wc)
			return map[i].key;
	if (wc >= (wint_t)KEY_F(1) && wc <= (wint_t)KEY_F(12))
		return KW_K_F((int)(wc - (wint_t)KEY_F0));
	return KW_K_NONE;
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
		wtimeout(stdscr, ui->wake_ms > 0 ? ui->wake_ms : 1000);
		r = get_key(&wc);
		if (r == ERR && ui->wake_ms > 0 && !sig_caught) {
			in->act = ACT_TIMEOUT;	/* the moment asked for */
			return 1;
		}
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
		burst_enter(ui, in->text, n);
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
		burst_enter(ui, in->text, n);
		in->act = ACT_TEXT;
		in->paste = 1;
		return 1;
	}
	k = queue_pop(ui);
	in->code = k.fn ? FN | fn_key(k.wc) : (int)k.wc;
	in->act = screen_lookup(scr, in->code);
	if (in->act == ACT_NONE && printable(&k)) {
		in->text = xmalloc(MB_LEN_MAX + 1);
		in->text[0] = '\0';
		add_wc(in->text, &n, MB_LEN_MAX + 1, k.wc);
		in->act = ACT_TEXT;
	}
	return 1;
}

/* Reads that gave nothing though the terminal said input was ready. */
static int input_fails;

/*
 * Whether the terminal has gone without a SIGHUP (a pseudo-terminal whose
 * other end closed, when it is not our controlling terminal): reads fail
 * at once (EIO, or end of file) while poll() says input is ready or hung
 * up. A wait that merely timed out has nothing ready. Three in a row, so
 * that input arriving just as a wait ends is not taken for it.
 */
static int
term_gone(void)
{
	struct pollfd pfd;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	pfd.revents = 0;
	if (poll(&pfd, 1, 0) == 1 && (pfd.revents & (POLLIN | POLLHUP |
	    POLLERR | POLLNVAL)) != 0)
		input_fails++;
	else
		input_fails = 0;
	return input_fails >= 3;
}

/* ---- start, loop, end ---- */

static int
curses_start(struct cui *ui)
{
	const char *nc = getenv("NO_COLOR");
	struct termios tio;

	sig_tty_save(STDIN_FILENO, STDOUT_FILENO);
	if (newterm(NULL, stdout, stdin) == NULL) {
		sig_tty_forget();
		return -1;
	}
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
	capture_exit();
	fputs("\033[?2004h", stdout);	/* bracketed paste on */
	fflush(stdout);
	return 0;
}

/* Whether the screen just drawn is a new one, whose answer must be a key
 * pressed after it was drawn: a step of the call the session has not shown
 * before (interact_new_screen), or the pick's list when it first shows. */
static int
screen_is_new(const struct cui *ui, struct kw_shown *shown)
{
	if (ui->s != NULL)
		return interact_new_screen(shown, ui->s);
	if (shown->started)
		return 0;
	shown->started = 1;
	return 1;
}

/* The shell's loop: frames painted and keys handed to the screens until
 * screen_next() says the run is over. Returns 128+N for signal N, else
 * KW_EXIT_NEGATIVE (the caller says what the end means). */
static int
curses_loop(struct cui *ui)
{
	struct frame frame = { 0 };
	struct input in;
	struct kw_shown shown = { 0 };
	int rung = 0;
	long left;
	int status = KW_EXIT_NEGATIVE;

	ui->queue = xcalloc(QUEUE_MAX, sizeof *ui->queue);
	for (;;) {
		enum scr scr;

		if (sig_caught) {
			status = 128 + sig_caught;
			break;
		}
		if (!screen_next(ui))
			break;
		left = ui->s != NULL ? interact_wait_left(ui->s) : -1;
		if (left == 0 && !rung)
			curses_wait_over();
		rung = left == 0;
		scr = screen_draw(ui, LINES, COLS);
		if (screen_is_new(ui, &shown)) {
			/* what was typed before this screen could be seen
			 * does not answer it: dropped before the paint, so
			 * that a key typed once it shows is kept */
			ui->qlen = 0;
			ui->qhead = 0;
			flushinp();
		}
		curses_paint(ui, scr, &frame);
		if (!read_input(ui, scr, &in)) {
			if (term_gone())
				sig_hangup();	/* saves, ends as SIGHUP */
			continue;
		}
		input_fails = 0;
		ui->lines = LINES;
		ui->cols = COLS;
		if (screen_handle(ui, scr, &in) == KEY_REPAINT)
			clearok(curscr, TRUE);
		if (in.text != NULL) {
			explicit_bzero(in.text, strlen(in.text));
			free(in.text);
		}
	}
	curses_end();
	fatal_set_hook(NULL);
	free(ui->queue);
	ui->queue = NULL;
	frame_free(&frame);
	return status;
}

int
ui_curses_run(struct kw_session *s, const struct kw_ui_opts *o)
{
	struct cui ui;
	int status;

	screen_init(&ui, s, o);
	if (curses_start(&ui) < 0) {
		/* a terminal curses cannot drive: the line front end */
		struct kw_ui_opts po = *o;

		po.width = 80;
		return ui_plain_run(s, stdin, stdout, &po);
	}
	status = curses_loop(&ui);
	if (status == KW_EXIT_NEGATIVE)
		status = interact_end(s, ui.quit);
	if (ui.print_ticket && !sig_caught)
		record_markdown(s, stdout);	/* asked for with p */
	screen_free(&ui);
	return status;
}

int
ui_curses_pick(struct kw_pick *p, const struct kw_ui_opts *o,
    size_t *chosen)
{
	struct cui ui;
	int status;

	screen_init_pick(&ui, p, o);
	if (curses_start(&ui) < 0) {
		struct kw_ui_opts po = *o;

		po.width = 80;
		return ui_plain_pick(p, stdin, stdout, &po, chosen);
	}
	status = curses_loop(&ui);
	if (status == KW_EXIT_NEGATIVE && ui.picked) {
		*chosen = ui.focus;
		status = KW_EXIT_OK;
	}
	screen_free(&ui);
	return status;
}
