/* SPDX-License-Identifier: MIT */
/* test_screens.c - the curses front end's screens without a terminal: input in, frames and the session out; golden screens */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "screen.h"
#include "text.h"
#include "testutil.h"
#include "xalloc.h"

/*
 * A drive is the shell's loop (ui_curses_run) with the terminal taken
 * out: each input is handed to the screen that was drawn for it, as the
 * shell does, and a frame is laid out for every screen shown, so that
 * the scrolling that paint does happens here too. Keys go through the
 * key table (screen_lookup) as the shell's decoding sends them.
 */
struct drive {
	struct kw_session *s;
	struct kw_ui_opts o;
	struct cui ui;
	struct frame f;
	int lines, cols;
	int over;		/* screen_next said the run is over */
};

static void
drive_start(struct drive *d, const char *lang, int lines, int cols)
{
	const struct kw_tree *t = tu_bundled();
	int li = tree_lang(t, lang);

	i18n_init(lang);
	memset(d, 0, sizeof *d);
	d->s = session_new(t, li >= 0 ? (size_t)li : 0, tu_fake_clock);
	d->lines = lines;
	d->cols = cols;
	screen_init(&d->ui, d->s, &d->o);
}

/* A practice call, at the caller's card of the tree's first scenario. */
static void
drive_practice(struct drive *d, const char *lang, int lines, int cols)
{
	drive_start(d, lang, lines, cols);
	d->o.scenario = &tu_bundled()->scenarios[0];
	screen_init(&d->ui, d->s, &d->o);
}

static void
drive_free(struct drive *d)
{
	frame_free(&d->f);
	screen_free(&d->ui);
	session_free(d->s);
}

/* One turn of the loop up to the paint: the screen now up. */
static enum scr
drive_frame(struct drive *d)
{
	enum scr scr;

	if (!screen_next(&d->ui)) {
		d->over = 1;
		return SCR_COUNT;
	}
	scr = screen_draw(&d->ui, d->lines, d->cols);
	screen_frame(&d->ui, scr, 1, &d->f);
	return scr;
}

/* `in` to screen `scr`, the one drawn (text is copied): what the screen
 * did. */
static enum key_result
drive_handle(struct drive *d, enum scr scr, struct input in)
{
	enum key_result r;

	if (in.text != NULL)
		in.text = xstrdup(in.text);
	d->ui.lines = d->lines;
	d->ui.cols = d->cols;
	r = screen_handle(&d->ui, scr, &in);
	free(in.text);
	return r;
}

/* The screen up now, drawn; the run must not be over. */
static enum scr
drive_screen(struct drive *d)
{
	enum scr scr = drive_frame(d);

	cr_assert_neq(scr, SCR_COUNT, "the run is over");
	return scr;
}

/* A key as the shell decodes it (a character or FN | KW_K_*), to the
 * screen drawn. */
static enum key_result
drive_key(struct drive *d, int code)
{
	enum scr scr = drive_screen(d);
	struct input in = { .code = code };
	char text[2] = { (char)code, '\0' };

	in.act = screen_lookup(scr, code);
	if (in.act == ACT_NONE && code >= 0x20 && code < 0x7f) {
		in.act = ACT_TEXT;
		in.text = text;
	}
	return drive_handle(d, scr, in);
}

/* ASCII typed one key at a time. */
static void
drive_type(struct drive *d, const char *s)
{
	for (; *s != '\0'; s++)
		drive_key(d, (unsigned char)*s);
}

static void
drive_paste(struct drive *d, const char *text)
{
	struct input in = { .act = ACT_TEXT, .text = (char *)text,
	    .paste = 1 };

	drive_handle(d, drive_screen(d), in);
}

static void
drive_resize(struct drive *d, int lines, int cols)
{
	d->lines = lines;
	d->cols = cols;
	drive_key(d, FN | KW_K_RESIZE);
}

/* ---- the frame as text, as a terminal would show it ---- */

#define CELL	8

/* Write `s` (at most `cols` columns) into row y from column x. */
static void
cells_put(char *row, int width, int x, const char *s, size_t cols)
{
	size_t n = text_fit(s, cols);

	for (size_t i = 0; i < n && x < width; ) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		char ch[CELL] = "";
		size_t w;

		memcpy(ch, s + i, k);
		w = text_width(ch);
		if (w == 0 && x > 0) {
			/* a combining mark joins the cell before */
			size_t used = strlen(row + (size_t)(x - 1) * CELL);

			if (used + k < CELL)
				memcpy(row + (size_t)(x - 1) * CELL + used, ch,
				    k + 1);
		} else {
			memcpy(row + (size_t)x * CELL, ch, k + 1);
			if (w == 2 && x + 1 < width)
				row[(size_t)(x + 1) * CELL] = '\0';
			x += (int)(w == 2 ? 2 : 1);
		}
		i += k;
	}
}

