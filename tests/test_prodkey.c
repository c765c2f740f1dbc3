/* SPDX-License-Identifier: MIT */
/* test_prodkey.c - product-key normalisation, impossible characters, kinds, masking */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "input.h"
#include "i18n.h"
#include "prodkey.h"
#include "testutil.h"

/* A made-up key in the default alphabet, with one N. */
#define KEY	"V7QK3-NB8XR-CP4TW-MJ9FH-D2GY6"
#define NORM	"V7QK3NB8XRCP4TWMJ9FHD2GY6"
#define MASKED	"XXXXX-XXXXX-XXXXX-XXXXX-D2GY6"

static struct kw_keyfmt fmt;

static void
setup(void)
{
	prodkey_default_format(&fmt);
}

/* One test per row of `table`; the body sees the row's index as *ip. */
#define TABLE_TEST(suite, name, table) \
	TU_TABLE_TEST(suite, name, sizeof table / sizeof table[0], \
	    .init = setup)

/* ---- valid keys, typed many ways ---- */

struct typed {
	const char *name;
	const char *input;
};

static const struct typed valid_typed_cases[] = {
	{ "as printed", KEY },
	{ "lower case", "v7qk3-nb8xr-cp4tw-mj9fh-d2gy6" },
	{ "mixed case", "v7Qk3-nB8xR-cP4tW-mJ9fH-d2Gy6" },
	{ "no dashes", NORM },
	{ "spaces", "V7QK3 NB8XR CP4TW MJ9FH D2GY6" },
	{ "odd spacing", "  V7Q K3NB 8XRCP4T  WMJ9FHD2GY6\t" },
	{ "en dashes", "V7QK3–NB8XR–CP4TW–MJ9FH–D2GY6" },
	{ "em dashes", "V7QK3—NB8XR—CP4TW—MJ9FH—D2GY6" },
	{ "minus signs", "V7QK3−NB8XR−CP4TW−MJ9FH−D2GY6" },
	{ "hyphens U+2010", "V7QK3‐NB8XR‐CP4TW‐MJ9FH‐D2GY6" },
	{ "non-breaking hyphens", "V7QK3‑NB8XR‑CP4TW‑MJ9FH‑D2GY6" },
	{ "full-width hyphens", "V7QK3－NB8XR－CP4TW－MJ9FH－D2GY6" },
	{ "dashes with spaces", "V7QK3 - NB8XR – CP4TW — MJ9FH - D2GY6" },
	{ "no-break spaces", "V7QK3\u00a0NB8XR\u00a0CP4TW\u202fMJ9FH\u00a0D2GY6" },
	{ "zero-width space, soft hyphen", "V7QK3\u200bNB8XR\u00adCP4TW-MJ9FH-D2GY6" },
	{ "full-width", "Ｖ７ＱＫ３－ＮＢ８ＸＲ－ＣＰ４ＴＷ－ＭＪ９ＦＨ－Ｄ２ＧＹ６" },
	{ "full-width lower case", "ｖ７ｑｋ３ ｎｂ８ｘｒ ｃｐ４ｔｗ ｍｊ９ｆｈ ｄ２ｇｙ６" },
	{ "ideographic spaces", "V7QK3\u3000NB8XR\u3000CP4TW\u3000MJ9FH\u3000D2GY6" },
	{ "double quotes", "\"" KEY "\"" },
	{ "single quotes", "'" KEY "'" },
	{ "curly quotes", "“" KEY "”" },
	{ "curly single quotes", "‘" KEY "’" },
	{ "guillemets", "« " KEY " »" },
	{ "low-high quotes", "„" KEY "“" },
	{ "backticks", "`" KEY "`" },
	{ "full-width quotes", "＂" KEY "＂" },
	{ "quotes in quotes", " \"« " KEY " »\" " },
	{ "Cyrillic C and Greek K", "V7Q\u039a3-NB8XR-\u0421P4TW-MJ9FH-D2GY6" },
	{ "CRLF left over", KEY "\r" },
};

