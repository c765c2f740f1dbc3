/* SPDX-License-Identifier: MIT */
/* test_md.c - text escaped by md.c renders as written, read back through
 * libcmark (the reference CommonMark parser) */
#include "config.h"

#include <cmark.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "md.h"
#include "testutil.h"
#include "text.h"
#include "xalloc.h"

/* Texts that Markdown would take for syntax, one per line or paragraph. */
static const char *const hostile[] = {
	"# Restart the computer",
	"###### six, ####### seven",
	"Search *.ost and *.pst files",
	"snake_case_name and __init__ and _x_",
	"1. Sign in\n2. Open the admin center",
	"2) second\n10. tenth 123456789. nine digits",
	"- one\n+ two\n* three",
	"- [ ] not a task",
	"[a](b) and [ref]\n\n[ref]: http://example.com",
	"![image](x.png)",
	"C:\\Users\\me\\ and a trailing backslash\\",
	"a \\* b \\\\ c \\",
	"<b>bold</b> <x> <!-- comment --> <https://example.com>",
	"AT&T &amp; &copy; &#35; &#x41;",
	"`code` and ``double`` and ```",
	"```\nfenced\n```",
	"~~~\nfenced\n~~~ and ~~strike~~ and ~one~",
	"| a | b |\n|---|---|\n| 1 | 2 |",
	"> quoted\n>> twice",
	"Title\n=====",
	"Title\n-----",
	"Title\n=\nand\n-",
	"---\n***\n___\n- - -",
	"    four spaces would be code\n\tand a tab",
	"trailing spaces make a break  \nhere",
	"a line\n\n\n\nafter blank lines",
	"http://example.com/a_b_c *not emphasis*",
	"1.5 and 2020. And 3) and (4) and x.1",
	"\xc3\xa9t\xc3\xa9 \xe2\x80\x94 \xe6\x82\xa8\xe8\xbc\xb8",
	"= equals - minus + plus # hash > gt",
	"<",
	"&",
	"\\",
	"#",
	"",
};

/* `s` as Markdown renders plain text: each line without its spaces at
 * both ends, blank lines between paragraphs collapsed to one, none at the
 * ends. */
static char *
rendered_form(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	int blank = 0;

	while (*s != '\0') {
		const char *end = s + strcspn(s, "\n"), *last = end;

		while (*s == ' ' || *s == '\t')
			s++;
		while (last > s && (last[-1] == ' ' || last[-1] == '\t'))
			last--;
		if (last == s) {
			blank = o != out;
		} else {
			if (o != out)
				*o++ = '\n';
			if (blank)
				*o++ = '\n';
			blank = 0;
			memcpy(o, s, (size_t)(last - s));
			o += last - s;
		}
		s = *end == '\n' ? end + 1 : end;
	}
	*o = '\0';
	return out;
}

/* The text of the document cmark parses from `md`, NULL (with `why`) if it
 * holds anything but paragraphs of text, or a heading when `heading`. */
static char *
plain_of(const char *md, int heading, const char **why)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t cap = 2 * strlen(md) + 8, n = 0;
	char *out = xmalloc(cap);
	int blocks = 0;

	*why = NULL;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *nd = cmark_iter_get_node(it);
		cmark_node_type ty = cmark_node_get_type(nd);
		const char *lit = NULL;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (ty) {
		case CMARK_NODE_DOCUMENT:
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if ((ty == CMARK_NODE_HEADING) != heading) {
				*why = cmark_node_get_type_string(nd);
				break;
			}
			if (blocks++ > 0)
				lit = "\n\n";
			break;
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(nd);
			break;
		case CMARK_NODE_SOFTBREAK:
			lit = "\n";
			break;
		default:
			*why = cmark_node_get_type_string(nd);
			break;
		}
		if (*why != NULL)
			break;
		if (lit != NULL) {
			size_t k = strlen(lit);

			cr_assert_lt(n + k, cap);
			memcpy(out + n, lit, k);
			n += k;
		}
	}
	out[n] = '\0';
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (*why != NULL) {
		free(out);
		return NULL;
	}
	return out;
}

