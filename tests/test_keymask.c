/* SPDX-License-Identifier: MIT */
/* test_keymask.c - product keys in free text masked, and masked before they enter a session */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>

#include "interact.h"
#include "keymask.h"
#include "prodkey.h"
#include "session.h"
#include "testutil.h"

#define KEY	"V7QK3-NB8XR-CP4TW-MJ9FH-D2GY6"
#define MASKED	"XXXXX-XXXXX-XXXXX-XXXXX-D2GY6"

/* One test per row of `table`; the body sees the row's index as *ip. */
#define TABLE_TEST(suite, name, table) \
	ParameterizedTestParameters(suite, name) \
	{ \
		return tu_indexes(sizeof table / sizeof table[0]); \
	} \
	ParameterizedTest(size_t *ip, suite, name)

struct row {
	const char *name;
	const char *in;
	const char *out;
};

static const struct row masked_cases[] = {
	{ "alone", KEY, MASKED },
	{ "in a sentence", "the key " KEY ", read twice.",
	    "the key " MASKED ", read twice." },
	{ "lower case, spaces", "key: v7qk3 nb8xr cp4tw mj9fh d2gy6 ok",
	    "key: " MASKED " ok" },
	{ "run together", "V7QK3NB8XRCP4TWMJ9FHD2GY6", MASKED },
	{ "some dashes lost", "V7QK3NB8XR-CP4TW MJ9FHD2GY6", MASKED },
	{ "en dashes with spaces", "V7QK3 – NB8XR – CP4TW – MJ9FH – D2GY6",
	    MASKED },
	{ "tabs and line ends", "V7QK3\tNB8XR\nCP4TW\r\nMJ9FH D2GY6", MASKED },
	{ "zero-width space, soft hyphen, no-break space",
	    "V7QK3\u200bNB8XR\u00adCP4TW\u00a0MJ9FH-D2GY6", MASKED },
	{ "full-width", "Ｖ７ＱＫ３－ＮＢ８ＸＲ－ＣＰ４ＴＷ－ＭＪ９ＦＨ－Ｄ２ＧＹ６",
	    MASKED },
	{ "Cyrillic and Greek look-alikes",
	    "V7Q\u039a3-NB8XR-\u0421P4TW-MJ9FH-D2GY6", MASKED },
	{ "mistyped, impossible characters", "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY0",
	    "XXXXX-XXXXX-XXXXX-XXXXX-D2GY0" },
	{ "between punctuation", "(" KEY ")--\"" KEY "\"",
	    "(" MASKED ")--\"" MASKED "\"" },
	{ "two keys", KEY " and " KEY, MASKED " and " MASKED },
	{ "after invalid UTF-8", "\xff " KEY " \xfe", "\xff " MASKED " \xfe" },
	{ "five five-letter words", "hello world these words match",
	    "XXXXX-XXXXX-XXXXX-XXXXX-MATCH" },
	{ "a five-letter word before it", "hello " KEY,
	    "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-D2GY6" },
	{ "a five-letter word after it", KEY " again",
	    "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-AGAIN" },
	{ "six groups, then a longer word", "hello " KEY " oh, tomorrow",
	    "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-D2GY6 oh, tomorrow" },
	{ "far too long: all masked",
	    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
	    "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX" },
};

TABLE_TEST(keymask, masked, masked_cases)
{
	const struct row *r = &masked_cases[*ip];
	char *out = keymask_text(NULL, r->in);

	cr_assert_str_eq(out, r->out, "%s", r->name);
	free(out);
}

static const char *const kept_cases[] = {
	"",
	"no key here",
	"V7QK3-NB8XR-CP4TW-MJ9FH-D2GY6X",	/* a letter more */
	"V7QK3NB8XRCP4TWMJ9FHD2GY6XY",		/* two more, run together */
	"XV7QK3-NB8XR-CP4TW-MJ9FH-D2GY6",	/* a letter before */
	"V7QK3-NB8XR-CP4TW-MJ9FH",		/* four groups */
	"V7QK3-NB8X-RCP4TW-MJ9FH-D2GY6",	/* a dash out of place */
	"V7QK3     NB8XR-CP4TW-MJ9FH-D2GY6",	/* too far apart */
	"3f2a9b1c-1234-4cde-8f00-0123456789ab",	/* a GUID */
	"鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵鍵",	/* CJK */
	MASKED,					/* masked already */
	"XXXXX-XXXXX-XXXXX-XXXXX-XXXXO",
};

TABLE_TEST(keymask, kept, kept_cases)
{
	char *out = keymask_text(NULL, kept_cases[*ip]);

	cr_assert_str_eq(out, kept_cases[*ip]);
	free(out);
}

Test(keymask, a_run_of_any_length_is_masked_whole)
{
	char in[8001], *out;
	size_t n;

	memset(in, '0', 8000);
	in[8000] = '\0';
	out = keymask_text(NULL, in);
	n = strlen(out);
	cr_assert_eq(n, 8000 + 1599, "%zu", n);
	cr_assert_eq(strspn(out, "X-"), n);
	free(out);
}

Test(keymask, the_format_of_the_tree)
{
	struct kw_keyfmt fmt;
	char *out;

	prodkey_default_format(&fmt);
	fmt.groups = 4;
	fmt.group_length = 4;
	out = keymask_text(&fmt, "id BCDF-GHJK-MPQR-TVWX and " KEY);
	cr_assert_str_eq(out, "id XXXX-XXXX-XXXR-TVWX and " KEY);
	free(out);
}

/* ---- every text entering a session ---- */

static const char *
event_text(const struct kw_session *s, enum kw_event_type type)
{
	const char *text = NULL;

	for (size_t i = 0; i < session_nevents(s); i++)
		if (session_event(s, i)->type == type)
			text = session_event(s, i)->text;
	return text;
}

Test(keymask, a_note_an_answer_and_the_key_enter_the_session_masked)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/session/walk.yaml"));
	struct kw_session *s = session_new(t, 0, tu_fake_clock);
	char *echo;

	session_add_note(s, "caller read v7qk3 nb8xr cp4tw mj9fh d2gy6");
	cr_assert_str_eq(event_text(s, KW_EV_NOTE), "caller read " MASKED);
	cr_assert(interact_note(s, "again: " KEY));
	cr_assert_str_eq(event_text(s, KW_EV_NOTE), "again: " MASKED);
	session_set_key(s, 1, KEY, "summary " KEY);
	cr_assert_str_eq(session_key(s)->masked, MASKED);
	cr_assert_str_eq(session_key(s)->summary, "summary " MASKED);
	cr_assert_str_eq(event_text(s, KW_EV_KEY), MASKED);
	cr_assert_eq(session_answer(s, 0, "pasted " KEY, 0), 0);
	cr_assert_str_eq(session_step(s, 0)->text, "pasted " MASKED);
	cr_assert_str_eq(event_text(s, KW_EV_ANSWER), "pasted " MASKED);
	echo = interact_mask_text(s, "note " KEY);
	cr_assert_str_eq(echo, "note " MASKED);
	free(echo);
	session_free(s);
	tree_free(t);
}