/* The screen: one line per terminal row, trailing blanks dropped.
 * Caller frees. */
static char *
frame_text(const struct frame *f)
{
	size_t rowsize = (size_t)f->cols * CELL;
	char *grid = xcalloc((size_t)f->lines, rowsize), *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);

	cr_assert_not_null(fp);
	for (int y = 0; y < f->lines; y++)
		for (int x = 0; x < f->cols; x++)
			strcpy(grid + (size_t)y * rowsize + (size_t)x * CELL,
			    " ");
	for (size_t i = 0; i < f->n; i++) {
		const struct frame_span *sp = &f->span[i];
		char *row = grid + (size_t)sp->y * rowsize;

		if (sp->y < 0 || sp->y >= f->lines)
			continue;
		for (size_t c = 0; c < sp->cols && sp->kind != FRAME_TEXT &&
		    sp->x + (int)c < f->cols; c++)
			strcpy(row + (size_t)(sp->x + (int)c) * CELL,
			    sp->kind == FRAME_FILL ? " " :
			    sp->kind == FRAME_RULE ? "\xe2\x94\x80" :
			    sp->kind == FRAME_UP ? "\xe2\x86\x91" :
			    "\xe2\x86\x93");
		if (sp->kind == FRAME_TEXT)
			cells_put(row, f->cols, sp->x, sp->s, sp->cols);
	}
	for (int y = 0; y < f->lines; y++) {
		char line[4096];
		size_t n = 0;

		for (int x = 0; x < f->cols; x++) {
			const char *c = grid + (size_t)y * rowsize +
			    (size_t)x * CELL;

			if (n + strlen(c) < sizeof line)
				n += (size_t)sprintf(line + n, "%s", c);
		}
		while (n > 0 && line[n - 1] == ' ')
			n--;
		line[n] = '\0';
		fprintf(fp, "%s\n", line);
	}
	fclose(fp);
	free(grid);
	return out;
}

/* What the terminal shows now. Caller frees. */
static char *
drive_show(struct drive *d)
{
	drive_screen(d);
	return frame_text(&d->f);
}

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

/* The text the last answer was given with (a filter, a paste). */
static const char *
answer_text(const struct drive *d)
{
	for (size_t i = session_nevents(d->s); i-- > 0; )
		if (session_event(d->s, i)->type == KW_EV_ANSWER)
			return session_event(d->s, i)->text != NULL ?
			    session_event(d->s, i)->text : "(none)";
	return "(no answer)";
}

static const char *
node_id(const struct drive *d)
{
	return session_node(d->s)->id;
}

#define VALID_KEY	"BCDFGHJKMPQRTVWXY2346789B"

/* From the key screen to the error list, with a valid key pasted. */
static void
to_error_list(struct drive *d)
{
	drive_paste(d, VALID_KEY);
	drive_key(d, '\r');
	cr_assert_str_eq(node_id(d), "which-error");
}

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
	cr_assert_str_eq(node_id(&d), "which-error");
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
	to_error_list(&d);
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
	cr_assert_str_eq(node_id(&d), "which-error");
	drive_free(&d);
}

Test(screens, filtered_enter_takes_the_focused_answer_with_the_filter)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	to_error_list(&d);
	drive_type(&d, "billing admin");
	drive_key(&d, '\r');
	cr_assert_eq(session_depth(d.s), 3);
	cr_assert_str_eq(session_step(d.s, 1)->node->id, "which-error");
	cr_assert_str_eq(session_step(d.s, 1)->node->opts[session_step(d.s,
	    1)->opt].id, "not-admin");
	cr_assert_str_eq(answer_text(&d), "billing admin");
	drive_free(&d);
}

Test(screens, a_digit_takes_its_answer_at_once)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	to_error_list(&d);
	drive_key(&d, '9');
	cr_assert_eq(session_depth(d.s), 3);
	cr_assert_str_eq(session_step(d.s, 1)->node->opts[session_step(d.s,
	    1)->opt].id, "not-admin");
	assert_shows(&d, "Check your admin role");
	drive_free(&d);
}

Test(screens, a_digit_that_could_start_a_number_waits_for_the_next)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	to_error_list(&d);
	drive_key(&d, '1');	/* 1 or 10 */
	cr_assert_eq(session_depth(d.s), 2);
	cr_assert_eq(d.ui.focus, 0);
	drive_key(&d, '0');
	cr_assert_eq(session_depth(d.s), 3);
	cr_assert_str_eq(session_step(d.s, 1)->node->opts[session_step(d.s,
	    1)->opt].id, "other");
	drive_free(&d);
}

