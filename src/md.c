/* SPDX-License-Identifier: MIT */
/* md.c - text written into Markdown so that it renders as written */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "md.h"
#include "text.h"
#include "xalloc.h"

/* Escaped wherever they are: inline syntax (code, emphasis, links, raw
 * HTML, entities, GFM tables and strikethrough) and the escape itself. */
static int
always(char c)
{
	return c != '\0' && strchr("\\`*_[]<&|~", c) != NULL;
}

static int
word_end(char c)
{
	return c == '\0' || c == ' ' || c == '\n';
}

/* Whether the word at `p` consists of `c` only. */
static int
word_of(const char *p, char c)
{
	while (*p == c)
		p++;
	return word_end(*p);
}

/* The offset of the character to escape in the word at `p` (block syntax
 * at the start of a line), or -1. */
static int
word_start(const char *p)
{
	size_t d;

	switch (*p) {
	case '#':
	case '>':
		return 0;
	case '+':
		return word_end(p[1]) ? 0 : -1;
	case '-':
		return word_end(p[1]) || word_of(p, '-') ? 0 : -1;
	case '=':
		return word_of(p, '=') ? 0 : -1;
	}
	d = strspn(p, "0123456789");
	if (d >= 1 && d <= 9 && (p[d] == '.' || p[d] == ')') &&
	    word_end(p[d + 1]))
		return (int)d;
	return -1;
}

char *
md_escape(const char *s)
{
	/* at most one backslash per byte */
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;
	const char *p = s;

	while (*p != '\0') {
		/* one line: its spaces at both ends dropped */
		const char *end = p + strcspn(p, "\n"), *last = end;
		int esc = -1;

		while (*p == ' ')
			p++;
		while (last > p && last[-1] == ' ')
			last--;
		for (const char *q = p; q < last; q++) {
			if (q == p || q[-1] == ' ')
				esc = word_start(q);
			if (always(*q) || esc == 0)
				*o++ = '\\';
			esc--;
			*o++ = *q;
		}
		if (*end == '\n')
			*o++ = '\n';
		p = *end == '\n' ? end + 1 : end;
	}
	*o = '\0';
	return out;
}

char *
md_text(const char *s)
{
	char *clean = text_clean(s), *md = md_escape(clean);

	free(clean);
	return md;
}

char *
md_line(const char *s)
{
	char *clean = text_clean(s), *md;

	for (char *c = clean; *c != '\0'; c++)
		if (*c == '\n')
			*c = ' ';
	md = md_escape(clean);
	free(clean);
	return md;
}

int
md_autolink_ok(const char *url)
{
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

	if (n < 2 || n > 32 || url[n] != ':' || !((*url >= 'a' && *url <=
	    'z') || (*url >= 'A' && *url <= 'Z')))
		return 0;
	for (const unsigned char *p = (const unsigned char *)url + n + 1;
	    *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>')
			return 0;
	return 1;
}
