/* SPDX-License-Identifier: MIT */
/* keymask.c - product keys found in free text, masked */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>

#include "keymask.h"
#include "prodkey.h"
#include "utf8.h"
#include "xalloc.h"

/* A character that may stand in a key, as typed: an ASCII letter or
 * digit, or a letter or digit of the Latin, Greek and Cyrillic blocks
 * (accents, look-alike capitals) or of the full-width forms. Not CJK, so
 * that a line of Japanese is not taken for a key. */
static int
key_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z');
	if (c < 0x0530 || (c >= 0xff10 && c <= 0xff5a))
		return uc_is_alnum(c);
	return 0;
}

/* The character at p (before end): its length, *c set. */
static size_t
char_at(const unsigned char *p, const unsigned char *end, uint32_t *c)
{
	return kw_utf8_next(p, (size_t)(end - p), c);
}

/* Whether no key character starts at p. */
static int
boundary(const unsigned char *p, const unsigned char *end)
{
	uint32_t c;

	return p >= end || (char_at(p, end, &c), !key_char(c));
}

/*
 * The end of the key-shaped run that starts at p, or NULL: fmt->groups
 * groups or more, as many as follow one another (a key with words of five
 * letters before or after it is masked with them, so that no part of the
 * key is left to show), ending before a character that is not a key's.
 */
static const unsigned char *
key_run(const struct kw_keyfmt *fmt, const unsigned char *p,
    const unsigned char *end, size_t *groups)
{
	const unsigned char *found = NULL;
	uint32_t c;

	for (size_t count = 0; ; count++) {
		for (size_t gap = 0; count > 0 && p < end; gap++) {
			size_t n = char_at(p, end, &c);

			if (!prodkey_separator(c))
				break;
			if (gap == KEYMASK_GAP_MAX)
				return found;
			p += n;
		}
		for (unsigned i = 0; i < fmt->group_length; i++) {
			if (p >= end)
				return found;
			p += char_at(p, end, &c);
			if (!key_char(c))
				return found;
		}
		if (count + 1 >= fmt->groups && boundary(p, end)) {
			found = p;
			*groups = count + 1;
		}
	}
}

/* Append [s, s + n) to the buffer *out of *cap bytes, *len used. */
static void
put(char **out, size_t *len, size_t *cap, const void *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t want = (*len + n + 1) * 2;
		char *bigger = xmalloc(want);

		memcpy(bigger, *out, *len);
		explicit_bzero(*out, *cap);
		free(*out);
		*out = bigger;
		*cap = want;
	}
	memcpy(*out + *len, s, n);
	*len += n;
	(*out)[*len] = '\0';
}

/* Run [p, run) of `groups` groups, masked: as prodkey_mask() masks a key
 * (its last five characters shown); far longer than a key (more than half
 * as long again, where prodkey_analyse() calls it too long), every group
 * masked, nothing shown, however long. */
static void
put_masked(const struct kw_keyfmt *fmt, const unsigned char *p,
    const unsigned char *run, size_t groups, char **out, size_t *len,
    size_t *cap)
{
	char masked[KW_KEY_MAX * 2 + 1], *key;
	struct kw_keycheck *k;

	if (groups > fmt->groups + fmt->groups / 2) {
		for (size_t g = 0; g < groups; g++) {
			if (g > 0)
				put(out, len, cap, "-", 1);
			for (unsigned i = 0; i < fmt->group_length; i++)
				put(out, len, cap, "X", 1);
		}
		return;
	}
	key = xstrndup((const char *)p, (size_t)(run - p));
	k = xmalloc(sizeof *k);
	prodkey_analyse(fmt, key, k);
	prodkey_mask(fmt, k, masked, sizeof masked);
	put(out, len, cap, masked, strlen(masked));
	explicit_bzero(key, strlen(key));
	free(key);
	prodkey_wipe(k);
	free(k);
	explicit_bzero(masked, sizeof masked);
}

char *
keymask_text(const struct kw_keyfmt *fmt, const char *text)
{
	const unsigned char *p = (const unsigned char *)text, *end, *from;
	struct kw_keyfmt def;
	size_t len = 0, cap = strlen(text) + 1, groups = 0;
	char *out = xmalloc(cap);
	int after_key_char = 0;

	if (fmt == NULL || fmt->groups == 0 || fmt->group_length == 0) {
		prodkey_default_format(&def);
		fmt = &def;
	}
	out[0] = '\0';
	end = p + strlen(text);
	from = p;
	while (p < end) {
		const unsigned char *run = NULL;
		uint32_t c;
		size_t n = char_at(p, end, &c);

		if (!after_key_char && key_char(c))
			run = key_run(fmt, p, end, &groups);
		after_key_char = key_char(c);
		if (run == NULL) {
			p += n;
			continue;
		}
		/* the text before it, then the run masked */
		put(&out, &len, &cap, from, (size_t)(p - from));
		put_masked(fmt, p, run, groups, &out, &len, &cap);
		from = p = run;
		after_key_char = 0;	/* the run ends before a non-key one */
	}
	put(&out, &len, &cap, from, (size_t)(p - from));
	return out;
}
