/* SPDX-License-Identifier: MIT */
/* test_diag.c - diagnostics and messages quoting outside data: nothing reaches the terminal raw */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

#define OSC0	"\033]0;PWNED\007"
#define OSC52	"\033]52;c;cm0gLXJmIH4=\033\\"
#define CSI	"\302\233"		/* U+009B */
#define RLO	"\342\200\256"		/* U+202E, a bidi override */

/* Whether `s` holds a byte or a character a terminal would act on. */
static int
raw(const char *s)
{
	return strpbrk(s, "\033\007\r\b\x7f") != NULL || strstr(s, CSI) != NULL
	    || strstr(s, RLO) != NULL;
}

static char *
print_diags(const char *file, const char *msg)
{
	struct kw_diags d;
	struct kw_pos pos = { 3, 5 };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(out);
	diags_init(&d, file);
	diags_add(&d, KW_SEV_ERROR, pos, "unknown node '%s'", msg);
	diags_print(&d, out);
	diags_free(&d);
	fclose(out);
	return buf;
}

Test(diag, a_hostile_file_name_and_message_print_cleaned)
{
	char *out = print_diags("x" OSC0 CSI ".yaml", "a" OSC52 RLO "b\rc");

	cr_assert_not(raw(out), "%s", out);
	cr_assert_str_eq(out, "x?]0;PWNED?" "?.yaml:3:5: error: unknown node "
	    "'a?]52;c;cm0gLXJmIH4=?\\?b?c'\n");
	free(out);
}

Test(diag, a_message_quoting_a_record_prints_cleaned)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(out);
	diag_printf(out, "%s: cannot resume: %s\n", "keywiz",
	    "the record is for the tree 'id" OSC0 "'");
	fclose(out);
	cr_assert_not(raw(buf), "%s", buf);
	cr_assert_str_eq(buf, "keywiz: cannot resume: the record is for the "
	    "tree 'id?]0;PWNED?'\n");
	free(buf);
}

Test(diag, plain_text_and_utf8_pass_untouched)
{
	char *out = print_diags("arbre-é.yaml", "l’étape « un »");

	cr_assert_str_eq(out, "arbre-é.yaml:3:5: error: unknown node "
	    "'l’étape « un »'\n");
	free(out);
}