Test(screens, a_pasted_message_selects_its_answer_and_enter_takes_it)
{
	struct drive d;
	const char *msg = "Sorry, this is an invalid product key. Try "
	    "entering it again. If your product key is for Microsoft 365 "
	    "Personal or Microsoft 365 Family, redeem it at office.com/setup.";

	drive_start(&d, "en", 24, 80);
	to_error_list(&d);
	drive_key(&d, FN | KW_K_DOWN);
	drive_key(&d, FN | KW_K_DOWN);
	cr_assert_eq(d.ui.focus, 2);
	drive_paste(&d, msg);
	cr_assert_eq(d.ui.focus, 0);
	assert_shows(&d, "The pasted text matches 1). Enter takes it.");
	cr_assert_eq(session_depth(d.s), 2, "a paste only selects");
	drive_key(&d, '\r');
	cr_assert_eq(session_depth(d.s), 3);
	cr_assert_str_eq(session_step(d.s, 1)->node->opts[session_step(d.s,
	    1)->opt].id, "invalid-key-consumer");
	cr_assert_str_eq(answer_text(&d), msg);
	drive_free(&d);
}

Test(screens, a_paste_that_matches_nothing_says_so)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	to_error_list(&d);
	drive_paste(&d, "the printer is on fire and the toner smells");
	assert_shows(&d, "! No message matches the pasted text");
	cr_assert_eq(session_depth(d.s), 2);
	drive_free(&d);
}

/* ---- search ---- */

Test(screens, search_jumps_back_to_a_step_of_the_path)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	to_error_list(&d);
	drive_key(&d, '9');
	cr_assert_eq(session_depth(d.s), 3);
	drive_key(&d, '/');
	cr_assert_eq(drive_screen(&d), SCR_SEARCH);
	drive_type(&d, "redeem the key");
	assert_shows(&d, "Search: redeem the key");
	assert_shows(&d, "> [step 2] The error message");
	drive_key(&d, '\r');
	cr_assert_eq(drive_screen(&d), SCR_CHOICE);
	cr_assert_eq(session_depth(d.s), 2);
	cr_assert_str_eq(node_id(&d), "which-error");
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
	to_error_list(&d);
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
	to_error_list(&d);
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
	to_error_list(&d);
	drive_key(&d, '9');
	drive_resize(&d, 12, 40);
	assert_shows(&d, "Step 3: ");
	assert_shows(&d, "> [ ] 1. Sign in at");
	assert_shows(&d, "Space tick  Enter continue");
	drive_resize(&d, 10, 30);
	cr_assert_eq(drive_screen(&d), SCR_SMALL);
	assert_shows(&d, "! Terminal too small: keywiz");
	drive_key(&d, '\r');	/* nothing happens under "too small" */
	cr_assert_eq(session_depth(d.s), 3);
	drive_resize(&d, 12, 40);
	assert_shows(&d, "> [ ] 1. Sign in at");
	drive_key(&d, ' ');
	cr_assert_eq(session_step(d.s, 2)->checked, 1);
	assert_shows(&d, "> [x] 1. Sign in at");
	drive_free(&d);
}

/* ---- what a key handler returns ---- */

Test(screens, handlers_say_what_to_redraw)
{
	struct drive d;

	drive_start(&d, "en", 24, 80);
	cr_assert_eq(drive_key(&d, CTRL('L')), KEY_REPAINT);
	cr_assert_eq(drive_key(&d, 'b'), KEY_HANDLED);
	cr_assert_eq(drive_key(&d, FN | KW_K_F(7)), KEY_IGNORED);
	to_error_list(&d);
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
	to_error_list(&d);
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
	to_error_list(&d);
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

/* ---- golden screens ---- */

/*
 * Each golden file under tests/golden/ is one screen exactly as the
 * terminal shows it (trailing blanks dropped). To make them again after a
 * change that is meant to alter a screen:
 *   KW_GOLDEN_UPDATE=1 make check TESTS=tests/test_screens
 * then read `git diff tests/golden/` before committing.
 */
enum golden_at {
	AT_KEY, AT_ERRORS, AT_STEP, AT_HELP, AT_OUTCOME, AT_QUIT, AT_SEARCH,
	AT_PEEK, AT_NOTE, AT_CALLER, AT_PRACTICE_HELP, AT_PRACTICE_ASKED,
	AT_SCORE
};

static const struct golden {
	const char *file;
	const char *lang;
	int lines, cols;
	enum golden_at at;
} goldens[] = {
	{ "key-80x24-en", "en", 24, 80, AT_KEY },
	{ "key-80x24-fr", "fr", 24, 80, AT_KEY },
	{ "errors-80x24-en", "en", 24, 80, AT_ERRORS },
	{ "errors-40x12-en", "en", 12, 40, AT_ERRORS },
	{ "errors-40x12-fr", "fr", 12, 40, AT_ERRORS },
	{ "step-40x12-fr", "fr", 12, 40, AT_STEP },
	{ "help-80x24-en", "en", 24, 80, AT_HELP },
	{ "help-40x12-fr", "fr", 12, 40, AT_HELP },
	{ "outcome-80x24-fr", "fr", 24, 80, AT_OUTCOME },
	{ "quit-80x24-fr", "fr", 24, 80, AT_QUIT },
	{ "search-40x12-en", "en", 12, 40, AT_SEARCH },
	{ "peek-80x24-en", "en", 24, 80, AT_PEEK },
	{ "note-40x12-fr", "fr", 12, 40, AT_NOTE },
	{ "caller-80x24-en", "en", 24, 80, AT_CALLER },
	{ "practice-help-end-80x24-fr", "fr", 24, 80, AT_PRACTICE_HELP },
	{ "practice-asked-80x24-en", "en", 24, 80, AT_PRACTICE_ASKED },
	{ "score-80x24-en", "en", 24, 80, AT_SCORE }
};

/* A line-by-line diff of two screens (they have as many lines). */
static char *
screen_diff(const char *want, const char *got)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	int y = 1;

	cr_assert_not_null(fp);
	while (*want != '\0' || *got != '\0') {
		size_t wn = strcspn(want, "\n"), gn = strcspn(got, "\n");

		if (wn != gn || strncmp(want, got, wn) != 0)
			fprintf(fp, "line %d:\n-%.*s\n+%.*s\n", y, (int)wn,
			    want, (int)gn, got);
		want += wn + (want[wn] == '\n');
		got += gn + (got[gn] == '\n');
		y++;
	}
	fclose(fp);
	return out;
}

