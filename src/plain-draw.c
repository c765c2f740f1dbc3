/* SPDX-License-Identifier: MIT */
/* plain-draw.c - the line front end's text: each screen printed, the prompt, the help */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "interact.h"
#include "layout.h"
#include "plain-int.h"
#include "practice.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

/* Print the rows of `b`, and free it. */
static void
put_body(struct plain *p, struct kw_body *b)
{
	for (size_t i = 0; i < b->n; i++)
		fprintf(p->out, "%s\n", b->row[i].s);
	layout_free(b);
}

/* Print tree or user text as the screens lay it out (layout_add):
 * cleaned of control characters, wrapped to the width, the first line
 * indented by `indent` spaces and led by `first`, the others lined up
 * after it. */
void
plain_put(struct plain *p, size_t indent, const char *first,
    const char *s)
{
	layout_print(p->out, p->width, indent, first, s);
}

void
plain_say(struct plain *p, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	plain_put(p, 0, NULL, msg);
	free(msg);
}

/* Training: the answers not taken on the way, and where they lead. */
static void
plain_branches(struct plain *p)
{
	struct kw_branch b[128];
	size_t n = view_branches(p->s, b, sizeof b / sizeof b[0]);

	if (n == 0)
		return;
	fputc('\n', p->out);
	plain_put(p, 0, NULL, interact_branches_heading());
	for (size_t i = 0; i < n; i++) {
		char *line = interact_branch_line(&b[i], p->v.lang);

		plain_put(p, 2, "- ", line);
		free(line);
	}
}

/* Practice: who is calling. */
void
plain_caller(struct plain *p)
{
	const struct kw_scenario *sc = p->o->scenario;

	fputc('\n', p->out);
	plain_put(p, 0, _("Practice call: "), sc->id);
	plain_put(p, 2, NULL, tree_text(&sc->caller,
	    session_lang(p->s)));
	plain_say(p,
	    _("Drive the call. Type \"ask\" to hear what the caller says "
	    "at a step (each step you ask about costs %u points), "
	    "\"caller\" to read this again."), KW_ASK_COST);
}

/* Practice: the caller answers about the current step. */
void
plain_ask_caller(struct plain *p)
{
	const char *lead;
	char *line = interact_caller_line(p->o->scenario, p->v.node,
	    p->v.lang, &lead);

	plain_put(p, 0, lead, line);
	free(line);
}

/* Practice: the score against the scenario, with the reasons. */
void
plain_score(struct plain *p)
{
	struct kw_practice_score sc;
	size_t lang = session_lang(p->s);
	char *line;

	interact_score(p->o->scenario, p->s, p->o->asks, &sc);
	fputc('\n', p->out);
	line = interact_score_line(&sc);
	plain_put(p, 0, NULL, line);
	free(line);
	if (!sc.outcome_ok && sc.expected_outcome != NULL)
		plain_put(p, 2, _("Expected outcome: "),
		    view_node_heading(sc.expected_outcome, lang));
	for (size_t i = 0; i < sc.nitems; i++) {
		const struct kw_practice_item *it = &sc.item[i];

		line = view_practice_line(it, lang);
		plain_put(p, 2, "- ", line);
		free(line);
		if (tree_text_set(&it->node->why))
			plain_put(p, 4, _("Why: "),
			    tree_text(&it->node->why, lang));
	}
}

/* Checklist item `i` of the current step: "[x] 1. text". */
void
plain_item(struct plain *p, size_t i)
{
	const struct kw_step *st = session_step(p->s, session_depth(p->s) - 1);
	char lead[32];

	snprintf(lead, sizeof lead, "[%c] %zu. ", (st->checked >> i) & 1 ?
	    'x' : ' ', i + 1);
	plain_put(p, 2, lead, p->v.item[i]);	/* its facts filled in */
}