TABLE_TEST(prodkey, valid_typed, valid_typed_cases)
{
	const struct typed *p = &valid_typed_cases[*ip];
	struct kw_keycheck k;
	char buf[128];

	cr_assert_eq(prodkey_analyse(&fmt, p->input, &k), KW_KEY_VALID,
	    "%s: verdict %d", p->name, k.verdict);
	cr_assert_eq(k.kind, KW_KIND_KEY, "%s", p->name);
	cr_assert_str_eq(k.norm, NORM, "%s", p->name);
	cr_assert_eq(k.len, 25);
	cr_assert_eq(k.total, 25);
	cr_assert_eq(k.expected, 25);
	cr_assert_eq(k.nbad, 0, "%s: %zu bad, first %s", p->name, k.nbad,
	    k.nbad ? k.bad[0].ch : "");
	cr_assert_eq(k.n_count, 1);
	cr_assert_eq(k.n_warning, 0);
	prodkey_format(&fmt, &k, buf, sizeof buf);
	cr_assert_str_eq(buf, KEY);
	prodkey_mask(&fmt, &k, buf, sizeof buf);
	cr_assert_str_eq(buf, MASKED);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, "Well-formed key: 25 characters, all of them "
	    "possible in a product key.");
}

/* ---- length ---- */

struct length {
	const char *input;
	size_t total;
	const char *summary;
};

static const struct length length_cases[] = {
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY", 24,
	  "Not a valid key: 24 characters instead of 25." },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY6B", 26,
	  "Not a valid key: 26 characters instead of 25." },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH", 20,
	  "Not a valid key: 20 characters instead of 25." },
	{ "7", 1,
	  "Not a valid key: 1 character instead of 25." },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY6-V7QK3-BB", 32,
	  "Not a valid key: 32 characters instead of 25." },
};

TABLE_TEST(prodkey, length, length_cases)
{
	const struct length *p = &length_cases[*ip];
	struct kw_keycheck k;
	char buf[256];

	cr_assert_eq(prodkey_analyse(&fmt, p->input, &k), KW_KEY_INVALID);
	cr_assert_eq(k.kind, KW_KIND_KEY);
	cr_assert_eq(k.total, p->total);
	cr_assert_eq(k.nbad, 0);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, p->summary);
}

/* The exact masks of keys of other lengths: the last five characters at
 * most, and never more than half of what was typed. */
struct mask {
	const char *input;
	const char *masked;
};

static const struct mask mask_cases[] = {
	{ KEY, MASKED },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY", "XXXXX-XXXXX-XXXXX-XXXXH-D2GY" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY6B", "XXXXX-XXXXX-XXXXX-XXXXX-X2GY6-B" },
	{ "V7QK3-NB8XR", "XXXXX-NB8XR" },
	{ "V7QK3-NB8XR-C", "XXXXX-XB8XR-C" },
	{ "V7QK3-NB8XR-CP4", "XXXXX-XXXXR-CP4" },
	{ "V7Q", "XXQ" },
	{ "7", "X" },
	{ "", "" },
	{ "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
	  "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XX" },
	{ "bob@contoso.com", "XXXXX-XXXXX-XXXXX" },
};

/* Non-X, non-dash characters in a masked key. */
static size_t
shown(const char *m)
{
	size_t n = 0;

	for (; *m != '\0'; m++)
		if (*m != 'X' && *m != '-')
			n++;
	return n;
}

TABLE_TEST(prodkey, mask, mask_cases)
{
	const struct mask *p = &mask_cases[*ip];
	struct kw_keycheck k;
	char buf[256];

	prodkey_analyse(&fmt, p->input, &k);
	prodkey_mask(&fmt, &k, buf, sizeof buf);
	cr_assert_str_eq(buf, p->masked, "%s: got %s", p->input, buf);
	cr_assert_leq(shown(buf), 5);
	cr_assert_leq(shown(buf), k.len / 2);
}

Test(prodkey, mask_small_buffer, .init = setup)
{
	struct kw_keycheck k;
	char buf[8];

	prodkey_analyse(&fmt, KEY, &k);
	prodkey_mask(&fmt, &k, buf, sizeof buf);
	cr_assert_str_eq(buf, "XXXXX-X");
	prodkey_mask(&fmt, &k, buf, 1);
	cr_assert_str_eq(buf, "");
}

