/* SPDX-License-Identifier: MIT */
/* screen-frame.c - where everything goes on the terminal: title, path, body scrolled to its focus, message, footer, cursor */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

#define MSG_ROWS	4	/* the message under the body, at most */

/*
 * The frame is the whole screen as spans of text at a row and a column,
 * each with its style; the shell paints the spans in order with curses,
 * the tests print them. Laying out the frame scrolls the body (ui->top)
 * so that the focus, the input field or the caller's answer is in sight.
 */

static void
span_add(struct frame *f, int kind, int y, int x, const char *s, size_t cols,
    enum kw_style style, unsigned flags)
{
	struct frame_span *sp;

	f->span = xgrow(f->span, &f->cap, f->n + 1, sizeof *f->span);
	sp = &f->span[f->n++];
	sp->kind = kind;
	sp->y = y;
	sp->x = x;
	sp->s = s != NULL ? xstrdup(s) : NULL;
	sp->cols = cols;
	sp->style = style;
	sp->flags = flags;
}

static void
text_at(struct frame *f, int y, int x, const char *s, size_t cols,
    enum kw_style style, unsigned flags)
{
	span_add(f, FRAME_TEXT, y, x, s, cols, style, flags);
}

void
frame_free(struct frame *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->span[i].s);
	free(f->span);
	f->span = NULL;
	f->n = f->cap = 0;
}

