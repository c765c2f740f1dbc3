/* SPDX-License-Identifier: MIT */
/* interact.c - what an answer does to the session, and what screens say in words */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "interact.h"
#include "keymask.h"
#include "xalloc.h"

/* ---- what an answer does ---- */

void
interact_check_key(const struct kw_session *s, const char *text,
    struct kw_keycheck *k)
{
	prodkey_analyse(prodkey_tree_format(session_tree(s)), text, k);
}

void
interact_set_key(struct kw_session *s, const char *text,
    struct kw_keycheck *k)
{
	const struct kw_keyfmt *fmt = prodkey_tree_format(session_tree(s));
	char masked[64], summary[256];

	prodkey_analyse(fmt, text, k);
	prodkey_mask(fmt, k, masked, sizeof masked);
	prodkey_summary(k, summary, sizeof summary);
	session_set_key(s, k->verdict != KW_KEY_INVALID, masked, summary);
	explicit_bzero(masked, sizeof masked);
}

int
interact_take(struct kw_session *s, const struct kw_view_choice *c,
    const char *text)
{
	return session_answer(s, c->opt, text,
	    c->kind == KW_CHOICE_SKIP ? KW_STEP_SKIPPED : 0);
}

int
interact_continue(struct kw_session *s)
{
	return session_answer(s, 0, NULL, 0);
}

int
interact_tick(struct kw_session *s, size_t item)
{
	const struct kw_step *st = session_step(s, session_depth(s) - 1);

	return session_check_item(s, item, !((st->checked >> item) & 1));
}

char *
interact_mask_text(const struct kw_session *s, const char *text)
{
	return keymask_text(prodkey_tree_format(session_tree(s)), text);
}

int
interact_note(struct kw_session *s, const char *text)
{
	if (text == NULL || *text == '\0')
		return 0;
	session_add_note(s, text);
	return 1;
}

/* The matcher of the session's current node. */
static struct kw_matcher *
matcher_here(struct kw_matching *mc, const struct kw_session *s)
{
	const struct kw_node *node = session_node(s);

	if (mc->node != node) {
		match_free(mc->matcher);
		mc->matcher = match_new(session_tree(s), node);
		match_prefer(mc->matcher, session_lang(s));
		mc->node = node;
		free(mc->filter);
		mc->filter = NULL;
	}
	return mc->matcher;
}

enum kw_match_verdict
interact_match(struct kw_matching *mc, const struct kw_session *s,
    const char *text, struct kw_match *m, size_t max, size_t *n)
{
	*n = match_rank(matcher_here(mc, s), text, m, max);
	if (*n == 0)
		return KW_MATCH_NONE;
	if (*n == 1 || m[0].score - m[1].score >= KW_MATCH_MARGIN)
		return KW_MATCH_CLEAR;
	return KW_MATCH_CLOSE;
}

size_t
interact_filter(struct kw_matching *mc, const struct kw_session *s,
    const char *text, const struct kw_match **found)
{
	struct kw_matcher *m = matcher_here(mc, s);
	const struct kw_node *node = session_node(s);

	*found = mc->found;
	if (*text == '\0' || node->type != KW_NODE_CHOICE)
		return 0;
	if (mc->filter != NULL && strcmp(mc->filter, text) == 0)
		return mc->nfound;
	free(mc->filter);
	mc->filter = xstrdup(text);
	mc->found = xrealloc(mc->found, (node->nopts ? node->nopts : 1) *
	    sizeof *mc->found);
	mc->nfound = match_rank(m, text, mc->found, node->nopts);
	*found = mc->found;
	return mc->nfound;
}

void
interact_matching_free(struct kw_matching *mc)
{
	match_free(mc->matcher);
	free(mc->filter);
	free(mc->found);
	memset(mc, 0, sizeof *mc);
}

void
interact_unmatched(struct kw_session *s, const char *text)
{
	session_unmatched(s, text);
}

int
interact_end(struct kw_session *s, int quit)
{
	if (!quit && session_finished(s) && session_outcome(s) != NULL)
		return KW_EXIT_OK;
	session_finish(s);
	return KW_EXIT_NEGATIVE;
}

/* ---- what screens say ---- */

char *
interact_caller_line(const struct kw_scenario *sc, const struct kw_node *n,
    size_t lang, const char **lead)
{
	int opt = practice_caller_option(sc, n);

	if (n->type == KW_NODE_KEY && sc->key != NULL) {
		*lead = _("The caller reads out: ");
		return xstrdup(sc->key);
	}
	if (opt < 0 || n->type == KW_NODE_KEY || n->type == KW_NODE_STEP) {
		*lead = NULL;
		return xstrdup(_("The caller has nothing to add here."));
	}
	if (tree_text_set(&n->opts[opt].message)) {
		*lead = _("The caller reads out: ");
		return xasprintf(_("\"%s\""),
		    tree_text(&n->opts[opt].message, lang));
	}
	*lead = _("The caller says: ");
	return xstrdup(view_option_label(n, (size_t)opt, lang));
}

const char *
interact_branches_heading(void)
{
	return _("Branches not taken:");
}

char *
interact_branch_line(const struct kw_branch *b, size_t lang)
{
	return xasprintf(_("at \"%s\": %s -> %s"),
	    view_node_heading(b->at, lang),
	    view_option_label(b->at, b->opt, lang),
	    view_node_heading(b->to, lang));
}

char *
interact_score_line(const struct kw_practice_score *sc)
{
	return xasprintf(_("Practice score: %u/100 (%zu of %zu answers "
	    "right; outcome %s)."), sc->score, sc->correct, sc->expected,
	    sc->outcome_ok ? _("right") : _("wrong"));
}

size_t
interact_outcome_fields(const struct kw_node *n, size_t lang,
    struct kw_outcome_field out[KW_OUTCOME_FIELDS])
{
	size_t k = 0;

	out[k].label = _("Result: ");
	out[k++].value = view_result_name(n->result);
	if (tree_text_set(&n->contact)) {
		out[k].label = _("Who to contact: ");
		out[k++].value = tree_text(&n->contact, lang);
	}
	if (tree_text_set(&n->tell)) {
		out[k].label = _("What to tell them: ");
		out[k++].value = tree_text(&n->tell, lang);
	}
	return k;
}

char *
interact_bad_char(const struct kw_key_bad *b, int mask)
{
	char alike[64];

	if (mask)
		return xasprintf(_("Group %u, character %u cannot be in a "
		    "product key."), b->group, b->place);
	if (b->lookalikes[0] == '\0')
		return xasprintf(_("Group %u, character %u: '%s' is never in "
		    "a product key."), b->group, b->place, b->ch);
	prodkey_lookalikes_text(b->lookalikes, alike, sizeof alike);
	return xasprintf(_("Group %u, character %u: '%s' is never in a "
	    "product key; did you mean %s?"), b->group, b->place, b->ch,
	    alike);
}
