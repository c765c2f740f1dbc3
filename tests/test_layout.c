/* SPDX-License-Identifier: MIT */
/* test_layout.c - the screens' layout helpers (wrapping, truncation, folding) and the key field (keyfield.c) */
#include "config.h"

#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "keyfield.h"
#include "layout.h"

static void
utf8_locale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		cr_assert_not_null(setlocale(LC_ALL, "en_US.UTF-8"),
		    "no UTF-8 locale");
}

TestSuite(layout, .init = utf8_locale);

/* ---- wrapping ---- */

struct wrap_case {
	const char *name;
	size_t width, indent;
	const char *lead, *text;
	const char *rows[6];	/* NULL-terminated */
};

static const struct wrap_case wraps[] = {
	{ "words", 12, 0, NULL, "one two three four",
	    { "one two", "three four", NULL } },
	{ "a line that fits exactly", 7, 0, NULL, "one two three",
	    { "one two", "three", NULL } },
	/* UAX #14: "?" and ":" never start a line, even after a space */
	{ "French colon", 17, 0, NULL, "Voici le message : cl\xc3\xa9",
	    { "Voici le", "message : cl\xc3\xa9", NULL } },
	{ "the question mark stays with its word", 12, 0, NULL,
	    "Quel message ?",
	    { "Quel", "message ?", NULL } },
	{ "hanging indent", 20, 2, "1) ", "alpha beta gamma delta epsilon",
	    { "  1) alpha beta", "     gamma delta", "     epsilon", NULL } },
	{ "wide characters", 10, 0, NULL,
	    "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97 "
	    "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2"
	    "\xe5\xad\x97",
	    { "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97",
	      "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2",
	      "\xe5\xad\x97", NULL } },
	{ "a wide character never straddles the edge", 5, 0, NULL,
	    "ab\xe6\xbc\xa2\xe5\xad\x97",
	    { "ab\xe6\xbc\xa2", "\xe5\xad\x97", NULL } },
	{ "French typography", 16, 0, NULL,
	    "\xc2\xab Cl\xc3\xa9 d\xc3\xa9j\xc3\xa0 utilis\xc3\xa9" "e \xc2\xbb "
	    "l\xe2\x80\x99\xc3\xa9tape\xe2\x80\xa6",
	    { "\xc2\xab Cl\xc3\xa9 d\xc3\xa9j\xc3\xa0",
	      "utilis\xc3\xa9" "e \xc2\xbb",
	      "l\xe2\x80\x99\xc3\xa9tape\xe2\x80\xa6", NULL } },
	{ "paragraphs and control characters", 20, 0, NULL,
	    "first\n\nsecond\x1b[31m",
	    { "first", "", "second?[31m", NULL } },
	{ "empty text keeps the lead", 20, 0, "Key: ", "",
	    { "Key: ", NULL } },
	{ "no room for the hanging indent", 10, 2, "Who to contact: ",
	    "the reseller",
	    { "Who to co\xe2\x80\xa6", "the", "reseller", NULL } },
	{ "a lead alone on its row ends without its blank", 16, 2, "Why: ",
	    "one two three four",
	    { "  Why:", "  one two three", "  four", NULL } }
};

Test(layout, wrap)
{
	for (size_t i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
		const struct wrap_case *c = &wraps[i];
		struct kw_body b;
		size_t n = 0;

		layout_init(&b, c->width);
		layout_add(&b, c->indent, c->lead, c->text, KW_ST_NORMAL, 7);
		while (c->rows[n] != NULL)
			n++;
		cr_assert_eq(b.n, n, "%s: %zu rows, expected %zu", c->name,
		    b.n, n);
		for (size_t j = 0; j < n; j++) {
			cr_assert_str_eq(b.row[j].s, c->rows[j], "%s: row %zu",
			    c->name, j);
			cr_assert_eq(b.row[j].item, 7);
		}
		layout_free(&b);
	}
}

Test(layout, item_rows_and_line)
{
	struct kw_body b;
	size_t first = 99, last = 99;

	layout_init(&b, 8);
	layout_add(&b, 0, NULL, "heading", KW_ST_HEAD, -1);
	layout_add(&b, 0, "1) ", "one two three", KW_ST_NORMAL, 0);
	layout_add_line(&b, "ABCDE-FGHIJ", KW_ST_FIELD, -1);
	cr_assert_eq(layout_item_rows(&b, 0, &first, &last), 1);
	cr_assert_eq(first, 1);
	cr_assert_eq(last, 3);
	cr_assert_eq(layout_item_rows(&b, 1, &first, &last), 0);
	cr_assert_str_eq(b.row[4].s, "ABCDE-FG");
	cr_assert_eq(b.row[4].style, KW_ST_FIELD);
	layout_clear(&b);
	cr_assert_eq(b.n, 0);
	layout_free(&b);
	layout_free(NULL);
}

