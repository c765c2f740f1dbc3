/* SPDX-License-Identifier: MIT */
/* record-md.c - the session record in Markdown, for people: the header, the
 * key, the error, the outcome, the notes and every screen with its events */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "i18n.h"
#include "interact.h"
#include "md.h"
#include "record-int.h"
#include "record.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

#define MD_WIDTH 78		/* Markdown lines, for a plain text box too */

/* Write `md` (Markdown already: escaped text, the record's own code spans
 * around ids) wrapped to MD_WIDTH: the first line after `lead` at
 * `indent`, the next ones at indent + the lead's width. */
static void
md_wrap_md(FILE *fp, size_t indent, const char *lead, const char *md)
{
	struct kw_lines l = { 0 };
	size_t lw = text_width(lead);
	size_t w = MD_WIDTH > indent + lw + 20 ? MD_WIDTH - indent - lw : 20;

	text_wrap(md, w, &l);
	if (l.n == 0)
		fprintf(fp, "%*s%s\n", (int)indent, "", lead);
	for (size_t i = 0; i < l.n; i++) {
		if (i == 0)
			fprintf(fp, "%*s%s%.*s\n", (int)indent, "", lead,
			    (int)l.len[i], l.line[i]);
		else if (l.len[i] == 0)
			fputc('\n', fp);
		else
			fprintf(fp, "%*s%.*s\n", (int)(indent + lw), "",
			    (int)l.len[i], l.line[i]);
	}
	text_lines_free(&l);
}

/* The same for text (tree text, a note, a pasted message): cleaned and
 * escaped (md.h) so that it renders as written. */
static void
md_wrap(FILE *fp, size_t indent, const char *lead, const char *text)
{
	char *md = md_text(text);

	md_wrap_md(fp, indent, lead, md);
	free(md);
}

/* "- Label: text", wrapped. */
static void
md_field(FILE *fp, size_t indent, const char *label, const char *text)
{
	char *lead = xasprintf(_("- %s: "), label);

	md_wrap(fp, indent, lead, text);
	free(lead);
}

/* A time in the screen list: HH:MM:SS on the day the session started,
 * else the whole date. */
static void
md_time(const struct rec *r, time_t t, char *buf, size_t size)
{
	char iso[RECORD_TIME_MAX];

	record_iso_time(t, iso, sizeof iso);
	if (strncmp(iso, r->day, 10) == 0)
		snprintf(buf, size, "%.8s", iso + 11);
	else
		snprintf(buf, size, "%s", iso);
}

static void
md_header(const struct rec *r, FILE *fp)
{
	char when[40], *line;
	const char *status;

	md_wrap(fp, 0, "# ", tree_text(&r->t->title, r->lang));
	fputc('\n', fp);
	/* what the tree is, from the tree: nothing is assumed about it */
	line = xasprintf(_("Session record of keywiz for \"%s\"."),
	    tree_text(&r->t->title, r->lang));
	md_wrap(fp, 0, "", line);
	free(line);
	fputc('\n', fp);
	record_iso_time(r->started, when, sizeof when);
	md_field(fp, 0, _("Started"), when);
	record_iso_time(r->ended, when, sizeof when);
	md_field(fp, 0, _("Ended"), when);
	if (strcmp(r->status, "completed") == 0)
		status = _("completed: an outcome was reached");
	else if (strcmp(r->status, "quit") == 0)
		status = _("quit before an outcome");
	else
		status = _("interrupted before an outcome (a Markdown record "
		    "cannot be resumed; a JSON one, -o FILE.json, can)");
	md_field(fp, 0, _("Status"), status);
	if (session_agent(r->s) != NULL)
		md_field(fp, 0, _("Agent"), session_agent(r->s));
	if (session_ticket(r->s) != NULL)
		md_field(fp, 0, _("Ticket"), session_ticket(r->s));
	if (*r->t->version != '\0')
		line = xasprintf(_("%s, version %s (structure %s)"), r->t->id,
		    r->t->version, r->hash);
	else
		line = xasprintf(_("%s (structure %s)"), r->t->id, r->hash);
	md_field(fp, 0, _("Tree"), line);
	free(line);
	md_field(fp, 0, _("Language"), r->t->langs[r->lang]);
	md_field(fp, 0, _("Program"), PACKAGE " " VERSION);
}

/* Whether the tree asks for a key, or offers error messages to pick: the
 * record has a section for each only then. */
static int
tree_has_key(const struct kw_tree *t)
{
	for (size_t i = 0; i < t->nnodes; i++)
		if (t->nodes[i].type == KW_NODE_KEY)
			return 1;
	return 0;
}

static int
tree_has_messages(const struct kw_tree *t)
{
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t j = 0; j < t->nodes[i].nopts; j++)
			if (tree_text_set(&t->nodes[i].opts[j].message))
				return 1;
	return 0;
}