static void
renders_as(const char *md, int heading, const char *want, const char *what)
{
	const char *why;
	char *got = plain_of(md, heading, &why);

	cr_assert_not_null(got, "%s: %s becomes a %s node:\n%s", what, want,
	    why, md);
	cr_assert_str_eq(got, want, "%s: written as\n%s", what, md);
	free(got);
}

Test(md, every_hostile_text_renders_as_written)
{
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		char *clean = text_clean(hostile[i]);
		char *md = md_text(hostile[i]), *want = rendered_form(clean);

		renders_as(md, 0, want, "paragraph");
		free(md);
		free(want);
		free(clean);
	}
}

/* The record wraps escaped text (record.c, md_wrap): a line may start at
 * any word. */
Test(md, wrapped_at_any_width_still_renders_as_written)
{
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		char *clean = text_clean(hostile[i]);
		char *md = md_text(hostile[i]);
		size_t longest = 1;

		for (const char *w = md; *w != '\0';) {
			size_t k = strcspn(w, " \n");

			if (k > longest)
				longest = k;
			w += k + (w[k] != '\0');
		}
		for (size_t width = longest; width <= longest + 12; width++) {
			struct kw_lines l = { 0 };
			size_t cap = 2 * strlen(md) + 2, n = 0;
			char *joined = xmalloc(cap), *want;

			text_wrap(md, width, &l);
			for (size_t j = 0; j < l.n; j++) {
				memcpy(joined + n, l.line[j], l.len[j]);
				n += l.len[j];
				joined[n++] = '\n';
			}
			joined[n] = '\0';
			/* the wrap turned spaces into line ends */
			want = rendered_form(clean);
			{
				const char *why;
				char *got = plain_of(joined, 0, &why);

				cr_assert_not_null(got, "width %zu: a %s "
				    "node:\n%s", width, why, joined);
				for (char *c = got; *c != '\0'; c++)
					if (*c == '\n' && c[1] != '\n' &&
					    (c == got || c[-1] != '\n'))
						*c = ' ';
				for (char *c = want; *c != '\0'; c++)
					if (*c == '\n' && c[1] != '\n' &&
					    (c == want || c[-1] != '\n'))
						*c = ' ';
				cr_assert_str_eq(got, want, "width %zu:\n%s",
				    width, joined);
				free(got);
			}
			free(want);
			free(joined);
			text_lines_free(&l);
		}
		free(md);
		free(clean);
	}
}

Test(md, a_line_renders_as_one_heading)
{
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		char *clean = text_clean(hostile[i]), *line = md_line(clean);
		char *md = xasprintf("### %s\n", line), *want;

		for (char *c = clean; *c != '\0'; c++)
			if (*c == '\n')
				*c = ' ';
		want = rendered_form(clean);
		if (*want != '\0')
			renders_as(md, 1, want, "heading");
		free(want);
		free(md);
		free(line);
		free(clean);
	}
}

Test(md, only_safe_urls_become_autolinks)
{
	cr_assert(md_autolink_ok("https://admin.microsoft.com/#/licenses"));
	cr_assert(md_autolink_ok("mailto:helpdesk@example.com"));
	cr_assert(!md_autolink_ok("admin.microsoft.com"));
	cr_assert(!md_autolink_ok("https://a b"));
	cr_assert(!md_autolink_ok("https://a><script>"));
	cr_assert(!md_autolink_ok("1http://a"));
	cr_assert(!md_autolink_ok("x:"));
}

static char *
guide(int (*fn)(const struct kw_tree *, size_t, FILE *),
    const struct kw_tree *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(out);
	cr_assert_eq(fn(t, 0, out), KW_EXIT_OK);
	fclose(out);
	return buf;
}

