/* SPDX-License-Identifier: MIT */
/* cmd-dot.c - --dot: the tree as a Graphviz digraph */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
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

int
cmd_dot(const struct kw_tree *t, size_t lang, FILE *out)
{
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
		char *both = xasprintf("%s\n%s", n->id, label);

		fputc('\t', out);
		put_dot_string(out, n->id, 200);
		fprintf(out, " [%s, label=", shape(n->type));
		put_dot_string(out, both, 60);
		fputs("];\n", out);
		free(both);
	}
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];

		for (size_t j = 0; j < n->nopts; j++) {
			fputc('\t', out);
			put_dot_string(out, n->id, 200);
			fputs(" -> ", out);
			put_dot_string(out, n->opts[j].target, 200);
			if (n->type == KW_NODE_LOGIC) {
				/* the rule's tests, or the default */
				fputs(" [style=dashed, label=", out);
				put_dot_string(out, j < n->nrules ?
				    n->rules[j].shown : "default", 60);
				fputc(']', out);
			} else if (n->type != KW_NODE_KEY &&
			    n->type != KW_NODE_STEP &&
			    n->type != KW_NODE_FIELD) {
				fputs(" [label=", out);
				put_dot_string(out, view_option_label(n, j,
				    lang), 30);
				fputc(']', out);
			}
			fputs(";\n", out);
		}
	}
	fputs("}\n", out);
	return ferror(out) ? KW_EXIT_IOERR : KW_EXIT_OK;
}
