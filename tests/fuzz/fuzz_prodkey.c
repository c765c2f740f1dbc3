/* SPDX-License-Identifier: MIT */
/* fuzz_prodkey.c - libFuzzer harness: any text as a product key
 * (prodkey_analyse and what the front ends print of it), and as free text
 * whose key-shaped strings are masked (keymask_text) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "i18n.h"
#include "keymask.h"
#include "prodkey.h"
#include "utf8.h"
#include "xalloc.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	i18n_init("en");
	return 0;
}

/* The first byte picks the format: the default, or groups and group
 * lengths of 1..10. */
static void
pick_format(unsigned char b, struct kw_keyfmt *fmt)
{
	prodkey_default_format(fmt);
	if (b & 0x80)
		return;
	fmt->groups = 1 + b % 10;
	fmt->group_length = 1 + (b / 10) % 10;
}

/* Characters of a masked key that are not mask or dash. */
static size_t
shown(const char *masked)
{
	size_t n = 0;

	for (const char *p = masked; *p != '\0'; p++)
		if (*p != 'X' && *p != '-' && (*p & 0xC0) != 0x80)
			n++;
	return n;
}

/* Masking free text: masking again changes nothing (no key-shaped string
 * is left), and valid UTF-8 stays valid. */
static void
check_keymask(const struct kw_keyfmt *fmt, const char *in)
{
	char *once = keymask_text(fmt, in), *twice = keymask_text(fmt, once);

	if (strcmp(once, twice) != 0) {
		fprintf(stderr, "fuzz: a key is left after masking: %s\n", once);
		abort();
	}
	if (kw_utf8_valid((const unsigned char *)in, strlen(in)) &&
	    !kw_utf8_valid((const unsigned char *)once, strlen(once))) {
		fprintf(stderr, "fuzz: masking broke UTF-8: %s\n", once);
		abort();
	}
	free(twice);
	free(once);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kw_keycheck k;
	struct kw_keyfmt fmt;
	char buf[512], small[16], *in;
	enum kw_key_verdict v;

	if (size == 0)
		return 0;
	pick_format(data[0], &fmt);
	in = fz_cstr(data + 1, size - 1);
	v = prodkey_analyse(&fmt, in, &k);
	if (v != k.verdict || k.nbad > KW_KEY_BAD_MAX ||
	    k.nbad > k.nbad_total || k.len > KW_KEY_MAX ||
	    memchr(k.norm, '\0', sizeof k.norm) == NULL ||
	    k.expected != (size_t)fmt.groups * fmt.group_length)
		abort();
	if (v == KW_KEY_VALID && (k.nbad_total != 0 || k.len != k.expected))
		abort();
	for (size_t i = 0; i < k.nbad; i++) {
		const struct kw_key_bad *b = &k.bad[i];

		if (b->lookalikes == NULL || b->pos >= k.total ||
		    memchr(b->ch, '\0', sizeof b->ch) == NULL)
			abort();
		fz_assert_clean(b->ch, strlen(b->ch), "a bad character");
		prodkey_lookalikes_text(b->lookalikes, buf, sizeof buf);
		fz_assert_clean(buf, strlen(buf), "the look-alikes");
	}
	prodkey_format(&fmt, &k, buf, sizeof buf);
	prodkey_format(&fmt, &k, small, sizeof small);
	prodkey_mask(&fmt, &k, buf, sizeof buf);
	if (shown(buf) > 5) {
		fprintf(stderr, "fuzz: the mask shows too much: %s\n", buf);
		abort();
	}
	fz_assert_clean(buf, strlen(buf), "the masked key");
	prodkey_mask(&fmt, &k, small, sizeof small);
	fz_assert_clean(small, strlen(small), "a short masked key");
	prodkey_summary(&k, buf, sizeof buf);
	fz_assert_clean(buf, strlen(buf), "the summary");
	prodkey_summary(&k, small, sizeof small);
	fz_assert_clean(small, strlen(small), "a short summary");
	prodkey_wipe(&k);
	check_keymask(&fmt, in);
	free(in);
	return 0;
}