Test(prodkey, mask_never_more_than_five, .init = setup)
{
	/* every length from 0 to 60: at most 5 shown, at most half */
	char in[64], buf[256];
	struct kw_keycheck k;

	for (size_t n = 0; n <= 60; n++) {
		for (size_t i = 0; i < n; i++)
			in[i] = "BCDFGHJKMNPQRTVWXY2346789"[i % 25];
		in[n] = '\0';
		prodkey_analyse(&fmt, in, &k);
		prodkey_mask(&fmt, &k, buf, sizeof buf);
		cr_assert_leq(shown(buf), 5, "length %zu: %s", n, buf);
		cr_assert_leq(shown(buf), n / 2, "length %zu: %s", n, buf);
		prodkey_wipe(&k);
	}
}

/* ---- impossible characters: position and look-alikes ---- */

struct bad {
	const char *input;
	unsigned group, place;
	const char *ch;
	enum kw_key_problem problem;
	const char *lookalikes;
};

static const struct bad impossible_cases[] = {
	{ "V7QK3-NBOXR-CP4TW-MJ9FH-D2GY6", 2, 3, "O", KW_BAD_IMPOSSIBLE, "DQ" },
	{ "V7QK3-NB0XR-CP4TW-MJ9FH-D2GY6", 2, 3, "0", KW_BAD_IMPOSSIBLE, "DQ" },
	{ "o7QK3-NB8XR-CP4TW-MJ9FH-D2GY6", 1, 1, "o", KW_BAD_IMPOSSIBLE, "DQ" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY1", 5, 5, "1", KW_BAD_IMPOSSIBLE, "JT7" },
	{ "V7QK3-NB8XR-CPITW-MJ9FH-D2GY6", 3, 3, "I", KW_BAD_IMPOSSIBLE, "JT7" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2Gl6", 5, 4, "l", KW_BAD_IMPOSSIBLE, "JT7" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GL6", 5, 4, "L", KW_BAD_IMPOSSIBLE, "JT7" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2G5Y", 5, 4, "5", KW_BAD_IMPOSSIBLE, "68B" },
	{ "V7QK3-NB8XR-CP4TW-SJ9FH-D2GY6", 4, 1, "S", KW_BAD_IMPOSSIBLE, "8B" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GYs", 5, 5, "s", KW_BAD_IMPOSSIBLE, "8B" },
	{ "V7QKA-NB8XR-CP4TW-MJ9FH-D2GY6", 1, 5, "A", KW_BAD_IMPOSSIBLE, "4" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FE-D2GY6", 4, 5, "E", KW_BAD_IMPOSSIBLE, "F3" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-DUGY6", 5, 2, "U", KW_BAD_IMPOSSIBLE, "VW" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-DZGY6", 5, 2, "Z", KW_BAD_IMPOSSIBLE, "27" },
	/* full-width O, Cyrillic O: read as O */
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GYＯ", 5, 5, "O", KW_BAD_IMPOSSIBLE, "DQ" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY\u041e", 5, 5, "\u041e", KW_BAD_IMPOSSIBLE, "DQ" },
	/* 2, 7, 9 typed without Shift on a French keyboard */
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-Dé3Y6", 5, 2, "é", KW_BAD_FOREIGN, "2" },
	{ "V7QK3-NB8XR-CPèTW-MJ9FH-D2GY6", 3, 3, "è", KW_BAD_FOREIGN, "7" },
	{ "V7QK3-NB8XR-CP4TW-MJçFH-D2GY6", 4, 3, "ç", KW_BAD_FOREIGN, "9" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH.D2GY6", 5, 1, ".", KW_BAD_FOREIGN, "" },
	{ "V7QK3*NB8XR-CP4TW-MJ9FH-D2GY", 2, 1, "*", KW_BAD_FOREIGN, "" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY\x01", 5, 5, "\xef\xbf\xbd", KW_BAD_FOREIGN, "" },
};

TABLE_TEST(prodkey, impossible, impossible_cases)
{
	const struct bad *p = &impossible_cases[*ip];
	struct kw_keycheck k;

	cr_assert_eq(prodkey_analyse(&fmt, p->input, &k), KW_KEY_INVALID);
	cr_assert_eq(k.kind, KW_KIND_KEY);
	cr_assert_eq(k.nbad, 1, "%s: %zu bad", p->input, k.nbad);
	cr_assert_eq(k.nbad_total, 1);
	cr_assert_eq(k.bad[0].group, p->group, "%s: group %u", p->input,
	    k.bad[0].group);
	cr_assert_eq(k.bad[0].place, p->place, "%s: place %u", p->input,
	    k.bad[0].place);
	cr_assert_eq(k.bad[0].pos, (p->group - 1) * 5 + p->place - 1);
	cr_assert_str_eq(k.bad[0].ch, p->ch);
	cr_assert_eq(k.bad[0].problem, p->problem);
	cr_assert_not_null(k.bad[0].lookalikes);
	cr_assert_str_eq(k.bad[0].lookalikes, p->lookalikes);
}

Test(prodkey, several_impossible, .init = setup)
{
	struct kw_keycheck k;
	char buf[256];

	prodkey_analyse(&fmt, "V7OK3-NB8XR-CP4TW-S19FH-D2GY6", &k);
	cr_assert_eq(k.nbad, 3);
	cr_assert_str_eq(k.bad[0].ch, "O");
	cr_assert_eq(k.bad[0].group, 1);
	cr_assert_eq(k.bad[0].place, 3);
	cr_assert_str_eq(k.bad[1].ch, "S");
	cr_assert_eq(k.bad[1].group, 4);
	cr_assert_eq(k.bad[1].place, 1);
	cr_assert_str_eq(k.bad[2].ch, "1");
	cr_assert_eq(k.bad[2].group, 4);
	cr_assert_eq(k.bad[2].place, 2);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, "Not a valid key: 3 impossible characters: "
	    "O at 1.3, S at 4.1, 1 at 4.2.");

	/* and a length problem at the same time, more than four named */
	prodkey_analyse(&fmt, "OOOOO-OOOOO", &k);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, "Not a valid key: 10 characters instead of "
	    "25; 10 impossible characters: O at 1.1, O at 1.2, O at 1.3, "
	    "O at 1.4, …");
}

Test(prodkey, custom_alphabet)
{
	struct kw_keyfmt digits = { .groups = 2, .group_length = 3,
	    .alphabet = "0123456789" };
	struct kw_keycheck k;

	cr_assert_eq(prodkey_analyse(&digits, "123-456", &k), KW_KEY_VALID);
	cr_assert_eq(prodkey_analyse(&digits, "12O-4S6", &k), KW_KEY_INVALID);
	cr_assert_eq(k.nbad, 2);
	cr_assert_str_eq(k.bad[0].lookalikes, "0");
	cr_assert_eq(k.bad[1].group, 2);
	cr_assert_eq(k.bad[1].place, 2);
	cr_assert_str_eq(k.bad[1].lookalikes, "85");
	/* N is not counted where the alphabet has none: it is impossible */
	cr_assert_eq(prodkey_analyse(&digits, "1N3-456", &k), KW_KEY_INVALID);
	cr_assert_eq(k.n_count, 0);
	cr_assert_eq(k.nbad, 1);
	cr_assert_str_eq(k.bad[0].lookalikes, "");
}

Test(prodkey, null_format_is_default)
{
	struct kw_keycheck k;

	cr_assert_eq(prodkey_analyse(NULL, KEY, &k), KW_KEY_VALID);
	cr_assert_eq(k.expected, 25);
}

/* ---- N count ---- */

struct ncount {
	const char *input;
	unsigned n;
	enum kw_key_verdict verdict;
	const char *summary;
};

static const struct ncount n_count_cases[] = {
	{ "V7QK3-BB8XR-CP4TW-MJ9FH-D2GY6", 0, KW_KEY_VALID,
	  "Well-formed key: 25 characters, all of them possible in a "
	  "product key." },
	{ KEY, 1, KW_KEY_VALID,
	  "Well-formed key: 25 characters, all of them possible in a "
	  "product key." },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GYN", 2, KW_KEY_DOUBTFUL,
	  "Well-formed key, but N occurs 2 times; keys usually have "
	  "at most one." },
	{ "nnnnn-NB8XR-CP4TW-MJ9FH-D2GY6", 6, KW_KEY_DOUBTFUL,
	  "Well-formed key, but N occurs 6 times; keys usually have "
	  "at most one." },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-D2GYN6", 2, KW_KEY_INVALID,
	  "Not a valid key: 26 characters instead of 25; N occurs 2 "
	  "times." },
};

TABLE_TEST(prodkey, n_count, n_count_cases)
{
	const struct ncount *p = &n_count_cases[*ip];
	struct kw_keycheck k;
	char buf[256];

	cr_assert_eq(prodkey_analyse(&fmt, p->input, &k), p->verdict);
	cr_assert_eq(k.n_count, p->n);
	cr_assert_eq(k.n_warning, p->n > 1);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, p->summary);
}

