/* SPDX-License-Identifier: MIT */
/* screenutil.c - driving the curses front end's screens without a terminal, and printing what they show */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "screenutil.h"
#include "text.h"
#include "testutil.h"
#include "xalloc.h"


void
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
void
drive_practice(struct drive *d, const char *lang, int lines, int cols)
{
	drive_start(d, lang, lines, cols);
	d->o.scenario = &tu_bundled()->scenarios[0];
	screen_init(&d->ui, d->s, &d->o);
}

void
drive_pick(struct drive *d, const char *lang, int lines, int cols)
{
	char path[4096];
	size_t n = 0;

	i18n_init(lang);
	memset(d, 0, sizeof *d);
	snprintf(path, sizeof path, "%s/wizard", KW_SRCDIR);
	setenv("KEYWIZ_PATH", path, 1);
	snprintf(path, sizeof path, "%s/tests/fixtures/team/user", KW_SRCDIR);
	setenv("XDG_DATA_HOME", path, 1);
	snprintf(path, sizeof path, "%s/tests/fixtures/team/sys1:%s/tests/"
	    "fixtures/team/sys2", KW_SRCDIR, KW_SRCDIR);
	setenv("XDG_DATA_DIRS", path, 1);
	pick_init(&d->pick, lang);
	for (size_t i = 0; i < d->pick.nall; i++) {
		const char *p = d->pick.list.v[d->pick.all[i]].path;

		if (strncmp(p, KW_SRCDIR "/", strlen(KW_SRCDIR) + 1) != 0) {
			free(d->pick.folded[i]);
			continue;
		}
		d->pick.all[n] = d->pick.all[i];
		d->pick.folded[n++] = d->pick.folded[i];
	}
	d->pick.nall = n;
	pick_filter(&d->pick, "");
	d->lines = lines;
	d->cols = cols;
	screen_init_pick(&d->ui, &d->pick, &d->o);
}

void
drive_free(struct drive *d)
{
	frame_free(&d->f);
	screen_free(&d->ui);
	session_free(d->s);
	pick_free(&d->pick);
}

/* One turn of the loop up to the paint: the screen now up. */
enum scr
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
enum key_result
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
enum scr
drive_screen(struct drive *d)
{
	enum scr scr = drive_frame(d);

	cr_assert_neq(scr, SCR_COUNT, "the run is over");
	return scr;
}

/* A key as the shell decodes it (a character or FN | KW_K_*), to the
 * screen drawn. */
enum key_result
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
void
drive_type(struct drive *d, const char *s)
{
	for (; *s != '\0'; s++)
		drive_key(d, (unsigned char)*s);
}

void
drive_paste(struct drive *d, const char *text)
{
	struct input in = { .act = ACT_TEXT, .text = (char *)text,
	    .paste = 1 };

	drive_handle(d, drive_screen(d), in);
}

void
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
char *
drive_show(struct drive *d)
{
	drive_screen(d);
	return frame_text(&d->f);
}

/* The text the last answer was given with (a filter, a paste). */
const char *
drive_answer(const struct drive *d)
{
	for (size_t i = session_nevents(d->s); i-- > 0; )
		if (session_event(d->s, i)->type == KW_EV_ANSWER)
			return session_event(d->s, i)->text != NULL ?
			    session_event(d->s, i)->text : "(none)";
	return "(no answer)";
}

const char *
drive_node(const struct drive *d)
{
	return session_node(d->s)->id;
}

/* From the key screen to the error list, with a valid key pasted. */
void
drive_to_errors(struct drive *d)
{
	drive_paste(d, "BCDFGHJKMPQRTVWXY2346789B");
	drive_key(d, '\r');
	cr_assert_str_eq(drive_node(d), "which-error");
}
