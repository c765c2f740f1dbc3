/* SPDX-License-Identifier: MIT */
/* view.c - what a screen shows, computed from the session */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "facts.h"
#include "i18n.h"
#include "practice.h"
#include "view.h"
#include "xalloc.h"

const char *
view_type_heading(enum kw_node_type type)
{
	switch (type) {
	case KW_NODE_KEY:
		return _("Enter the product key");
	case KW_NODE_CHOICE:
		return _("Choose one");
	case KW_NODE_QUESTION:
		return _("Question");
	case KW_NODE_STEP:
		return _("Do this");
	case KW_NODE_WAIT:
		return _("Wait and try again");
	case KW_NODE_FIELD:
		return _("Type the answer");
	case KW_NODE_LOGIC:
		return _("Route");
	case KW_NODE_OUTCOME:
	case KW_NODE_TYPE_COUNT:
		break;
	}
	return _("Result");
}

const char *
view_node_heading(const struct kw_node *n, size_t lang)
{
	return tree_text_set(&n->title) ? tree_text(&n->title, lang) :
	    view_type_heading(n->type);
}

char *
view_practice_line(const struct kw_practice_item *it, size_t lang)
{
	const char *h = view_node_heading(it->node, lang);

	switch (it->kind) {
	case KW_PRACTICE_MISSED:
		return xasprintf(_("missed: %s"), h);
	case KW_PRACTICE_ADDED:
		return xasprintf(_("not needed: %s"), h);
	case KW_PRACTICE_WRONG:
	default:
		break;
	}
	return xasprintf(_("answered \"%s\", expected \"%s\": %s"),
	    view_answer_label(it->node, it->given, lang),
	    view_answer_label(it->node, it->expected, lang), h);
}

const char *
view_option_label(const struct kw_node *n, size_t opt, size_t lang)
{
	switch (n->type) {
	case KW_NODE_QUESTION:
		return opt == KW_OPT_YES ? _("Yes") : _("No");
	case KW_NODE_WAIT:
		return opt == KW_OPT_WORKED ? _("It works now") :
		    _("Still failing after the wait");
	case KW_NODE_CHOICE:
		if (opt < n->nopts)
			return tree_text(&n->opts[opt].label, lang);
		break;
	case KW_NODE_LOGIC:
		/* a rule's tests as written, or the default */
		return opt < n->nrules ? n->rules[opt].shown :
		    _("Otherwise");
	default:
		break;
	}
	return _("Continue");
}

const char *
view_answer_label(const struct kw_node *n, const char *id, size_t lang)
{
	for (size_t i = 0; i < n->nopts; i++)
		if (strcmp(n->opts[i].id, id) == 0)
			return view_option_label(n, i, lang);
	return id;
}

const char *
view_result_name(enum kw_result r)
{
	switch (r) {
	case KW_RESULT_RESOLVED:
		return _("Resolved");
	case KW_RESULT_ESCALATE:
		return _("Contact someone");
	case KW_RESULT_REDIRECT:
		return _("Go elsewhere");
	case KW_RESULT_UNRESOLVED:
	case KW_RESULT_COUNT:
		break;
	}
	return _("Not resolved");
}

void
view_clock(time_t t, char *buf, size_t size)
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, size, "%H:%M", &tm);
}

static int
french(void)
{
	return strcmp(i18n_current(), "fr") == 0;
}

const char *
view_yes_key(void)
{
	return french() ? "o" : "y";
}

const char *
view_no_key(void)
{
	return "n";
}

const char *
view_back_key(void)
{
	return french() ? "r" : "b";
}

