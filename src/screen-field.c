/* SPDX-License-Identifier: MIT */
/* screen-field.c - the field screen: a free-text answer, checked as it is typed */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "i18n.h"
#include "interact.h"
#include "screen.h"

static void
draw_field(struct cui *ui)
{
	const struct kw_node *n = ui->v.node;
	struct kw_body *b = &ui->body;
	char msg[256];

	screen_body_current(ui);
	layout_blank(b);
	screen_body_input(ui, ui->field);
	if (ui->field[0] == '\0') {
		layout_add(b, 0, NULL, n->optional ? _("Type the answer, or "
		    "press Enter to leave it empty.") : _("Type the answer, "
		    "then press Enter."), KW_ST_DIM, -1);
		return;
	}
	if (facts_field_check(n, ui->field, msg, sizeof msg) < 0)
		layout_add(b, 0, "! ", msg, KW_ST_MARK, -1);
}

static enum key_result
key_field(struct cui *ui, const struct input *in)
{
	char msg[256];

	ui->follow = 1;
	switch (in->act) {
	case ACT_TEXT:
		screen_append(ui->field, sizeof ui->field, in->text);
		return KEY_HANDLED;
	case ACT_BACKSPACE:
		if (!screen_chop(ui->field))
			break;
		return KEY_HANDLED;
	case ACT_ENTER:
		if (interact_field(ui->s, ui->field, msg, sizeof msg) < 0) {
			screen_say(ui, KW_ST_MARK, "! %s", msg);
			return KEY_HANDLED;
		}
		explicit_bzero(ui->field, sizeof ui->field);
		return KEY_HANDLED;
	default:
		break;
	}
	return screen_key_common(ui, in);
}

/* A new node starts with an empty answer. */
static void
enter_field(struct cui *ui)
{
	explicit_bzero(ui->field, sizeof ui->field);
}

static const struct binding field_keys[] = {
	ENTER_KEYS(N_("continue")),
	KEY(NOKEY, ACT_TEXT, KH_TYPING),
	NODE_KEYS
};

const struct screen_ops field_screen = {
	draw_field, key_field, SCREEN_KEYS(field_keys), 1, enter_field
};