TU_TABLE_TEST(screens, golden, sizeof goldens / sizeof goldens[0],
    .timeout = 30)
{
	const struct golden *g = &goldens[*ip];
	struct drive d;
	char path[1024], *got, *want;

	if (g->at >= AT_CALLER)
		drive_practice(&d, g->lang, g->lines, g->cols);
	else
		drive_start(&d, g->lang, g->lines, g->cols);
	switch (g->at) {
	case AT_KEY:
		drive_type(&d, "bcdfg-hjkmp-qrtvw-xy2");
		break;
	case AT_ERRORS:
		to_error_list(&d);
		drive_key(&d, FN | KW_K_DOWN);
		break;
	case AT_STEP:
		to_error_list(&d);
		drive_key(&d, '9');
		drive_key(&d, FN | KW_K_DOWN);
		drive_key(&d, ' ');
		break;
	case AT_HELP:
		to_error_list(&d);
		drive_key(&d, FN | KW_K_F(1));
		break;
	case AT_OUTCOME:
		to_error_list(&d);
		drive_key(&d, '9');
		drive_key(&d, '\r');
		drive_key(&d, 'n');
		break;
	case AT_QUIT:
		to_error_list(&d);
		drive_key(&d, FN | KW_K_F(10));
		break;
	case AT_SEARCH:
		drive_key(&d, CTRL('F'));
		drive_type(&d, "admin");
		break;
	case AT_PEEK:
		drive_key(&d, CTRL('F'));
		drive_type(&d, "admin role");
		drive_key(&d, '\r');
		break;
	case AT_NOTE:
		to_error_list(&d);
		drive_key(&d, '9');
		drive_key(&d, '\r');
		drive_key(&d, 'n');
		drive_key(&d, 'n');
		drive_type(&d, "called back");
		break;
	case AT_CALLER:
		break;
	case AT_PRACTICE_HELP:	/* its end, with the practice keys */
		drive_key(&d, '\r');
		drive_key(&d, FN | KW_K_F(1));
		drive_key(&d, FN | KW_K_PGDN);
		drive_key(&d, FN | KW_K_PGDN);
		break;
	case AT_PRACTICE_ASKED:
		drive_key(&d, '\r');
		drive_key(&d, FN | KW_K_F(3));
		break;
	case AT_SCORE:
		drive_key(&d, '\r');
		drive_key(&d, FN | KW_K_F(10));
		break;
	}
	got = drive_show(&d);
	snprintf(path, sizeof path, "%s/tests/golden/%s", KW_SRCDIR, g->file);
	if (getenv("KW_GOLDEN_UPDATE") != NULL) {
		FILE *fp = fopen(path, "w");

		cr_assert_not_null(fp, "cannot write %s", path);
		fputs(got, fp);
		cr_assert_eq(fclose(fp), 0);
	}
	want = tu_slurp(path, NULL);
	if (strcmp(want, got) != 0) {
		char *diff = screen_diff(want, got);

		cr_expect_fail("%s differs from the screen (- golden, + "
		    "now); KW_GOLDEN_UPDATE=1 writes it again:\n%s", g->file,
		    diff);
		free(diff);
	}
	free(want);
	free(got);
	drive_free(&d);
}
