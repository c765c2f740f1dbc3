/* SPDX-License-Identifier: MIT */
/* test_utf8.c - the one UTF-8 decoder, checked against libunistring */
#include "config.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>

#include "utf8.h"

static size_t
dec(const char *s, size_t n, uint32_t *cp)
{
	return kw_utf8_decode((const unsigned char *)s, n, cp);
}

Test(utf8, decodes_each_length)
{
	uint32_t c;

	cr_assert_eq(dec("A", 1, &c), 1);
	cr_assert_eq(c, 'A');
	cr_assert_eq(dec("\xC3\xA9", 2, &c), 2);
	cr_assert_eq(c, 0xE9);
	cr_assert_eq(dec("\xE2\x80\xBA", 3, &c), 3);
	cr_assert_eq(c, 0x203A);
	cr_assert_eq(dec("\xF0\x9F\x94\x91", 4, &c), 4);
	cr_assert_eq(c, 0x1F511);
	cr_assert_eq(dec("\xF4\x8F\xBF\xBF", 4, &c), 4);
	cr_assert_eq(c, 0x10FFFF);
}

Test(utf8, refuses_what_is_not_utf8)
{
	static const char *const bad[] = {
		"\x80", "\xBF", "\xC0\x80", "\xC1\xBF",	/* stray, overlong */
		"\xE0\x80\x80", "\xE0\x9F\xBF",		/* overlong */
		"\xED\xA0\x80", "\xED\xBF\xBF",		/* surrogates */
		"\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF",	/* overlong */
		"\xF4\x90\x80\x80", "\xF5\x80\x80\x80",	/* past U+10FFFF */
		"\xFE", "\xFF", "\xC3\x28", "\xE2\x80\x28",
	};
	uint32_t c = 7;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(dec(bad[i], strlen(bad[i]), &c), 0, "case %zu",
		    i);
	cr_assert_eq(c, 7, "nothing written on failure");
}

Test(utf8, cut_short_or_at_a_nul)
{
	uint32_t c;

	cr_assert_eq(dec("\xE2\x80\xBA", 2, &c), 0, "cut by the length");
	cr_assert_eq(dec("\xE2\x80", 4, &c), 0, "cut by the NUL");
	cr_assert_eq(dec("\xC3", 4, &c), 0);
}

Test(utf8, lenient_next_and_prev)
{
	const unsigned char s[] = "a\xC3\xA9\xFF\xE2\x80\xBA";
	size_t n = sizeof s - 1, i = 0, k = 0;
	uint32_t want[] = { 'a', 0xE9, 0xFFFD, 0x203A }, c;
	const unsigned char *p = s + n;

	while (i < n) {
		i += kw_utf8_next(s + i, n - i, &c);
		cr_assert_eq(c, want[k], "character %zu", k);
		k++;
	}
	cr_assert_eq(k, 4);
	p = kw_utf8_prev(s, p);
	cr_assert_eq(p, s + 4, "back over a whole character");
	p = kw_utf8_prev(s, p);
	cr_assert_eq(p, s + 3, "an invalid byte alone");
	p = kw_utf8_prev(s, p);
	cr_assert_eq(p, s + 1);
	p = kw_utf8_prev(s, p);
	cr_assert_eq(p, s);
}

/* Every code point: encoded as libunistring does, decoded back. */
Test(utf8, every_code_point_round_trips)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF + 1; cp++) {
		unsigned char mine[4], theirs[6];
		size_t n = kw_utf8_encode(cp, mine);
		int m = u8_uctomb(theirs, cp, sizeof theirs);
		uint32_t back;

		if (m < 0) {
			cr_assert_eq(n, 0, "U+%04X is not encodable", cp);
			continue;
		}
		cr_assert_eq(n, (size_t)m, "U+%04X", cp);
		cr_assert_eq(memcmp(mine, theirs, n), 0, "U+%04X", cp);
		cr_assert_eq(kw_utf8_decode(mine, n, &back), n);
		cr_assert_eq(back, cp);
	}
}

Test(utf8, valid_agrees_with_u8_check)
{
	static const char *const cases[] = {
		"", "plain", "caf\xC3\xA9", "\xC3", "a\xED\xA0\x80z",
		"\xF0\x9F\x94\x91 key", "x\xF4\x90\x80\x80", "\xC0\xAF",
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const unsigned char *s = (const unsigned char *)cases[i];
		size_t n = strlen(cases[i]);

		cr_assert_eq(kw_utf8_valid(s, n), u8_check(s, n) == NULL,
		    "case %zu", i);
	}
}