/* ---- things that are not keys ---- */

struct kind {
	const char *input;
	enum kw_key_kind kind;
	const char *summary;
};

static const struct kind kind_cases[] = {
	{ "", KW_KIND_EMPTY, "No key was typed." },
	{ "   ", KW_KIND_EMPTY, "No key was typed." },
	{ " - – ", KW_KIND_EMPTY, "No key was typed." },
	{ "\"\"", KW_KIND_EMPTY, "No key was typed." },
	{ "3f2504e0-4f89-11d3-9a0c-0305e82c3301", KW_KIND_GUID,
	  "This is a GUID (such as a subscription or tenant ID), not "
	  "a product key." },
	{ "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", KW_KIND_GUID,
	  "This is a GUID (such as a subscription or tenant ID), not "
	  "a product key." },
	{ "\"3F2504E0-4F89-11D3-9A0C-0305E82C3301\"", KW_KIND_GUID,
	  "This is a GUID (such as a subscription or tenant ID), not "
	  "a product key." },
	{ "admin@contoso.onmicrosoft.com", KW_KIND_EMAIL,
	  "This is an e-mail address, not a product key." },
	{ "<bob@contoso.com>", KW_KIND_EMAIL,
	  "This is an e-mail address, not a product key." },
	{ "https://office.com/setup", KW_KIND_URL,
	  "This is a web address, not a product key." },
	{ "HTTP://EXAMPLE.COM", KW_KIND_URL,
	  "This is a web address, not a product key." },
	{ "www.office.com/setup", KW_KIND_URL,
	  "This is a web address, not a product key." },
	{ KEY " " KEY, KW_KIND_TOO_LONG,
	  "Far too long for a product key: 50 characters instead of "
	  "25." },
	{ KEY "-V7QK3-NB8XR-CP4", KW_KIND_TOO_LONG,
	  "Far too long for a product key: 38 characters instead of "
	  "25." },
};

