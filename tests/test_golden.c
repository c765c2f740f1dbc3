/* SPDX-License-Identifier: MIT */
/* test_golden.c - golden screens: the curses front end's screens compared exactly with tests/golden/ */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screenutil.h"
#include "testutil.h"

TestSuite(golden);

/* ---- golden screens ---- */

/*
 * Each golden file under tests/golden/ is one screen exactly as the
 * terminal shows it (trailing blanks dropped). To make them again after a
 * change that is meant to alter a screen:
 *   KW_GOLDEN_UPDATE=1 make check TESTS=tests/test_golden
 * then read `git diff tests/golden/` before committing.
 */
enum golden_at {
	AT_KEY, AT_ERRORS, AT_STEP, AT_HELP, AT_OUTCOME, AT_QUIT, AT_SEARCH,
	AT_PEEK, AT_NOTE, AT_CALLER, AT_PRACTICE_HELP, AT_PRACTICE_ASKED,
	AT_SCORE, AT_PICK, AT_PICK_FILTER
};

static const struct golden {
	const char *file;
	const char *lang;
	int lines, cols;
	enum golden_at at;
} goldens[] = {
	{ "key-80x24-en", "en", 24, 80, AT_KEY },
	{ "key-80x24-fr", "fr", 24, 80, AT_KEY },
	{ "errors-80x24-en", "en", 24, 80, AT_ERRORS },
	{ "errors-40x12-en", "en", 12, 40, AT_ERRORS },
	{ "errors-40x12-fr", "fr", 12, 40, AT_ERRORS },
	{ "step-40x12-fr", "fr", 12, 40, AT_STEP },
	{ "help-80x24-en", "en", 24, 80, AT_HELP },
	{ "help-40x12-fr", "fr", 12, 40, AT_HELP },
	{ "outcome-80x24-fr", "fr", 24, 80, AT_OUTCOME },
	{ "quit-80x24-fr", "fr", 24, 80, AT_QUIT },
	{ "search-40x12-en", "en", 12, 40, AT_SEARCH },
	{ "peek-80x24-en", "en", 24, 80, AT_PEEK },
	{ "note-40x12-fr", "fr", 12, 40, AT_NOTE },
	{ "caller-80x24-en", "en", 24, 80, AT_CALLER },
	{ "practice-help-end-80x24-fr", "fr", 24, 80, AT_PRACTICE_HELP },
	{ "practice-asked-80x24-en", "en", 24, 80, AT_PRACTICE_ASKED },
	{ "score-80x24-en", "en", 24, 80, AT_SCORE },
	{ "pick-80x24-en", "en", 24, 80, AT_PICK },
	{ "pick-80x24-fr", "fr", 24, 80, AT_PICK_FILTER },
	{ "pick-40x12-en", "en", 12, 40, AT_PICK_FILTER },
	{ "pick-40x12-fr", "fr", 12, 40, AT_PICK }
};

/* A line-by-line diff of two screens (they have as many lines). */
static char *
screen_diff(const char *want, const char *got)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	int y = 1;

	cr_assert_not_null(fp);
	while (*want != '\0' || *got != '\0') {
		size_t wn = strcspn(want, "\n"), gn = strcspn(got, "\n");

		if (wn != gn || strncmp(want, got, wn) != 0)
			fprintf(fp, "line %d:\n-%.*s\n+%.*s\n", y, (int)wn,
			    want, (int)gn, got);
		want += wn + (want[wn] == '\n');
		got += gn + (got[gn] == '\n');
		y++;
	}
	fclose(fp);
	return out;
}

TU_TABLE_TEST(golden, screen, sizeof goldens / sizeof goldens[0],
    .timeout = 30)
{
	const struct golden *g = &goldens[*ip];
	struct drive d;
	char path[1024], *got, *want;

	if (g->at >= AT_PICK)
		drive_pick(&d, g->lang, g->lines, g->cols);
	else if (g->at >= AT_CALLER)
		drive_practice(&d, g->lang, g->lines, g->cols);
	else
		drive_start(&d, g->lang, g->lines, g->cols);
	switch (g->at) {
	case AT_KEY:
		drive_type(&d, "bcdfg-hjkmp-qrtvw-xy2");
		break;
	case AT_ERRORS:
		drive_to_errors(&d);
		drive_key(&d, FN | KW_K_DOWN);
		break;
	case AT_STEP:
		drive_to_errors(&d);
		drive_key(&d, '9');
		drive_key(&d, FN | KW_K_DOWN);
		drive_key(&d, ' ');
		break;
	case AT_HELP:
		drive_to_errors(&d);
		drive_key(&d, FN | KW_K_F(1));
		break;
	case AT_OUTCOME:
		drive_to_errors(&d);
		drive_key(&d, '9');
		drive_key(&d, '\r');
		drive_key(&d, 'n');
		break;
	case AT_QUIT:
		drive_to_errors(&d);
		drive_key(&d, FN | KW_K_F(10));
		break;
	case AT_SEARCH:
		drive_key(&d, CTRL('F'));
		drive_type(&d, "admin");
		break;
	case AT_PEEK:
		drive_key(&d, CTRL('F'));
		drive_type(&d, "admin role");
		drive_key(&d, '\r');
		break;
	case AT_NOTE:
		drive_to_errors(&d);
		drive_key(&d, '9');
		drive_key(&d, '\r');
		drive_key(&d, 'n');
		drive_key(&d, 'n');
		drive_type(&d, "called back");
		break;
	case AT_CALLER:
		break;
	case AT_PRACTICE_HELP:	/* its end, with the practice keys */
		drive_key(&d, '\r');
		drive_key(&d, FN | KW_K_F(1));
		drive_key(&d, FN | KW_K_PGDN);
		drive_key(&d, FN | KW_K_PGDN);
		break;
	case AT_PRACTICE_ASKED:
		drive_key(&d, '\r');
		drive_key(&d, FN | KW_K_F(3));
		break;
	case AT_SCORE:
		drive_key(&d, '\r');
		drive_key(&d, FN | KW_K_F(10));
		break;
	case AT_PICK:
		drive_key(&d, FN | KW_K_DOWN);
		break;
	case AT_PICK_FILTER:	/* any case, without accents */
		drive_type(&d, strcmp(g->lang, "fr") == 0 ? "REDEMARR" :
		    "vpn");
		break;
	}
	got = drive_show(&d);
	snprintf(path, sizeof path, "%s/tests/golden/%s", KW_SRCDIR, g->file);
	if (getenv("KW_GOLDEN_UPDATE") != NULL) {
		FILE *fp = fopen(path, "w");

		cr_assert_not_null(fp, "cannot write %s", path);
		fputs(got, fp);
		cr_assert_eq(fclose(fp), 0);
	}
	want = tu_slurp(path, NULL);
	if (strcmp(want, got) != 0) {
		char *diff = screen_diff(want, got);

		cr_expect_fail("%s differs from the screen (- golden, + "
		    "now); KW_GOLDEN_UPDATE=1 writes it again:\n%s", g->file,
		    diff);
		free(diff);
	}
	free(want);
	free(got);
	drive_free(&d);
}

