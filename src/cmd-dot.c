/* SPDX-License-Identifier: MIT */
/* cmd-dot.c - --dot: the tree as a Graphviz digraph; with the traffic of
 * the records read, the map of --report --dot */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

/* A DOT string literal body: quotes and backslashes escaped, newlines as
 * \n, controls dropped; cut to `max` columns with an ellipsis. */
static void
put_dot_string(FILE *out, const char *s, size_t max)
{
	char *clean = text_clean(s);
	size_t fit = text_fit(clean, max);
	int cut = clean[fit] != '\0';

	fputc('"', out);
	for (size_t i = 0; i < fit; i++) {
		char c = clean[i];

		if (c == '"' || c == '\\')
			fputc('\\', out);
		if (c == '\n')
			fputs("\\n", out);
		else
			fputc(c, out);
	}
	if (cut)
		fputs("…", out);
	fputc('"', out);
	free(clean);
}

static const char *
shape(enum kw_node_type type)
{
	switch (type) {
	case KW_NODE_KEY:
		return "shape=parallelogram";
	case KW_NODE_CHOICE:
		return "shape=hexagon";
	case KW_NODE_QUESTION:
		return "shape=diamond";
	case KW_NODE_STEP:
		return "shape=box";
	case KW_NODE_WAIT:
		return "shape=box, style=\"rounded,dashed\"";
	case KW_NODE_FIELD:
		return "shape=parallelogram, style=dashed";
	case KW_NODE_LOGIC:
		return "shape=diamond, style=dashed";
	case KW_NODE_OUTCOME:
	default:
		return "shape=box, style=\"rounded,bold\", peripheries=2";
	}
}

/* `s` cut to `max` columns with an ellipsis; a new string. */
static char *
cut(const char *s, size_t max)
{
	size_t fit = text_fit(s, max);

	return s[fit] == '\0' ? xstrdup(s) : xasprintf("%.*s…", (int)fit, s);
}

/* The pen width of an edge taken `n` times of `max`: 1 to 8. */
static double
pen(unsigned long n, unsigned long max)
{
	return max == 0 ? 1.0 : 1.0 + 7.0 * (double)n / (double)max;
}

int
dot_draw(const struct kw_tree *t, size_t lang, const struct dot_traffic *tr,
    FILE *out)
{
	unsigned long max = 0;

	if (tr != NULL)
		for (size_t i = 0; i < t->nnodes; i++)
			for (size_t j = 0; j < t->nodes[i].nopts; j++) {
				unsigned long n = tr->edge(tr->ctx,
				    &t->nodes[i], j);

				if (n > max)
					max = n;
			}
	fputs("digraph ", out);
	put_dot_string(out, t->id, 64);
	fputs(" {\n\trankdir=TB;\n\tnode [fontname=\"sans-serif\", "
	    "fontsize=10];\n\tedge [fontname=\"sans-serif\", fontsize=9];\n"
	    "\tlabel=", out);
	put_dot_string(out, tree_text(&t->title, lang), 120);
	fputs(";\n\tlabelloc=t;\n", out);
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];
		const char *label = tree_text_set(&n->title) ?
		    tree_text(&n->title, lang) : tree_text(&n->text, lang);
		char *both;

		if (tr != NULL) {
			char *title = cut(label, 40);

			/* TRANSLATORS: a node of the traffic map: its id,
			 * its title, how many times it was shown */
			both = xasprintf(_("%s\n%s\n(shown %lu)"), n->id,
			    title, tr->visits(tr->ctx, n));
			free(title);
		} else
			both = xasprintf("%s\n%s", n->id, label);
		fputc('\t', out);
		put_dot_string(out, n->id, 200);
		fprintf(out, " [%s, label=", shape(n->type));
		put_dot_string(out, both, tr != NULL ? 120 : 60);
		fputs("];\n", out);
		free(both);
	}
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];

		for (size_t j = 0; j < n->nopts; j++) {
			int logic = n->type == KW_NODE_LOGIC;
			int labelled = n->type != KW_NODE_KEY &&
			    n->type != KW_NODE_STEP &&
			    n->type != KW_NODE_FIELD;
			/* a logic node's edge: the rule's tests, or the
			 * default */
			const char *what = !logic ?
			    view_option_label(n, j, lang) : j < n->nrules ?
			    n->rules[j].shown : "default";
			unsigned long c = tr != NULL ? tr->edge(tr->ctx, n, j) :
			    0;
			char *label;

			fputc('\t', out);
			put_dot_string(out, n->id, 200);
			fputs(" -> ", out);
			put_dot_string(out, n->opts[j].target, 200);
			if (tr != NULL) {
				char *opt = cut(what, logic ? 60 : 30);

				label = labelled ? xasprintf("%s (%lu)", opt,
				    c) : xasprintf("%lu", c);
				free(opt);
				fprintf(out, " [penwidth=%.1f%s, label=",
				    pen(c, max), c == 0 ?
				    ", style=dashed, color=gray50" : logic ?
				    ", style=dashed" : "");
				put_dot_string(out, label, 100);
				fputc(']', out);
				free(label);
			} else if (logic) {
				fputs(" [style=dashed, label=", out);
				put_dot_string(out, what, 60);
				fputc(']', out);
			} else if (labelled) {
				fputs(" [label=", out);
				put_dot_string(out, what, 30);
				fputc(']', out);
			}
			fputs(";\n", out);
		}
	}
	fputs("}\n", out);
	return ferror(out) ? KW_EXIT_IOERR : KW_EXIT_OK;
}

int
cmd_dot(const struct kw_tree *t, size_t lang, FILE *out)
{
	return dot_draw(t, lang, NULL, out);
}