/* The whole guide of a tree full of Markdown syntax: its only markup is
 * the guide's own (headings, lists, quotes, strong labels, links to the
 * sections and to the URLs, the anchors). */
Test(md, guide_of_a_hostile_tree_has_only_its_own_markup)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/md/markdown.yaml"));
	char *g = guide(cmd_guide, t);
	cmark_node *doc = cmark_parse_document(g, strlen(g),
	    CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int headings[7] = { 0 }, links = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *url;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			headings[cmark_node_get_heading_level(n)]++;
			break;
		case CMARK_NODE_HTML_INLINE:
			cr_assert(strncmp(cmark_node_get_literal(n), "<a id=\"",
			    7) == 0 || strcmp(cmark_node_get_literal(n),
			    "</a>") == 0, "raw HTML: %s",
			    cmark_node_get_literal(n));
			break;
		case CMARK_NODE_LINK:
			url = cmark_node_get_url(n);
			cr_assert(*url == '#' || strcmp(url,
			    "https://example.com/a_b") == 0, "link to %s", url);
			links++;
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_LINEBREAK:
			cr_assert_fail("a %s in the guide:\n%s",
			    cmark_node_get_type_string(n), g);
			break;
		default:
			break;
		}
	}
	cr_assert_eq(headings[1], 1);
	cr_assert_eq(headings[2], 3);
	cr_assert_eq(headings[3], (int)t->nnodes);
	cr_assert_eq(headings[4] + headings[5] + headings[6], 0);
	/* two messages twice, one continue, one URL */
	cr_assert_eq(links, 6);
	cmark_iter_free(it);
	cmark_node_free(doc);
	free(g);
	tree_free(t);
}

Test(md, html_guide_is_one_standalone_page)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/md/markdown.yaml"));
	char *h = guide(cmd_guide_html, t);
	static const char *const want[] = {
		"<title># Key &lt;b&gt;&amp;amp;&lt;/b&gt; *help*</title>",
		"<h1># Key &lt;b&gt;&amp;amp;&lt;/b&gt; *help*</h1>",
		"<h3><a id=\"pick\"></a>1. Which [message](x)?</h3>",
		"<h3><a id=\"restart\"></a>## Restart ##</h3>",
		"<h3><a id=\"done\"></a>&lt;Done&gt;</h3>",
		"<p>&gt; Pick *.ost or _the_ `one` | here</p>",
		"<p># Restart</p>",
		"<li><strong>- [x] &lt;script&gt;alert(1)&lt;/script&gt;</strong>",
		"<a href=\"#restart\">## Restart ##</a>",
		"<p>&lt;!-- hidden --&gt; [ref]: http://example.com</p>",
		"Link: see &lt;here&gt; &amp; there",
		"<p>It works &amp; &lt;that's&gt; *it*.</p>",
		"[Helpdesk](mailto:h@example.com)",
		"@media print",
	};

	cr_assert_eq(strncmp(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n", 63), 0, "%.80s", h);
	cr_assert_str_eq(h + strlen(h) - 16, "</body>\n</html>\n");
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(strstr(h, want[i]) != NULL, "no %s in\n%s", want[i],
		    h);
	cr_assert_null(strstr(h, "raw HTML omitted"));
	cr_assert_null(strstr(h, "<script"));
	cr_assert_null(strstr(h, "<em>"));
	cr_assert_null(strstr(h, "<code>"));
	cr_assert_null(strstr(h, "<p></p>"));
	free(h);
	tree_free(t);
}

Test(md, html_guide_speaks_the_tree_language)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/good/all-types.yaml"));
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_eq(cmd_guide_html(t, 1, out), KW_EXIT_OK);
	fclose(out);
	cr_assert(strstr(buf, "<html lang=\"fr\">") != NULL);
	cr_assert(strstr(buf, "<title>Tous les types de nœuds</title>") !=
	    NULL);
	free(buf);
	tree_free(t);
}