TABLE_TEST(prodkey, kind, kind_cases)
{
	const struct kind *p = &kind_cases[*ip];
	struct kw_keycheck k;
	char buf[256];

	cr_assert_eq(prodkey_analyse(&fmt, p->input, &k), KW_KEY_INVALID);
	cr_assert_eq(k.kind, p->kind, "%s: kind %d", p->input, k.kind);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, p->summary);
}

Test(prodkey, huge_input, .init = setup)
{
	size_t n = 100000;
	char *in = malloc(n + 1);
	struct kw_keycheck k;

	cr_assert_not_null(in);
	memset(in, 'B', n);
	in[n] = '\0';
	cr_assert_eq(prodkey_analyse(&fmt, in, &k), KW_KEY_INVALID);
	cr_assert_eq(k.kind, KW_KIND_TOO_LONG);
	cr_assert_eq(k.len, 0);
	free(in);
}

Test(prodkey, invalid_utf8, .init = setup)
{
	struct kw_keycheck k;

	cr_assert_eq(prodkey_analyse(&fmt, "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY\xff",
	    &k), KW_KEY_INVALID);
	cr_assert_eq(k.total, 25);
	cr_assert_eq(k.nbad, 1);
	cr_assert_eq(k.bad[0].problem, KW_BAD_FOREIGN);
	cr_assert_str_eq(k.bad[0].ch, "\xef\xbf\xbd");
}