static void
md_key(const struct rec *r, FILE *fp)
{
	const struct kw_keyinfo *k = session_key(r->s);

	if (!tree_has_key(r->t))
		return;
	fprintf(fp, "\n## %s\n\n", _("Product key"));
	if (!k->entered) {
		md_wrap(fp, 0, "- ", _("No key was entered."));
		return;
	}
	md_field(fp, 0, _("Key (masked)"), k->masked);
	md_field(fp, 0, _("Analysis"), k->summary);
}

/* No listed message was chosen: what the caller gave instead, if the
 * error list was answered with a text (another message). */
static void
md_said(const struct rec *r, FILE *fp)
{
	for (size_t i = session_depth(r->s); i-- > 0; ) {
		const struct kw_step *st = session_step(r->s, i);

		if (st->node->type != KW_NODE_CHOICE || st->opt < 0 ||
		    st->text == NULL)
			continue;
		md_wrap(fp, 0, "- ", _("No message of the list was chosen."));
		md_field(fp, 0, _("Answer"), record_answer_label(st->node,
		    st->opt, r->lang));
		md_field(fp, 0, _("Text given"), st->text);
		return;
	}
	md_wrap(fp, 0, "- ", _("No error message was chosen."));
}

static void
md_error(const struct rec *r, FILE *fp)
{
	const struct kw_node *n;
	const struct kw_option *o;
	size_t opt;
	char *id, *lead;

	if (!tree_has_messages(r->t))
		return;
	fprintf(fp, "\n## %s\n\n", _("Error message"));
	if (!session_error(r->s, &n, &opt)) {
		md_said(r, fp);
		return;
	}
	o = &n->opts[opt];
	md_field(fp, 0, _("Message"), tree_text(&o->message, r->lang));
	md_field(fp, 0, _("Answer"), tree_text(&o->label, r->lang));
	id = xasprintf(_("`%s` at `%s`"), o->id, n->id);
	lead = xasprintf(_("- %s: "), _("Answer id"));
	md_wrap_md(fp, 0, lead, id);
	free(lead);
	free(id);
}

/* A text of the tree with the call's facts filled in, as shown. */
static void
md_filled(const struct rec *r, FILE *fp, const char *name,
    const struct kw_text *x)
{
	char *text = facts_fill(r->s, tree_text(x, r->lang));

	md_field(fp, 0, name, text);
	free(text);
}

static void
md_outcome(const struct rec *r, FILE *fp)
{
	const struct kw_node *n = session_outcome(r->s);
	char *waited;

	fprintf(fp, "\n## %s\n\n", _("Outcome"));
	if (n == NULL) {
		md_wrap(fp, 0, "- ", _("No outcome was reached."));
		return;
	}
	md_field(fp, 0, _("Result"), view_result_name(n->result));
	if (tree_text_set(&n->title))
		md_filled(r, fp, _("Outcome"), &n->title);
	md_filled(r, fp, _("What to do"), &n->text);
	if (tree_text_set(&n->contact))
		md_filled(r, fp, _("Who to contact"), &n->contact);
	if (tree_text_set(&n->tell))
		md_filled(r, fp, _("What to tell them"), &n->tell);
	if ((waited = interact_waited_line(r->s)) != NULL) {
		md_field(fp, 0, _("Wait"), waited);
		free(waited);
	}
}

static void
md_notes(const struct rec *r, FILE *fp)
{
	size_t n = 0;
	char when[40], *lead;

	for (size_t i = 0; i < session_nevents(r->s); i++) {
		const struct kw_event *e = session_event(r->s, i);

		if (e->type != KW_EV_NOTE)
			continue;
		if (n++ == 0)
			fprintf(fp, "\n## %s\n\n", _("Notes"));
		md_time(r, e->t, when, sizeof when);
		lead = xasprintf("- %s (`%s`) ", when, e->node->id);
		md_wrap(fp, 0, lead, e->text);
		free(lead);
	}
}

/* One event under the screen it happened on ("   - 10:00:05 Answer: Yes"),
 * indented by `indent`, the width of the screen's list marker. */