/* The title line: keywiz, the tree, and where you are on the path. */
static void
frame_title(struct cui *ui, struct frame *f, int width, int utf8)
{
	size_t lang = ui->v.lang;
	char *where, *t, *line;

	span_add(f, FRAME_FILL, 0, 0, NULL, (size_t)width, KW_ST_NORMAL,
	    FRAME_REVERSE | FRAME_TITLE);
	if (ui->heading != NULL)
		where = xstrdup(ui->heading);
	else {
		/* "Step 3: " stays; the path keeps its end in sight */
		char *step = xasprintf(_("Step %zu: "), ui->v.step), *path;
		size_t sw = text_width(step);

		path = xstrdup("");
		for (size_t i = 0, n = 0; i < session_depth(ui->s); i++) {
			const char *h = view_node_heading(session_step(ui->s,
			    i)->node, lang);

			/* the screens shown: no logic node, no preset */
			if (view_step_number(ui->s, i) == n)
				continue;
			n = view_step_number(ui->s, i);
			t = xasprintf("%s%s%s", path, i == 0 ? "" :
			    utf8 ? " \xe2\x80\xba " : " > ", h);
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
	text_at(f, 0, 1, line, (size_t)-1, KW_ST_NORMAL,
	    FRAME_REVERSE | FRAME_TITLE);
	free(line);
	free(t);
	t = text_clean(where);
	text_at(f, 1, 0, t, (size_t)width, KW_ST_NORMAL, FRAME_BOLD);
	free(t);
	free(where);
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
frame_footer(struct cui *ui, struct frame *f, int y, int nlines,
    size_t width)
{
	size_t x = 0;
	int line = 0;

	for (size_t i = 0; i < ui->nhint; i++) {
		const struct hint *h = &ui->hint[i];
		size_t kw = text_width(h->key);
		size_t w = kw + text_width(h->what) + 2;

		if (x > 0 && x + w > width) {
			if (++line >= nlines)
				break;
			x = 0;
		}
		text_at(f, y + line, (int)x, h->key, width - x, KW_ST_NORMAL,
		    FRAME_REVERSE);
		if (kw > width - x)
			kw = width - x;
		text_at(f, y + line, (int)(x + kw), " ", 1, KW_ST_NORMAL, 0);
		text_at(f, y + line, (int)(x + kw + 1), h->what,
		    width > x + kw + 1 ? width - x - kw - 1 : 0, KW_ST_NORMAL,
		    0);
		x += w + 1;
	}
}

/* The last row to keep in sight with rows first..last: the screen's
 * sight_last too when it fits. */
static size_t
sight(const struct cui *ui, size_t body_h, size_t first, size_t last)
{
	if (ui->sight_last >= 0 && (size_t)ui->sight_last > last &&
	    (size_t)ui->sight_last - first < body_h)
		return (size_t)ui->sight_last;
	return last;
}

/* The body's first row to show, with the caller's answer, the focus or
 * the input field in sight. */
static void
frame_scroll(struct cui *ui, size_t body_h, size_t *first, size_t *last)
{
	struct kw_body *b = &ui->body;

	*first = *last = 0;
	if (ui->reveal && layout_item_rows(b, ITEM_CALLER, first, last)) {
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
			size_t lo = ff < *first ? ff : *first;
			size_t hi = fl > *last ? fl : *last;

			if (hi - lo < body_h) {
				*first = lo;
				*last = hi;
			}
		}
		ui->top = layout_scroll(ui->top, b->n, body_h, *first, *last);
		ui->reveal = 0;
	}
	if (ui->focus_item >= 0 && layout_item_rows(b, ui->focus_item,
	    first, last)) {
		if (ui->follow)
			ui->top = layout_scroll(ui->top, b->n, body_h,
			    *first, sight(ui, body_h, *first, *last));
	} else if (ui->field_row >= 0 && ui->follow)
		ui->top = layout_scroll(ui->top, b->n, body_h,
		    (size_t)ui->field_row, sight(ui, body_h,
		    (size_t)ui->field_row, (size_t)ui->field_row));
	if (b->n <= body_h)
		ui->top = 0;
	else if (ui->top > b->n - body_h)
		ui->top = b->n - body_h;
}

void
screen_frame(struct cui *ui, enum scr scr, int utf8, struct frame *f)
{
	int width = ui->cols, lines = ui->lines, rule = lines >= 16;
	int nfoot, bottom, body_y, body_h, cy = -1, cx = 0, nmsg;
	size_t first = 0, last = 0;
	struct kw_body *b = &ui->body;
	struct kw_lines msg = { 0 };

	frame_free(f);
	f->lines = lines;
	f->cols = width;
	f->cy = f->cx = 0;
	if (scr == SCR_SMALL) {
		for (size_t i = 0; i < b->n && (int)i < lines; i++)
			text_at(f, (int)i, 0, b->row[i].s, (size_t)width,
			    b->row[i].style, FRAME_STYLED);
		return;
	}
	frame_title(ui, f, width, utf8);
	nfoot = footer_lines(ui, (size_t)width - 1);
	/* the message wraps to MSG_ROWS rows at most, so that a narrow
	 * terminal still reads it whole */
	text_wrap(ui->msg, (size_t)width - 1, &msg);
	nmsg = ui->msg[0] == '\0' ? 0 : msg.n < MSG_ROWS ? (int)msg.n :
	    MSG_ROWS;
	bottom = lines - nfoot - nmsg;
	body_y = 2 + rule;
	body_h = bottom - body_y;
	if (rule)
		span_add(f, FRAME_RULE, 2, 0, NULL, (size_t)width,
		    KW_ST_NORMAL, 0);
	frame_scroll(ui, (size_t)body_h, &first, &last);

	for (int y = 0; y < body_h && ui->top + (size_t)y < b->n; y++) {
		const struct kw_row *r = &b->row[ui->top + (size_t)y];
		int focused = ui->focus_item >= 0 && r->item == ui->focus_item;

		text_at(f, body_y + y, 0, r->s, (size_t)width - 1, r->style,
		    FRAME_STYLED | (focused ? FRAME_REVERSE : 0));
		if (focused && ui->top + (size_t)y == first) {
			/* the marker says it without colour */
			text_at(f, body_y + y, 0, ">", 1, KW_ST_NORMAL,
			    FRAME_REVERSE | FRAME_BOLD);
			if (cy < 0) {
				cy = body_y + y;
				cx = 0;
			}
		}
	}
	/* more above or below: an arrow in the last column */
	if (ui->top > 0)
		span_add(f, FRAME_UP, body_y, width - 1, NULL, 1,
		    KW_ST_NORMAL, FRAME_REVERSE);
	if (ui->top + (size_t)body_h < b->n)
		span_add(f, FRAME_DOWN, body_y + body_h - 1, width - 1, NULL,
		    1, KW_ST_NORMAL, FRAME_REVERSE);
	for (int i = 0; i < nmsg; i++) {
		char *row = xasprintf("%.*s", (int)msg.len[i], msg.line[i]);

		text_at(f, bottom + i, 0, row, (size_t)width - 1,
		    ui->msg_style, FRAME_STYLED);
		free(row);
	}
	text_lines_free(&msg);
	frame_footer(ui, f, lines - nfoot, nfoot, (size_t)width - 1);

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
	f->cy = cy;
	f->cx = cx;
}
