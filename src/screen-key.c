/* SPDX-License-Identifier: MIT */
/* screen-key.c - the product-key screen: the field, its marks, the analysis as it is typed */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "interact.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

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

	screen_body_current(ui);
	layout_blank(b);
	width = keyfield_show(&ui->keyin.field, fmt->groups,
	    fmt->group_length, ui->keyin.mask, shown, sizeof shown, col);
	leadw = text_width(lead);
	line = xasprintf("%s%s", lead, shown);
	ui->field_row = (long)b->n;
	ui->field_col = leadw + col[ui->keyin.field.cur];
	layout_add_line(b, line, KW_ST_FIELD, -1);
	free(line);
	if (ui->keyin.field.n == 0) {
		layout_add(b, 0, NULL, _("Type or paste the key; the dashes "
		    "come by themselves."), KW_ST_DIM, -1);
		return;
	}

	keyfield_text(&ui->keyin.field, text, sizeof text);
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

		if (bad->pos >= ui->keyin.field.n ||
		    leadw + col[bad->pos] >= width)
			continue;
		marks[leadw + col[bad->pos]] = '^';
		if (near == NULL || (bad->pos <= ui->keyin.field.cur &&
		    bad->pos > near->pos))
			near = bad;
	}
	if (near != NULL)
		layout_add_line(b, marks, KW_ST_MARK, -1);
	if (near != NULL) {
		char *bad = interact_bad_char(near, ui->keyin.mask);
		char *why = xasprintf("! %s", bad);

		layout_add(b, 0, NULL, why, KW_ST_MARK, -1);
		free(why);
		free(bad);
	}
	prodkey_summary(&k, summary, sizeof summary);
	layout_add(b, 0, k.verdict == KW_KEY_VALID ? "= " : "! ", summary,
	    k.verdict == KW_KEY_VALID ? KW_ST_OK : KW_ST_MARK, -1);
	ui->sight_last = (long)b->n - 1;	/* the verdict, with the field */
	if (k.verdict != KW_KEY_VALID)
		layout_add(b, 0, NULL, _("Enter goes on with this key anyway: "
		    "you may still have an error message to report."),
		    KW_ST_DIM, -1);
	prodkey_wipe(&k);
}

/* Enter at the key screen: the analysis goes into the session (the masked
 * key and a summary, never the key), then the next step. */
static void
key_key_enter(struct cui *ui)
{
	char text[KW_FIELD_MAX * 5 + 1];
	struct kw_keycheck k;

	if (ui->keyin.field.n > 0) {
		keyfield_text(&ui->keyin.field, text, sizeof text);
		interact_set_key(ui->s, text, &k);
		explicit_bzero(text, sizeof text);
		prodkey_wipe(&k);
	}
	/* the field keeps the key for back; screen_free wipes it */
	interact_continue(ui->s);
}

static enum key_result
key_key(struct cui *ui, const struct input *in)
{
	struct kw_keyfield *f = &ui->keyin.field;

	if (in->act != ACT_ASK && in->act != ACT_PGUP && in->act != ACT_PGDN)
		ui->follow = 1;	/* editing brings the field back in sight */
	switch (in->act) {
	case ACT_TEXT:
		/* a paste may bring its label: "Product key: KTD3V-..." */
		keyfield_insert(f, in->paste ? interact_key_text(in->text) :
		    in->text);
		return KEY_HANDLED;
	case ACT_ENTER:
		key_key_enter(ui);
		return KEY_HANDLED;
	case ACT_MASK:
		ui->keyin.mask = !ui->keyin.mask;
		return KEY_HANDLED;
	case ACT_BACKSPACE:
		if (f->n == 0)
			break;
		keyfield_backspace(f);
		return KEY_HANDLED;
	case ACT_DELETE:
		keyfield_delete(f);
		return KEY_HANDLED;
	case ACT_LEFT:
		if (f->cur > 0)
			f->cur--;
		return KEY_HANDLED;
	case ACT_RIGHT:
		if (f->cur < f->n)
			f->cur++;
		return KEY_HANDLED;
	case ACT_END:
		f->cur = f->n;
		return KEY_HANDLED;
	default:
		break;
	}
	return screen_key_common(ui, in);
}

static const struct binding key_keys[] = {
	ENTER_KEYS(N_("continue")),
	HINT(FN | KW_K_F(2), ACT_MASK, KH_MASK, N_("hide key"), W_SHOWN),
	HINT(FN | KW_K_F(2), ACT_MASK, KH_MASK, N_("show key"), W_HIDDEN),
	KEY(CTRL('T'), ACT_MASK, KH_MASK),
	KEY(NOKEY, ACT_TEXT, KH_TYPING),
	NODE_KEYS
};

const struct screen_ops key_screen = {
	draw_key, key_key, SCREEN_KEYS(key_keys), 1, NULL
};
