/* SPDX-License-Identifier: MIT */
/* report-stat.c - one record's events and outcome counted into its tree's
 * statistics; the texts a report shows, masked and made safe */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "keymask.h"
#include "report-int.h"
#include "text.h"
#include "xalloc.h"

/* The longest text that matched nothing a report keeps, in columns. */
#define TEXT_COLS 120

static int
result_col(const char *result)
{
	static const char *const names[] = { "resolved", "escalate",
	    "redirect", "unresolved" };

	for (int i = 0; i < 4; i++)
		if (result != NULL && strcmp(result, names[i]) == 0)
			return C_RESOLVED + i;
	return C_UNRESOLVED;
}

/* The count a record's end adds to: its result, or how it stopped. */
static int
status_col(const struct rrec *rec)
{
	if (strcmp(rec->status, "quit") == 0)
		return C_QUIT;
	if (strcmp(rec->status, "interrupted") == 0)
		return C_INTERRUPTED;
	return result_col(rec->out_result);
}

static void
set_label(struct tally *e, const char *label)
{
	if (e->label == NULL && label != NULL && *label != '\0')
		e->label = report_safe(label);
}

void
report_event(struct rgroup *g, const struct revent *ev)
{
	struct tally *e;
	char key[2 * (KW_ID_MAX * 4 + 1)];

	if (strcmp(ev->type, "show") == 0 || strcmp(ev->type, "start") == 0) {
		if (ev->type[1] == 'h')
			tab_get(&g->nodes, ev->node)->c[C_N]++;
		snprintf(g->cur, sizeof g->cur, "%s", ev->node);
		g->cur_t = ev->t;
	} else if (strcmp(ev->type, "answer") == 0 && ev->answer != NULL) {
		snprintf(key, sizeof key, "%s\037%s", ev->node, ev->answer);
		tab_get(&g->edges, key)->c[C_N]++;
		e = tab_get(&g->nodes, ev->node);
		if (strcmp(g->cur, ev->node) == 0) {
			const struct kw_node *n = g->tree != NULL ?
			    tree_find(g->tree, ev->node) : NULL;
			long d = (long)(ev->t - g->cur_t);

			/* a logic node routes at once: no time of its own */
			if (n == NULL || n->type != KW_NODE_LOGIC)
				hist_add(&e->h, d);
			if (ev->skipped)
				e->c[C_SKIPPED]++;
			else if (n != NULL && n->type == KW_NODE_WAIT &&
			    d < (long)n->minutes * 60)
				e->c[C_CUT]++;
		} else if (ev->skipped)
			e->c[C_SKIPPED]++;
		g->cur[0] = '\0';
	} else if (strcmp(ev->type, "back") == 0 ||
	    strcmp(ev->type, "restart") == 0) {
		if (g->cur[0] != '\0')
			tab_get(&g->nodes, g->cur)->c[C_BACK]++;
		g->cur[0] = '\0';
	} else if (strcmp(ev->type, "unmatched") == 0 && ev->text != NULL) {
		char *t = report_text(ev->text);

		if (*t != '\0') {
			if ((e = tab_get(&g->unmatched, t)) != NULL)
				e->c[C_N]++;
			else
				g->unmatched.over++;
		}
		free(t);
	}
}

void
report_end(struct rgroup *g, const struct rrec *rec)
{
	int col = status_col(rec);
	struct tally *e;

	g->status[col]++;
	if (col == C_ESCALATE && rec->out_node != NULL) {
		/* escalated to whom: the contact in the interface language
		 * when the tree has the node, else (or when the call's facts
		 * fill it in: a brace) as the record says it */
		const struct kw_node *n = g->tree != NULL ?
		    tree_find(g->tree, rec->out_node) : NULL;
		const char *who = n != NULL && tree_text_set(&n->contact) ?
		    tree_text(&n->contact, g->lang) : NULL;

		if (who == NULL || (strchr(who, '{') != NULL &&
		    rec->out_contact != NULL))
			who = rec->out_contact;
		char *key = report_safe(who != NULL ? who : rec->out_node);

		e = tab_get(&g->outcomes, key);
		e->c[C_N]++;
		free(key);
	}
	if (rec->err_option != NULL) {
		e = tab_get(&g->errors, rec->err_option);
		e->c[C_N]++;
		e->c[col]++;
		set_label(e, rec->err_label);
	}
	if ((col == C_QUIT || col == C_INTERRUPTED) && rec->last_node != NULL)
		tab_get(&g->nodes, rec->last_node)->c[C_ABANDONED]++;
	e = tab_get(&g->agents, rec->agent != NULL ? rec->agent : "");
	e->c[C_N]++;
	e->c[col]++;
	if (rec->has_ended && rec->ended >= rec->started) {
		hist_add(&g->calls, (long)(rec->ended - rec->started));
		hist_add(&e->h, (long)(rec->ended - rec->started));
	}
	g->cur[0] = '\0';
}

/* ---- texts ---- */

/* The one place the report makes record text safe for the terminal and
 * its tables: text_clean(), line ends as spaces. */
char *
report_safe(const char *s)
{
	char *c = text_clean(s);

	for (char *p = c; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	return c;
}

char *
report_text(const char *s)
{
	char *c = report_safe(s), *w = c, *cut, *m;
	size_t fit;

	/* white space collapsed and trimmed, so the same text counts once */
	for (const char *p = c; *p != '\0'; p++) {
		if (*p == ' ' && (w == c || w[-1] == ' '))
			continue;
		*w++ = *p;
	}
	while (w > c && w[-1] == ' ')
		w--;
	*w = '\0';
	/* keys masked as the session masks them (records written before it
	 * did, or edited) */
	m = keymask_text(NULL, c);
	free(c);
	c = m;
	fit = text_fit(c, TEXT_COLS);
	if (c[fit] == '\0')
		return c;
	cut = xasprintf("%.*s…", (int)fit, c);
	free(c);
	return cut;
}