Test(prodkey, wipe, .init = setup)
{
	struct kw_keycheck k;
	static const struct kw_keycheck zero;

	prodkey_analyse(&fmt, KEY, &k);
	prodkey_wipe(&k);
	cr_assert(memcmp(&k, &zero, sizeof k) == 0);
}

Test(prodkey, lookalikes_text)
{
	char buf[64];

	prodkey_lookalikes_text("DQ", buf, sizeof buf);
	cr_assert_str_eq(buf, "D or Q");
	prodkey_lookalikes_text("JT7", buf, sizeof buf);
	cr_assert_str_eq(buf, "J, T or 7");
	prodkey_lookalikes_text("4", buf, sizeof buf);
	cr_assert_str_eq(buf, "4");
	prodkey_lookalikes_text("", buf, sizeof buf);
	cr_assert_str_eq(buf, "");
}

/* ---- French ---- */

static void
french(void)
{
	setenv("KEYWIZ_LOCALEDIR", KW_BUILDDIR "/locale", 0);
	i18n_init("fr");
	prodkey_default_format(&fmt);
}

Test(prodkey, summary_fr, .init = french)
{
	struct kw_keycheck k;
	char buf[256];

	prodkey_analyse(&fmt, "V7OK3-NB8XR-CP4TW-S19FH-D2GY", &k);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, "Clé non valide : 24 caractères au lieu de "
	    "25 ; 3 caractères impossibles : O en 1.3, S en 4.1, 1 en 4.2.");
	prodkey_analyse(&fmt, KEY, &k);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, "Clé bien formée : 25 caractères, tous "
	    "possibles dans une clé de produit.");
	prodkey_analyse(&fmt, "bob@contoso.com", &k);
	prodkey_summary(&k, buf, sizeof buf);
	cr_assert_str_eq(buf, "C’est une adresse e-mail, pas une clé de "
	    "produit.");
	prodkey_lookalikes_text("JT7", buf, sizeof buf);
	cr_assert_str_eq(buf, "J, T ou 7");
}

/* ---- --check-key and reading the key from standard input ---- */

struct cmdcase {
	const char *key;
	int status;
	const char *out;
};

static const struct cmdcase cmd_key_cases[] = {
	{ KEY, 0,
	  "Key: XXXXX-XXXXX-XXXXX-XXXXX-D2GY6\n"
	  "Well-formed key: 25 characters, all of them possible in a "
	  "product key.\n" },
	{ "v7qk3 nb8xr cp4tw mj9fh d2gyn", 0,
	  "Key: XXXXX-XXXXX-XXXXX-XXXXX-D2GYN\n"
	  "Well-formed key, but N occurs 2 times; keys usually have at "
	  "most one.\n"
	  "Check the key with whoever issued it: an unusual count of N "
	  "is a warning, not an error.\n" },
	{ "V7OK3-NB8XR-CP4TW-S19FH-D2GY", 1,
	  "Key: XXOXX-XXXXX-XXXXX-S1XXH-D2GY\n"
	  "       ^" "               ^^\n"
	  "Not a valid key: 24 characters instead of 25; 3 impossible "
	  "characters: O at 1.3, S at 4.1, 1 at 4.2.\n"
	  "A product key has 25 characters: 5 groups of 5.\n"
	  "  1.3  O  never occurs in a product key; it may be D or Q\n"
	  "  4.1  S  never occurs in a product key; it may be 8 or B\n"
	  "  4.2  1  never occurs in a product key; it may be J, T or "
	  "7\n" },
	{ "V7QK3-NB8XR-CP4TW-MJ9FH-Dé3Y6", 1,
	  "Key: XXXXX-XXXXX-XXXXX-XXXXX-Dé3Y6\n"
	  "     " "                         ^\n"
	  "Not a valid key: 1 impossible character: é at 5.2.\n"
	  "  5.2  é  is not a character of a product key; it may be 2\n" },
	{ "3f2504e0-4f89-11d3-9a0c-0305e82c3301", 1,
	  "This is a GUID (such as a subscription or tenant ID), not a "
	  "product key.\n" },
	{ "", 1, "No key was typed.\n" },
};

TABLE_TEST(prodkey, cmd_key, cmd_key_cases)
{
	const struct cmdcase *p = &cmd_key_cases[*ip];
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int status;

	cr_assert_not_null(out);
	status = cmd_key(NULL, p->key, out);
	fclose(out);
	cr_assert_eq(status, p->status);
	cr_assert_str_eq(buf, p->out);
	free(buf);
}