/* ---- scrolling ---- */

struct scroll_case {
	size_t top, nrows, height, first, last, want;
};

static const struct scroll_case scrolls[] = {
	{ 0, 30, 10, 12, 13, 4 },	/* down just enough */
	{ 10, 30, 10, 3, 3, 3 },	/* up just enough */
	{ 5, 30, 10, 7, 9, 5 },		/* already in sight */
	{ 7, 5, 10, 2, 2, 0 },		/* everything fits */
	{ 25, 30, 10, 29, 29, 20 },	/* never past the end */
	{ 0, 30, 3, 10, 15, 10 }	/* taller than the window: its top */
};

Test(layout, scroll)
{
	for (size_t i = 0; i < sizeof scrolls / sizeof scrolls[0]; i++) {
		const struct scroll_case *c = &scrolls[i];

		cr_assert_eq(layout_scroll(c->top, c->nrows, c->height,
		    c->first, c->last), c->want, "top %zu first %zu", c->top,
		    c->first);
	}
}

/* ---- truncation ---- */

struct trunc_case {
	const char *s;
	size_t cols;
	int left;
	const char *want;
};

static const struct trunc_case truncs[] = {
	{ "short", 10, 0, "short" },
	{ "exactly10!", 10, 0, "exactly10!" },
	{ "Probl\xc3\xa8mes de cl\xc3\xa9", 8, 0,
	    "Probl\xc3\xa8m\xe2\x80\xa6" },
	{ "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97", 5, 0,
	    "\xe6\xbc\xa2\xe5\xad\x97\xe2\x80\xa6" },
	{ "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97", 4, 0,
	    "\xe6\xbc\xa2\xe2\x80\xa6" },
	{ "abc", 1, 0, "\xe2\x80\xa6" },
	{ "abc", 0, 0, "" },
	{ "Step 4: Key > Error > Admin", 12, 1,
	    "\xe2\x80\xa6ror > Admin" },
	{ "ab\xe6\xbc\xa2\xe5\xad\x97", 4, 1, "\xe2\x80\xa6\xe5\xad\x97" },
	{ "fits", 4, 1, "fits" }
};

Test(layout, truncate)
{
	for (size_t i = 0; i < sizeof truncs / sizeof truncs[0]; i++) {
		const struct trunc_case *c = &truncs[i];
		char *got = c->left ? layout_truncate_left(c->s, c->cols) :
		    layout_truncate(c->s, c->cols);

		cr_assert_str_eq(got, c->want, "\"%s\" in %zu columns", c->s,
		    c->cols);
		free(got);
	}
}

/* ---- folding ---- */

Test(layout, fold)
{
	static const struct {
		const char *s, *want;
	} cases[] = {
		{ "Cl\xc3\xa9 de PRODUIT \xc2\xab d\xc3\xa9j\xc3\xa0 \xc2\xbb  "
		    "utilis\xc3\xa9" "e", "cle de produit \" deja \" utilisee" },
		{ "  isn\xe2\x80\x99t\tvalid\n", "isn't valid" },
		{ "\xef\xbc\xa1\xef\xbc\xa2", "ab" },	/* full-width */
		{ "STRASSE Stra\xc3\x9f" "e", "strasse strasse" },
		{ "", "" }
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = layout_fold(cases[i].s);

		cr_assert_str_eq(got, cases[i].want, "case %zu", i);
		free(got);
	}
	cr_assert_eq(layout_contains("The product key you entered isn't "
	    "valid.", "ISN\xe2\x80\x99T VALID"), 1);
	cr_assert_eq(layout_contains("Cette cl\xc3\xa9 de produit a "
	    "d\xc3\xa9j\xc3\xa0 \xc3\xa9t\xc3\xa9 utilis\xc3\xa9" "e",
	    "DEJA ETE"), 1);
	cr_assert_eq(layout_contains("expired", "used"), 0);
	cr_assert_eq(layout_contains("anything", ""), 1);
}

/* ---- the key field ---- */

struct key_case {
	const char *name;
	const char *input;
	int mask;
	const char *shown;
	size_t cols;
};