static void
md_event(const struct rec *r, FILE *fp, size_t indent, size_t i)
{
	const struct kw_event *e = session_event(r->s, i);
	const struct kw_node *n = e->node;
	char when[40], *lead, *line = NULL, *more, *part;

	switch (e->type) {
	case KW_EV_ANSWER:
		if (n->type == KW_NODE_KEY || n->type == KW_NODE_STEP)
			line = xasprintf("%s", _("Continued"));
		else {
			part = md_line(record_answer_label(n, e->opt,
			    r->lang));
			line = xasprintf(_("Answer: %s"), part);
			free(part);
		}
		if (e->flags & KW_STEP_SKIPPED) {
			more = xasprintf(_("%s (wait skipped)"), line);
			free(line);
			line = more;
		}
		if (e->text != NULL) {
			part = md_line(e->text);
			more = xasprintf(_("%s, from the text \"%s\""), line,
			    part);
			free(part);
			free(line);
			line = more;
		}
		break;
	case KW_EV_FIELD:
		if (e->text == NULL) {
			line = xasprintf("%s", _("Left empty"));
			break;
		}
		part = md_line(e->text);
		line = e->flags & KW_STEP_PRESET ? xasprintf(_("Answer: %s "
		    "(known already)"), part) : xasprintf(_("Answer: %s"),
		    part);
		free(part);
		break;
	case KW_EV_ROUTE:
		if ((size_t)e->opt >= n->nrules) {
			line = xasprintf("%s", _("Routed by the default: no "
			    "rule held"));
			break;
		}
		part = md_line(n->rules[e->opt].shown);
		line = xasprintf(_("Routed by rule %d: %s"), e->opt + 1, part);
		free(part);
		break;
	case KW_EV_KEY:
		part = md_line(e->text != NULL ? e->text : "");
		line = xasprintf(e->valid ? _("Key analysed: %s (well-formed)") :
		    _("Key analysed: %s (not valid)"), part);
		free(part);
		break;
	case KW_EV_CHECKED:
		part = md_line(e->opt >= 0 && (size_t)e->opt < n->nitems ?
		    tree_text(&n->items[e->opt], r->lang) : "?");
		line = xasprintf(e->on ? _("Ticked: %s") : _("Unticked: %s"),
		    part);
		free(part);
		break;
	case KW_EV_NOTE:
		line = xasprintf("%s", _("Note added (see Notes)"));
		break;
	case KW_EV_UNMATCHED:
		part = md_line(e->text != NULL ? e->text : "");
		line = xasprintf(_("No message matched: %s"), part);
		free(part);
		break;
	case KW_EV_QUIT:
		line = xasprintf("%s", _("Quit"));
		break;
	case KW_EV_END:
		line = xasprintf("%s", _("Outcome acknowledged"));
		break;
	default:
		return;
	}
	md_time(r, e->t, when, sizeof when);
	lead = xasprintf("- %s ", when);
	md_wrap_md(fp, indent, lead, line);
	free(line);
	free(lead);
}

/* Every screen shown, in order, each with what happened on it. */
static void
md_screens(const struct rec *r, FILE *fp)
{
	size_t screen = 0, indent = 3;
	char when[40], *lead, *line;

	fprintf(fp, "\n## %s\n\n", _("Screens"));
	for (size_t i = 0; i < session_nevents(r->s); i++) {
		const struct kw_event *e = session_event(r->s, i);
		const struct kw_node *n = e->node;
		char *head;

		if (e->type != KW_EV_SHOW && e->type != KW_EV_BACK &&
		    e->type != KW_EV_RESTART && e->type != KW_EV_RESUME) {
			md_event(r, fp, indent, i);
			continue;
		}
		head = md_line(view_node_heading(n, r->lang));
		switch (e->type) {
		case KW_EV_SHOW:
			if (n->type == KW_NODE_OUTCOME)
				line = xasprintf(_("%s: %s (`%s`)"), head,
				    view_result_name(n->result), n->id);
			else
				line = xasprintf("%s (`%s`)", head, n->id);
			break;
		case KW_EV_BACK:
			line = xasprintf(_("Back to step %zu: %s (`%s`)"),
			    e->depth, head, n->id);
			break;
		case KW_EV_RESTART:
			line = xasprintf(_("Restarted: %s (`%s`)"), head,
			    n->id);
			break;
		default:	/* KW_EV_RESUME */
			line = xasprintf(_("Resumed: %s (`%s`)"), head, n->id);
			break;
		}
		free(head);
		md_time(r, e->t, when, sizeof when);
		lead = xasprintf("%zu. ", ++screen);
		indent = strlen(lead);
		free(lead);
		lead = xasprintf("%zu. %s ", screen, when);
		md_wrap_md(fp, 0, lead, line);
		if (e->type != KW_EV_RESTART && (n->type == KW_NODE_QUESTION ||
		    n->type == KW_NODE_CHOICE))
			md_wrap(fp, indent, "", tree_text(&n->text, r->lang));
		free(lead);
		free(line);
	}
}

int
record_markdown(const struct kw_session *s, FILE *fp)
{
	struct rec r;

	record_rec_init(&r, s);
	md_header(&r, fp);
	md_key(&r, fp);
	md_error(&r, fp);
	md_outcome(&r, fp);
	md_notes(&r, fp);
	md_screens(&r, fp);
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}