/* The full key never appears in the output: no six characters of the
 * normalised key in a row, whatever the input. */
Test(prodkey, cmd_key_never_prints_the_key)
{
	static const char *const inputs[] = {
		KEY, "v7qk3nb8xrcp4twmj9fhd2gy6", "V7QK3-NB8XR-CP4TW-MJ9FH-D2GY",
		"V7QK3-NB8XR-CP4TW-MJ9FH-D2GY6B", "V7QK3-NB8XR-CP4TW-MJ9FH-D2GYOO",
		KEY " " KEY,
	};

	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);

		cmd_key(NULL, inputs[i], out);
		fclose(out);
		for (size_t j = 0; j + 6 <= strlen(NORM); j++) {
			char window[7];

			memcpy(window, NORM + j, 6);
			window[6] = '\0';
			cr_assert_null(strstr(buf, window), "%s shows %s:\n%s",
			    inputs[i], window, buf);
		}
		free(buf);
	}
}

Test(prodkey, cmd_key_tree_format)
{
	struct kw_tree *t = tree_new();
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	t->has_keyfmt = 1;
	t->keyfmt.groups = 2;
	t->keyfmt.group_length = 4;
	snprintf(t->keyfmt.alphabet, sizeof t->keyfmt.alphabet, "ABCD");
	cr_assert_eq(cmd_key(t, "abcd-dcba", out), 0);
	cr_assert_eq(cmd_key(t, "abcd-dcb", out), 1);
	fclose(out);
	cr_assert_str_eq(buf,
	    "Key: XXXX-DCBA\n"
	    "Well-formed key: 8 characters, all of them possible in a "
	    "product key.\n"
	    "Key: XXXX-DCB\n"
	    "Not a valid key: 7 characters instead of 8.\n"
	    "A product key has 8 characters: 2 groups of 4.\n");
	free(buf);
	tree_free(t);
}

struct readcase {
	const char *input;
	size_t max;
	const char *line;	/* NULL: end of input */
	const char *rest;	/* what is left to read */
};

static const struct readcase read_line_cases[] = {
	{ KEY "\n", 100, KEY, "" },
	{ KEY "\r\nmore\n", 100, KEY, "more\n" },
	{ KEY, 100, KEY, "" },
	{ "\n", 100, "", "" },
	{ "", 100, NULL, "" },
	{ "abcdefgh\nnext", 3, "abc", "next" },
	{ "abcdefgh\nnext", 0, "", "next" },
};

TABLE_TEST(prodkey, read_line, read_line_cases)
{
	const struct readcase *p = &read_line_cases[*ip];
	FILE *fp;
	char rest[64], *line;
	size_t n;

	/* fmemopen() wants a size of at least 1 */
	if (*p->input == '\0')
		fp = fopen("/dev/null", "r");
	else
		fp = fmemopen((void *)p->input, strlen(p->input), "r");
	cr_assert_not_null(fp);
	line = input_line(fp, p->max, NULL);
	if (p->line == NULL)
		cr_assert_null(line);
	else {
		cr_assert_not_null(line);
		cr_assert_str_eq(line, p->line);
	}
	n = fread(rest, 1, sizeof rest - 1, fp);
	rest[n] = '\0';
	cr_assert_str_eq(rest, p->rest);
	free(line);
	fclose(fp);
}

/* A key read from standard input goes through the same analysis. */
Test(prodkey, key_from_stdin)
{
	static const char typed[] = "  v7qk3–nb8xr–cp4tw–mj9fh–d2gy6  \n";
	FILE *in = fmemopen((void *)typed, strlen(typed), "r");
	char *line, *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(in);
	line = input_line(in, 4096, NULL);
	cr_assert_not_null(line);
	cr_assert_eq(cmd_key(NULL, line, out), 0);
	fclose(out);
	cr_assert_str_eq(buf, "Key: " MASKED "\nWell-formed key: 25 "
	    "characters, all of them possible in a product key.\n");
	free(line);
	free(buf);
	fclose(in);
}
