/* SPDX-License-Identifier: MIT */
/* test_print.c - --dot and --guide cover the whole tree */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "testutil.h"
#include "md.h"

static char *
print(int (*fn)(const struct kw_tree *, size_t, FILE *),
    const struct kw_tree *t, size_t lang)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(out);
	cr_assert_eq(fn(t, lang, out), KW_EXIT_OK);
	fclose(out);
	return buf;
}

/* The first line of `s` as the guide prints it (line by line, Markdown
 * escaped). */
static char *
first_line(const char *s)
{
	size_t n = strcspn(s, "\n");
	char *l = malloc(n + 1), *md;

	memcpy(l, s, n);
	l[n] = '\0';
	md = md_text(l);
	free(l);
	return md;
}

static void
guide_covers(const struct kw_tree *t, size_t lang)
{
	char *g = print(cmd_guide, t, lang);

	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];
		char anchor[200];
		char *line = first_line(tree_text(&n->text, lang));

		snprintf(anchor, sizeof anchor, "<a id=\"%s\"></a>", n->id);
		cr_assert(strstr(g, anchor) != NULL, "no section for %s", n->id);
		cr_assert(strstr(g, line) != NULL, "text of %s missing", n->id);
		free(line);
		for (size_t j = 0; j < n->nopts; j++) {
			if (!tree_text_set(&n->opts[j].message))
				continue;
			line = first_line(tree_text(&n->opts[j].message, lang));
			cr_assert(strstr(g, line) != NULL,
			    "message %s missing", n->opts[j].id);
			free(line);
		}
		if (n->type == KW_NODE_OUTCOME && tree_text_set(&n->contact)) {
			line = first_line(tree_text(&n->contact, lang));
			cr_assert(strstr(g, line) != NULL,
			    "contact of %s missing", n->id);
			free(line);
		}
	}
	free(g);
}

Test(guide, covers_every_node_message_and_outcome_in_english)
{
	i18n_init("en");
	guide_covers(tu_bundled(), 0);
}

Test(guide, covers_every_node_message_and_outcome_in_french)
{
	i18n_init("fr");
	guide_covers(tu_bundled(), 1);
}

Test(guide, speaks_french)
{
	char *g;

	i18n_init("fr");
	g = print(cmd_guide, tu_bundled(), 1);
	cr_assert(strstr(g, "## Les messages\n") != NULL);
	cr_assert(strstr(g, "## Les conclusions\n") != NULL);
	cr_assert_null(strstr(g, "## The steps"));
	free(g);
}

Test(dot, has_every_node_and_edge)
{
	const struct kw_tree *t = tu_bundled();
	char *d = print(cmd_dot, t, 0);

	cr_assert_eq(strncmp(d, "digraph \"m365-product-key\" {\n", 29), 0,
	    "%.40s", d);
	cr_assert_eq(d[strlen(d) - 2], '}');
	for (size_t i = 0; i < t->nnodes; i++) {
		const struct kw_node *n = &t->nodes[i];
		char buf[300];

		snprintf(buf, sizeof buf, "\t\"%s\" [shape=", n->id);
		cr_assert(strstr(d, buf) != NULL, "node %s missing", n->id);
		for (size_t j = 0; j < n->nopts; j++) {
			snprintf(buf, sizeof buf, "\t\"%s\" -> \"%s\"", n->id,
			    n->opts[j].target);
			cr_assert(strstr(d, buf) != NULL, "edge %s missing",
			    buf + 1);
		}
	}
	free(d);
}

Test(dot, shapes_tell_node_types_apart)
{
	char *d = print(cmd_dot, tu_bundled(), 0);

	cr_assert(strstr(d, "shape=diamond") != NULL);
	cr_assert(strstr(d, "peripheries=2") != NULL);
	cr_assert(strstr(d, "shape=hexagon") != NULL);
	cr_assert(strstr(d, "[label=\"Yes\"]") != NULL);
	free(d);
}

Test(guide, angle_brackets_are_not_html)
{
	char *g;

	i18n_init("en");
	g = print(cmd_guide, tu_bundled(), 0);
	cr_assert(strstr(g, "The maximum is \\<x> user licenses.") != NULL);
	cr_assert_null(strstr(g, " <x>"));
	free(g);
}