int
view_yesno(const char *word)
{
	static const char *const yes[] = { "y", "yes", "o", "oui" };
	static const char *const no[] = { "n", "no", "non" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(word, yes[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(word, no[i]) == 0)
			return 0;
	return -1;
}

/* A text of the node in the session's language with the call's facts
 * filled in, owned by the view. */
static const char *
fill(struct kw_view *v, const struct kw_session *s, const struct kw_text *x)
{
	v->owned = xgrow(v->owned, &v->capowned, v->nowned + 1,
	    sizeof *v->owned);
	return v->owned[v->nowned++] = facts_fill_text(s, x);
}

static void
add_choice(struct kw_view *v, enum kw_choice_kind kind, size_t opt,
    const char *key, const char *label, const char *message)
{
	struct kw_view_choice *c;

	if (v->nchoices >= KW_VIEW_MAX_CHOICES)
		return;
	c = &v->choice[v->nchoices++];
	c->kind = kind;
	c->opt = opt;
	snprintf(c->key, sizeof c->key, "%s", key);
	c->label = label;
	c->message = message;
}

void
view_build(struct kw_view *v, const struct kw_session *s, int training)
{
	const struct kw_tree *t = session_tree(s);
	const struct kw_node *n = session_node(s);
	const struct kw_step *st = session_step(s, session_depth(s) - 1);
	size_t lang = session_lang(s);
	char num[24];

	view_free(v);
	memset(v, 0, sizeof *v);
	v->node = n;
	v->lang = lang;
	v->training = training;
	v->tree_title = tree_text(&t->title, lang);
	v->heading = tree_text_set(&n->title) ? fill(v, s, &n->title) :
	    view_type_heading(n->type);
	v->text = fill(v, s, &n->text);
	if (training && tree_text_set(&n->why))
		v->why = fill(v, s, &n->why);
	v->links = &n->links;
	v->step = view_step_number(s, session_depth(s) - 1);

	switch (n->type) {
	case KW_NODE_CHOICE:
		for (size_t i = 0; i < n->nopts; i++) {
			const struct kw_option *o = &n->opts[i];

			snprintf(num, sizeof num, "%zu", i + 1);
			add_choice(v, KW_CHOICE_OPTION, i, num,
			    fill(v, s, &o->label),
			    tree_text_set(&o->message) ?
			    tree_text(&o->message, lang) : NULL);
			if (tree_text_set(&o->message))
				v->pasteable = 1;
		}
		break;
	case KW_NODE_QUESTION:
		v->yesno = 1;
		add_choice(v, KW_CHOICE_OPTION, KW_OPT_YES, view_yes_key(),
		    _("Yes"), NULL);
		add_choice(v, KW_CHOICE_OPTION, KW_OPT_NO, view_no_key(),
		    _("No"), NULL);
		break;
	case KW_NODE_WAIT:
		v->wait_start = st->shown;
		v->wait_end = st->shown + (time_t)n->minutes * 60;
		add_choice(v, KW_CHOICE_OPTION, KW_OPT_WORKED, "1",
		    _("It works now"), NULL);
		add_choice(v, KW_CHOICE_OPTION, KW_OPT_FAILING, "2",
		    _("Still failing after the wait"), NULL);
		add_choice(v, KW_CHOICE_SKIP, KW_OPT_FAILING, "3",
		    _("Skip the wait (it already failed for longer)"), NULL);
		break;
	case KW_NODE_STEP:
		v->items = n->items;
		v->nitems = n->nitems;
		for (size_t i = 0; i < n->nitems && i < KW_VIEW_MAX_ITEMS; i++)
			v->item[i] = fill(v, s, &n->items[i]);
		v->checked = st->checked;
		break;
	case KW_NODE_OUTCOME:
		v->result = view_result_name(n->result);
		if (tree_text_set(&n->contact))
			v->contact = fill(v, s, &n->contact);
		if (tree_text_set(&n->tell))
			v->tell = fill(v, s, &n->tell);
		break;
	case KW_NODE_KEY:
	case KW_NODE_FIELD:
	case KW_NODE_LOGIC:
	case KW_NODE_TYPE_COUNT:
		break;
	}
}

size_t
view_step_number(const struct kw_session *s, size_t i)
{
	size_t n = 0;

	/* a logic node is no screen, nor a field answered by its preset */
	for (size_t j = 0; j <= i && j < session_depth(s); j++) {
		const struct kw_step *st = session_step(s, j);

		n += st->node->type != KW_NODE_LOGIC &&
		    (j == i || !(st->flags & KW_STEP_PRESET));
	}
	return n;
}

void
view_free(struct kw_view *v)
{
	for (size_t i = 0; i < v->nowned; i++)
		free(v->owned[i]);
	free(v->owned);
	v->owned = NULL;
	v->nowned = v->capowned = 0;
}

size_t
view_branches(const struct kw_session *s, struct kw_branch *out, size_t max)
{
	size_t n = 0, depth = session_depth(s);

	for (size_t i = 0; i + 1 < depth; i++) {
		const struct kw_step *st = session_step(s, i);

		/* the session routed these itself: no answer was passed by */
		if (st->node->type == KW_NODE_LOGIC ||
		    (st->flags & KW_STEP_PRESET))
			continue;

		for (size_t j = 0; j < st->node->nopts; j++) {
			if ((int)j == st->opt || n >= max)
				continue;
			out[n].at = st->node;
			out[n].opt = j;
			out[n].to = st->node->opts[j].next;
			n++;
		}
	}
	return n;
}
