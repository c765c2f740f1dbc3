/* SPDX-License-Identifier: MIT */
/* cmd-guide-html.c - --guide --format=html: the study guide as one
 * standalone HTML page, rendered from its Markdown by cmark */
#include "config.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

/* Small, and for paper too: links print in the text colour, a section is
 * not cut after its heading. */
static const char style[] =
    "body { font-family: sans-serif; line-height: 1.4; max-width: 46em;\n"
    "  margin: 1em auto; padding: 0 1em; }\n"
    "blockquote { margin-left: 1em; padding-left: 1em;\n"
    "  border-left: 3px solid #999; }\n"
    "h3 { margin-top: 1.6em; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; font-size: 11pt; }\n"
    "  a { color: inherit; text-decoration: none; }\n"
    "  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
    "  li, blockquote { break-inside: avoid; page-break-inside: avoid; }\n"
    "}\n";

/* `s` with the characters HTML gives a meaning to as references. */
static void
put_escaped(FILE *out, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out); break;
		}
}

/* The node id in the anchor paragraph cmd_guide writes before each section
 * heading, <a id="ID"></a>, or NULL. Only this HTML is carried over: any
 * other is left to the renderer, which leaves it out. */
static char *
anchor_id(cmark_node *para)
{
	cmark_node *a = cmark_node_first_child(para), *end;
	const char *lit, *q;
	char *id;

	if (a == NULL || cmark_node_get_type(a) != CMARK_NODE_HTML_INLINE ||
	    (end = cmark_node_next(a)) == NULL || cmark_node_next(end) != NULL ||
	    cmark_node_get_type(end) != CMARK_NODE_HTML_INLINE ||
	    strcmp(cmark_node_get_literal(end), "</a>") != 0)
		return NULL;
	lit = cmark_node_get_literal(a);
	if (strncmp(lit, "<a id=\"", 7) != 0 ||
	    (q = strchr(lit + 7, '"')) == NULL || strcmp(q, "\">") != 0)
		return NULL;
	id = xasprintf("%.*s", (int)(q - lit - 7), lit + 7);
	if (!tree_id_valid(id, 0)) {
		free(id);
		return NULL;
	}
	return id;
}

/* Each anchor paragraph followed by a heading becomes the heading's id
 * target, <h3><a id="ID"></a>...</h3>, as a custom node (the safe
 * renderer keeps those). */
static void
move_anchors(cmark_node *doc)
{
	cmark_node *n = cmark_node_first_child(doc);

	while (n != NULL) {
		cmark_node *next = cmark_node_next(n), *a;
		char *id, *html;

		if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH ||
		    next == NULL ||
		    cmark_node_get_type(next) != CMARK_NODE_HEADING ||
		    (id = anchor_id(n)) == NULL) {
			n = next;
			continue;
		}
		html = xasprintf("<a id=\"%s\"></a>", id);
		a = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
		if (a == NULL || !cmark_node_set_on_enter(a, html) ||
		    !cmark_node_prepend_child(next, a))
			fatal("out of memory");
		cmark_node_free(n);
		free(html);
		free(id);
		n = next;
	}
}

int
cmd_guide_html(const struct kw_tree *t, size_t lang, FILE *out)
{
	char *md = NULL, *body, *title;
	size_t len = 0;
	FILE *mf = open_memstream(&md, &len);
	cmark_node *doc;
	int status;

	if (mf == NULL)
		fatal("out of memory");
	status = cmd_guide(t, lang, mf);
	if (fclose(mf) != 0)
		fatal("out of memory");
	if (status != KW_EXIT_OK) {
		free(md);
		return status;
	}
	if ((doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT)) == NULL)
		fatal("out of memory");
	free(md);
	move_anchors(doc);
	if ((body = cmark_render_html(doc, CMARK_OPT_DEFAULT)) == NULL)
		fatal("out of memory");
	cmark_node_free(doc);

	title = text_clean(tree_text(&t->title, lang));
	fputs("<!DOCTYPE html>\n<html lang=\"", out);
	put_escaped(out, t->langs[lang]);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"" PACKAGE " " VERSION "\">\n"
	    "<title>", out);
	put_escaped(out, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n%s"
	    "</body>\n</html>\n", style, body);
	free(title);
	free(body);
	return ferror(out) ? KW_EXIT_IOERR : KW_EXIT_OK;
}