static const struct key_case keys[] = {
	{ "dashes come by themselves", "bcdfg", 0, "BCDFG-", 6 },
	{ "typed dashes and spaces are dropped", "bcdfg-hjkmp 2346", 0,
	    "BCDFG-HJKMP-2346", 16 },
	{ "no dash after the last group",
	    "BCDFGHJKMPQRTVWXY2346789B", 0,
	    "BCDFG-HJKMP-QRTVW-XY234-6789B", 29 },
	{ "more than a key", "BCDFGHJKMPQRTVWXY2346789BC", 0,
	    "BCDFG-HJKMP-QRTVW-XY234-6789BC", 30 },
	{ "pasted with quotes and typographic dashes",
	    "\xe2\x80\x9c" "bcdfg\xe2\x80\x93hjkmp\xe2\x80\x94qrtvw\xe2\x80\x9d",
	    0, "BCDFG-HJKMP-QRTVW-", 18 },
	{ "masked", "bcdfgh", 1, "*****-*", 7 },
	{ "impossible characters kept for the marks", "o0s5i", 0,
	    "O0S5I-", 6 },
	{ "a line end in a paste", "bcd\r\nfg", 0, "BCDFG-", 6 }
};

Test(layout, key_show)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const struct key_case *c = &keys[i];
		struct kw_keyfield f;
		char buf[512];
		size_t col[KW_FIELD_MAX + 1], cols;

		memset(&f, 0, sizeof f);
		keyfield_insert(&f, c->input);
		cols = keyfield_show(&f, 5, 5, c->mask, buf, sizeof buf, col);
		cr_assert_str_eq(buf, c->shown, "%s", c->name);
		cr_assert_eq(cols, c->cols, "%s: %zu columns", c->name, cols);
		cr_assert_eq(col[f.n], c->cols, "%s: cursor column", c->name);
		cr_assert_eq(f.cur, f.n);
	}
}

Test(layout, key_editing)
{
	struct kw_keyfield f;
	char buf[512];
	size_t col[KW_FIELD_MAX + 1];

	memset(&f, 0, sizeof f);
	cr_assert_eq(keyfield_insert(&f, "bcdfghjk"), 8);
	keyfield_show(&f, 5, 5, 0, buf, sizeof buf, col);
	cr_assert_eq(col[5], 6, "the dash takes a column");
	f.cur = 2;
	cr_assert_eq(keyfield_backspace(&f), 1);	/* drops C */
	cr_assert_eq(keyfield_delete(&f), 1);		/* drops D */
	keyfield_text(&f, buf, sizeof buf);
	cr_assert_str_eq(buf, "BFGHJK");
	cr_assert_eq(f.cur, 1);
	keyfield_insert(&f, "x");
	keyfield_text(&f, buf, sizeof buf);
	cr_assert_str_eq(buf, "BXFGHJK");
	cr_assert_eq(f.cur, 2);
	f.cur = 0;
	cr_assert_eq(keyfield_backspace(&f), 0);
	f.cur = f.n;
	cr_assert_eq(keyfield_delete(&f), 0);
	keyfield_wipe(&f);
	cr_assert_eq(f.n, 0);
	cr_assert_eq(f.cell[0][0], '\0');
}

Test(layout, key_field_is_bounded)
{
	struct kw_keyfield f;
	char big[200];

	memset(&f, 0, sizeof f);
	memset(big, 'b', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cr_assert_eq(keyfield_insert(&f, big), KW_FIELD_MAX);
	cr_assert_eq(f.n, KW_FIELD_MAX);
	cr_assert_eq(keyfield_insert(&f, "c"), 0);
}

Test(layout, key_field_wide_characters)
{
	struct kw_keyfield f;
	char buf[512];
	size_t col[KW_FIELD_MAX + 1];

	memset(&f, 0, sizeof f);
	/* full-width B and C: two columns each, normalised later by prodkey */
	keyfield_insert(&f, "\xef\xbc\xa2\xef\xbc\xa3" "d");
	cr_assert_eq(keyfield_show(&f, 5, 5, 0, buf, sizeof buf, col), 5);
	cr_assert_eq(col[1], 2);
	cr_assert_eq(col[2], 4);
	cr_assert_eq(col[3], 5);
}

Test(layout, a_url_never_gets_an_indent_inside_it)
{
	struct kw_body b;
	const char *url = "https://www.microsoft.com/licensing/servicecenter";

	layout_init(&b, 80);
	layout_add_url(&b, 2, "Link: ", url, KW_ST_NORMAL, -1);
	cr_assert_eq(b.n, 1);
	cr_assert_str_eq(b.row[0].s,
	    "  Link: https://www.microsoft.com/licensing/servicecenter");
	layout_free(&b);

	layout_init(&b, 39);
	layout_add_url(&b, 2, "Link: ", url, KW_ST_NORMAL, -1);
	cr_assert_str_eq(b.row[0].s, "  Link:");
	cr_assert_eq(strncmp(b.row[1].s, "https://www.microsoft.com", 25), 0,
	    "%s", b.row[1].s);
	for (size_t i = 2; i < b.n; i++)
		cr_assert_neq(b.row[i].s[0], ' ', "%s", b.row[i].s);
	layout_free(&b);
}
