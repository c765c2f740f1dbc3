/* SPDX-License-Identifier: MIT */
/* screen-pick.c - the pick screen (--pick): the trees found, a filter typed over them, Enter runs one */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "pick.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

static void
draw_pick(struct cui *ui)
{
	struct kw_pick *p = ui->pick;
	struct kw_body *b = &ui->body;

	ui->heading = _("Choose the tree of the call");
	if (p->filter[0] != '\0') {
		char *line = xasprintf("%s%s", _("Filter: "), p->filter);

		ui->field_row = (long)b->n;
		ui->field_col = text_width(line);
		layout_add_line(b, line, KW_ST_FIELD, -1);
		free(line);
	} else
		layout_add(b, 0, NULL, _("Type to filter by name or title; "
		    "Enter runs the tree under the cursor."), KW_ST_DIM, -1);
	layout_blank(b);
	for (size_t i = 0; i < p->nshown; i++) {
		const struct kw_treeinfo *ti = pick_shown(p, i);

		if (ti->error != NULL) {
			char *e = xasprintf(_("cannot be read: %s"), ti->error);

			layout_add(b, 2, "- ", ti->name, KW_ST_NORMAL, (int)i);
			layout_add(b, 4, NULL, e, KW_ST_MARK, (int)i);
			free(e);
			continue;
		}
		layout_add(b, 2, "- ", ti->title, KW_ST_NORMAL, (int)i);
		layout_add(b, 4, NULL, ti->name, KW_ST_DIM, (int)i);
	}
	if (p->nshown == 0)
		layout_add(b, 0, "! ", _("No tree's name or title holds this "
		    "text; Backspace changes the filter, Esc clears it."),
		    KW_ST_MARK, -1);
	else
		ui->focus_item = (int)ui->focus;
}

/* After the filter changed: the focus on the first tree shown. */
static void
pick_refilter(struct cui *ui)
{
	pick_filter(ui->pick, ui->pick->filter);
	ui->focus = 0;
	ui->top = 0;
	ui->follow = 1;
}

static enum key_result
key_pick(struct cui *ui, const struct input *in)
{
	struct kw_pick *p = ui->pick;

	switch (in->act) {
	case ACT_TEXT:
		screen_append(p->filter, sizeof p->filter, in->text);
		pick_refilter(ui);
		return KEY_HANDLED;
	case ACT_BACKSPACE:
		if (!screen_chop(p->filter))
			return KEY_IGNORED;
		pick_refilter(ui);
		return KEY_HANDLED;
	case ACT_ESC:
		if (p->filter[0] == '\0')
			return KEY_IGNORED;
		p->filter[0] = '\0';
		pick_refilter(ui);
		return KEY_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		screen_focus_move(ui, in->act, p->nshown);
		return KEY_HANDLED;
	case ACT_PGUP:
	case ACT_PGDN:
		screen_scroll_body(ui, in->act);
		return KEY_HANDLED;
	case ACT_ENTER:
		if (ui->focus >= p->nshown)
			return KEY_IGNORED;
		ui->picked = 1;
		return KEY_HANDLED;
	case ACT_QUIT:
		ui->quit = 1;
		return KEY_HANDLED;
	case ACT_REDRAW:
		return KEY_REPAINT;
	case ACT_RESIZE:
		ui->follow = 1;
		return KEY_HANDLED;
	default:
		return KEY_IGNORED;
	}
}

static const struct binding pick_keys[] = {
	ENTER_KEYS(N_("run")),
	{ .code = NOKEY, .act = ACT_TEXT, .help = KH_NONE,
	    .hint = N_("filter"), .name = N_("typing") },
	HINT(0x1b, ACT_ESC, KH_NONE, N_("clear"), W_ALWAYS),
	HINT(FN | KW_K_F(10), ACT_QUIT, KH_QUIT, N_("quit"), W_ALWAYS),
	BASE_KEYS
};

const struct screen_ops pick_screen = {
	draw_pick, key_pick, SCREEN_KEYS(pick_keys), 1, NULL
};