void
plain_draw(struct plain *p)
{
	struct kw_view *v = &p->v;

	view_build(v, p->s, p->o->training);
	fputc('\n', p->out);
	if (v->step == 1)
		plain_put(p, 0, NULL, v->tree_title);
	fprintf(p->out, _("Step %zu: "), v->step);
	plain_put(p, 0, NULL, v->heading);
	fputc('\n', p->out);
	plain_put(p, 0, NULL, v->text);
	if (v->why != NULL) {
		fputc('\n', p->out);
		plain_put(p, 2, _("Why: "), v->why);
	}
	for (size_t i = 0; i < v->links->n; i++) {
		struct kw_body b;

		layout_init(&b, p->width);
		layout_add_url(&b, 2, _("Link: "), v->links->v[i],
		    KW_ST_NORMAL, -1);
		put_body(p, &b);
	}
	if (v->node->type == KW_NODE_KEY && p->tty) {
		fputc('\n', p->out);
		plain_say(p, _("The key does not show as you type it; once "
		    "you press Enter, only its last five characters show."));
	}

	for (size_t i = 0; i < v->nitems; i++) {
		if (i == 0)
			fputc('\n', p->out);
		plain_item(p, i);
	}
	if (v->node->type == KW_NODE_WAIT) {
		char from[16], until[16];

		view_clock(v->wait_start, from, sizeof from);
		view_clock(v->wait_end, until, sizeof until);
		fputc('\n', p->out);
		plain_say(p,
		    _("Wait %u minutes: from %s until %s. Then try again, "
		    "and say how it went."), v->node->minutes, from, until);
	}
	if (v->nchoices > 0 && !v->yesno)
		fputc('\n', p->out);
	for (size_t i = 0; i < v->nchoices && !v->yesno; i++) {
		const struct kw_view_choice *c = &v->choice[i];
		char lead[16];

		snprintf(lead, sizeof lead, "%s) ", c->key);
		plain_put(p, 2, lead, c->label);
		if (c->message != NULL) {
			char *quoted = xasprintf(_("\"%s\""), c->message);

			plain_put(p, 2 + strlen(lead), NULL, quoted);
			free(quoted);
		}
	}
	if (v->node->type == KW_NODE_OUTCOME) {
		struct kw_outcome_field f[KW_OUTCOME_FIELDS];
		size_t nf = interact_outcome_fields(p->s, v->node, f);
		char *waited;

		fputc('\n', p->out);
		for (size_t i = 0; i < nf; i++)
			plain_put(p, 0, f[i].label, f[i].value);
		interact_outcome_free(f, nf);
		if ((waited = interact_waited_line(p->s)) != NULL) {
			plain_put(p, 0, NULL, waited);
			free(waited);
		}
		if (v->training)
			plain_branches(p);
	}
}

/* The prompt: what this screen accepts, then "> "; each letter with the
 * word for what it does, so that a screen reader says it. */
void
plain_prompt(struct plain *p)
{
	const struct kw_view *v = &p->v;
	char accept[160];

	switch (v->node->type) {
	case KW_NODE_KEY:
		if (p->key_pending)
			snprintf(accept, sizeof accept, "%s, %s", _("Enter"),
			    _("key"));
		else
			snprintf(accept, sizeof accept, "%s", _("key"));
		break;
	case KW_NODE_CHOICE:
		snprintf(accept, sizeof accept, "1-%zu%s", v->nchoices,
		    v->pasteable ? _(", text") : "");
		break;
	case KW_NODE_QUESTION:
		/* TRANSLATORS: the prompt's yes and no: "y yes, n no" */
		snprintf(accept, sizeof accept, _("%s yes, %s no"),
		    view_yes_key(), view_no_key());
		break;
	case KW_NODE_WAIT:
		snprintf(accept, sizeof accept, "1-%zu", v->nchoices);
		break;
	case KW_NODE_STEP:
		if (v->nitems > 0)
			snprintf(accept, sizeof accept, _("Enter continue, "
			    "1-%zu tick"), v->nitems);
		else
			snprintf(accept, sizeof accept, "%s",
			    _("Enter continue"));
		break;
	case KW_NODE_FIELD:
		snprintf(accept, sizeof accept, "%s", v->node->optional ?
		    _("text, Enter leave empty") : _("text"));
		break;
	case KW_NODE_OUTCOME:
	default:
		snprintf(accept, sizeof accept, "%s", _("Enter finish, n note"));
		break;
	}
	if (v->step > 1)
		/* TRANSLATORS: the prompt's end: "b back, q quit, ? help" */
		fprintf(p->out, _("[%s, %s back, q quit, ? help]> "), accept,
		    view_back_key());
	else
		fprintf(p->out, _("[%s, q quit, ? help]> "), accept);
	fflush(p->out);
}

void
plain_help(struct plain *p)
{
	fputc('\n', p->out);
	plain_say(p, _("Answers:"));
	plain_say(p,
	    _("  a number     choose that answer (or tick that item)"));
	if (p->v.yesno)
		plain_say(p, _("  %s or %s       yes or no"), view_yes_key(),
		    view_no_key());
	if (p->v.pasteable)
		plain_say(p,
		    _("  text         paste or type the message you saw, "
		    "or any part of it"));
	if (p->v.node->type == KW_NODE_KEY)
		plain_say(p,
		    _("  key          type or paste the product key, in any "
		    "form"));
	if (p->v.node->type == KW_NODE_FIELD)
		plain_say(p,
		    _("  text         the answer (Enter alone leaves an "
		    "optional one empty)"));
	plain_say(p, _("  Enter        continue"));
	plain_say(p, _("  %s            back one step"), view_back_key());
	plain_say(p, _("  restart      start again from the first step"));
	plain_say(p, _("  note TEXT    add a note to the session record"));
	if (p->o->scenario != NULL) {
		plain_say(p,
		    _("  ask          ask the caller about this step"));
		plain_say(p, _("  caller       read the caller's story again"));
	}
	plain_say(p, _("  q            quit"));
	plain_say(p, _("  ?            this help"));
}

