/* SPDX-License-Identifier: MIT */
/* fuzzutil.c - shared by the libFuzzer harnesses */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fuzzutil.h"
#include "load.h"
#include "xalloc.h"

const struct kw_tree *
fz_bundled(void)
{
	static struct kw_tree *t;
	struct kw_limits lim;
	struct kw_diags d;
	const char *path = getenv("KEYWIZ_FUZZ_TREE");
	int cant_open = 0;

	if (t != NULL)
		return t;
	if (path == NULL)
		path = KW_SRCDIR "/wizard/m365-product-key.yaml";
	load_default_limits(&lim);
	diags_init(&d, path);
	t = load_tree(path, &lim, &d, &cant_open);
	if (t != NULL)
		check_tree(t, 0, &d);
	if (t == NULL || d.nerrors > 0) {
		diags_print(&d, stderr);
		fprintf(stderr, "fuzz: %s does not load cleanly\n", path);
		abort();
	}
	diags_free(&d);
	return t;
}

char *
fz_cstr(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static void
unclean(const char *s, size_t n, size_t at, const char *what,
    const char *why)
{
	size_t from = at > 40 ? at - 40 : 0;

	fprintf(stderr, "fuzz: %s at byte %zu of %s: ", why, at, what);
	for (size_t i = from; i < n && i < at + 8; i++)
		fprintf(stderr, "%s%02X", i == at ? "[" : " ",
		    (unsigned char)s[i]);
	fputs("]\n", stderr);
	abort();
}

void
fz_assert_clean(const char *s, size_t n, const char *what)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = u[i], cp, w;

		if (c < 0x80) {
			if ((c < 0x20 && c != '\n') || c == 0x7F)
				unclean(s, n, i, what, "control character");
			i++;
			continue;
		}
		w = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 :
		    c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		if (w == 0 || i + w > n)
			unclean(s, n, i, what, "invalid UTF-8");
		cp = c & (0xFF >> (w + 1));
		for (size_t k = 1; k < w; k++) {
			if ((u[i + k] & 0xC0) != 0x80)
				unclean(s, n, i, what, "invalid UTF-8");
			cp = cp << 6 | (u[i + k] & 0x3F);
		}
		if ((w == 3 && cp < 0x800) || (w == 4 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			unclean(s, n, i, what, "invalid UTF-8");
		if (cp >= 0x80 && cp < 0xA0)
			unclean(s, n, i, what, "C1 control character");
		i += w;
	}
}
