/* SPDX-License-Identifier: MIT */
/* screen-search.c - the search over every step, and the read-only view of a step found */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "screen.h"
#include "text.h"
#include "xalloc.h"

#define SEARCH_MAX	64

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

	if (ui->search.index != NULL)
		return;
	ui->search.index = xcalloc(t->nnodes, sizeof *ui->search.index);
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
		ui->search.index[i] = acc;
	}
}

static size_t
search_hits(struct cui *ui, const struct kw_node **hit, size_t max)
{
	const struct kw_tree *t = session_tree(ui->s);
	char *q;
	size_t n = 0;

	if (ui->search.query[0] == '\0')
		return 0;
	search_index(ui);
	q = layout_fold(ui->search.query);
	for (size_t i = 0; i < t->nnodes && n < max; i++)
		if (t->nodes[i].type != KW_NODE_LOGIC && (*q == '\0' ||
		    strstr(ui->search.index[i], q) != NULL))
			hit[n++] = &t->nodes[i];	/* a logic node is no
							 * step to show */
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
	line = xasprintf("%s%s", _("Search: "), ui->search.query);
	ui->field_row = (long)b->n;
	ui->field_col = text_width(line);
	layout_add_line(b, line, KW_ST_FIELD, -1);
	free(line);
	layout_blank(b);
	if (ui->search.query[0] == '\0')
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
			snprintf(lead, sizeof lead, _("[step %ld] "),
			    (long)view_step_number(ui->s, (size_t)at));
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
		if (ui->search.focus >= n)
			ui->search.focus = n - 1;
		ui->focus_item = (int)ui->search.focus;
	}
}

/* The common keys that still work over the search and its read-only
 * view: help, quit, paging, redraw; the others mean something else there. */
static enum key_result
key_overlay_common(struct cui *ui, const struct input *in)
{
	switch (in->act) {
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_REDRAW:
		return screen_key_common(ui, in);
	default:
		return KEY_IGNORED;
	}
}

static enum key_result
key_search(struct cui *ui, const struct input *in)
{
	const struct kw_node *hit[SEARCH_MAX];
	size_t n;
	long at;

	switch (in->act) {
	case ACT_TEXT:
		screen_append(ui->search.query, sizeof ui->search.query,
		    in->text);
		ui->search.focus = 0;
		ui->top = 0;
		return KEY_HANDLED;
	case ACT_BACKSPACE:
		screen_chop(ui->search.query);
		ui->search.focus = 0;
		return KEY_HANDLED;
	case ACT_ESC:
	case ACT_SEARCH:
		ui->overlay = SCR_COUNT;
		ui->top = 0;
		ui->follow = 1;
		return KEY_HANDLED;
	case ACT_UP:
		if (ui->search.focus > 0)
			ui->search.focus--;
		ui->follow = 1;
		return KEY_HANDLED;
	case ACT_DOWN:
		ui->search.focus++;
		ui->follow = 1;
		return KEY_HANDLED;
	case ACT_ENTER:
		n = search_hits(ui, hit, SEARCH_MAX);
		if (ui->search.focus >= n)
			return KEY_IGNORED;
		at = path_index(ui->s, hit[ui->search.focus]);
		if (at < 0) {
			ui->search.peek = hit[ui->search.focus];
			ui->overlay = SCR_PEEK;
			ui->top = 0;
			return KEY_HANDLED;
		}
		if ((size_t)at + 1 < session_depth(ui->s))
			session_back_to(ui->s, (size_t)at);
		ui->overlay = SCR_COUNT;
		ui->top = 0;
		return KEY_HANDLED;
	default:
		return key_overlay_common(ui, in);
	}
}

/* A step not on the path, shown read-only from the search. */
static void
draw_peek(struct cui *ui)
{
	const struct kw_node *n = ui->search.peek;
	struct kw_body *b = &ui->body;
	size_t lang = ui->v.lang;

	ui->heading = _("Search");
	layout_add(b, 0, NULL, _("Not on your path: shown for reading only."),
	    KW_ST_DIM, -1);
	layout_blank(b);
	screen_body_node(ui, n, view_node_heading(n, lang), tree_text(&n->text, lang),
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
		screen_body_outcome(ui, n);
}

static enum key_result
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
		return KEY_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		screen_scroll_body(ui, in->act);
		return KEY_HANDLED;
	default:
		return key_overlay_common(ui, in);
	}
}

static const struct binding search_keys[] = {
	ENTER_KEYS(N_("go there")),
	HINT(0x1b, ACT_ESC, KH_NONE, N_("close"), W_ALWAYS),
	HINT(FN | KW_K_F(10), ACT_QUIT, KH_QUIT, N_("quit"), W_ALWAYS),
	BASE_KEYS
};

static const struct binding peek_keys[] = {
	HINT(0x1b, ACT_ESC, KH_NONE, N_("back to the search"), W_ALWAYS),
	HINT(FN | KW_K_PGDN, ACT_PGDN, KH_SCROLL, N_("scroll"), W_ALWAYS),
	HINT('q', ACT_QUIT, KH_QUIT, N_("quit"), W_ALWAYS),
	COMMAND_KEYS,
	BASE_KEYS
};

const struct screen_ops search_screen = {
	draw_search, key_search, SCREEN_KEYS(search_keys), 1, NULL
};
const struct screen_ops peek_screen = {
	draw_peek, key_peek, SCREEN_KEYS(peek_keys), 0, NULL
};
