/* SPDX-License-Identifier: MIT */
/* prodkey.c - product-key normalisation, alphabet and look-alike checks */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "i18n.h"
#include "prodkey.h"
#include "utf8.h"
#include "xalloc.h"

#define DEFAULT_ALPHABET "BCDFGHJKMNPQRTVWXY2346789"
#define MASK_SHOWN 5		/* characters a masked key shows at most */
#define SUMMARY_BAD_MAX 4	/* impossible characters named in a summary */

/* Characters a mistyped one may stand for, most likely first. Only those
 * in the tree's alphabet are suggested. The pairs are the ones the support
 * article names (0/O, 5/S, 1/l/I) and their kin; É, È, Ç, _, " and ' are
 * 2, 7, 9, 8, 3 and 4 typed on a French keyboard without Shift. */
static const struct {
	ucs4_t uc;
	const char *alike;
} lookalike_table[] = {
	{ '0', "DQO" }, { 'O', "DQ0" }, { 'Q', "DO0" }, { 'D', "0OQ" },
	{ '1', "JT7IL" }, { 'I', "JT71L" }, { 'L', "JT71I" },
	{ 'J', "T1I" }, { 'T', "7J1" }, { '7', "T1" },
	{ '5', "68SB" }, { 'S', "8B5" }, { '8', "B3S" }, { 'B', "83" },
	{ '6', "GB5" }, { 'G', "6C" }, { 'C', "G" },
	{ '2', "Z" }, { 'Z', "27" }, { 'A', "4" }, { '4', "A" },
	{ 'E', "F3" }, { 'F', "E" }, { '3', "8B" },
	{ 'U', "VW" }, { 'V', "YU" }, { 'W', "VM" }, { 'Y', "V" },
	{ 'M', "NW" }, { 'N', "MH" }, { 'H', "N" }, { 'K', "X" },
	{ 'X', "K" }, { 'P', "R" }, { 'R', "P" }, { '9', "G" },
	{ 0x00c9, "2" }, { 0x00c8, "7" }, { 0x00c7, "9" },
	{ '_', "8" }, { '"', "3" }, { '\'', "4" },
};

/* Greek and Cyrillic capitals that look like Latin ones: read as Latin. */
static const struct {
	ucs4_t uc;
	char ascii;
} homoglyph_table[] = {
	{ 0x0391, 'A' }, { 0x0392, 'B' }, { 0x0395, 'E' }, { 0x0396, 'Z' },
	{ 0x0397, 'H' }, { 0x0399, 'I' }, { 0x039a, 'K' }, { 0x039c, 'M' },
	{ 0x039d, 'N' }, { 0x039f, 'O' }, { 0x03a1, 'P' }, { 0x03a4, 'T' },
	{ 0x03a5, 'Y' }, { 0x03a7, 'X' },
	{ 0x0405, 'S' }, { 0x0406, 'I' }, { 0x0408, 'J' }, { 0x0410, 'A' },
	{ 0x0412, 'B' }, { 0x0415, 'E' }, { 0x041a, 'K' }, { 0x041c, 'M' },
	{ 0x041d, 'H' }, { 0x041e, 'O' }, { 0x0420, 'P' }, { 0x0421, 'C' },
	{ 0x0422, 'T' }, { 0x0423, 'Y' }, { 0x0425, 'X' }, { 0x04ae, 'Y' },
};

/* Filtered look-alike strings, interned so kw_key_bad can point at them
 * (the set is small and bounded: subsets of the table's strings). */
struct intern {
	struct intern *next;
	char s[8];
};
static struct intern *interned;

void
prodkey_default_format(struct kw_keyfmt *fmt)
{
	memset(fmt, 0, sizeof *fmt);
	fmt->groups = 5;
	fmt->group_length = 5;
	snprintf(fmt->alphabet, sizeof fmt->alphabet, "%s", DEFAULT_ALPHABET);
}

static const char *
intern_string(const char *s)
{
	struct intern *i;

	if (*s == '\0')
		return "";
	for (i = interned; i != NULL; i = i->next)
		if (strcmp(i->s, s) == 0)
			return i->s;
	i = xcalloc(1, sizeof *i);
	snprintf(i->s, sizeof i->s, "%s", s);
	i->next = interned;
	interned = i;
	return i->s;
}

static const char *
lookalikes(const struct kw_keyfmt *fmt, ucs4_t uc)
{
	char buf[8];
	size_t n = 0;

	for (size_t i = 0; i < sizeof lookalike_table /
	    sizeof lookalike_table[0]; i++) {
		const char *p;

		if (lookalike_table[i].uc != uc)
			continue;
		for (p = lookalike_table[i].alike; *p != '\0'; p++)
			if (strchr(fmt->alphabet, *p) != NULL &&
			    n < sizeof buf - 1)
				buf[n++] = *p;
		break;
	}
	buf[n] = '\0';
	return intern_string(buf);
}

static ucs4_t
homoglyph(ucs4_t uc)
{
	for (size_t i = 0; i < sizeof homoglyph_table /
	    sizeof homoglyph_table[0]; i++)
		if (homoglyph_table[i].uc == uc)
			return (ucs4_t)homoglyph_table[i].ascii;
	return uc;
}

/*
 * Most keys are typed in plain ASCII: the character classes below answer
 * ASCII themselves, so libunistring's property tables (and their memory)
 * are only touched for the rest.
 */
static int
is_space(ucs4_t uc)
{
	if (uc < 0x80)
		return uc == ' ' || (uc >= '\t' && uc <= '\r');
	return uc_is_property_white_space(uc);
}

int
prodkey_separator(uint32_t uc)
{
	if (uc < 0x80)
		return is_space(uc) || uc == '-';
	return uc_is_property_white_space(uc) || uc_is_property_dash(uc) ||
	    uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cf);
}

static int
is_quote(ucs4_t uc)
{
	if (uc < 0x80)
		return uc == '"' || uc == '\'' || uc == '`';
	return uc_is_property_quotation_mark(uc) ||
	    uc == 0x00b4;	/* acute accent used as a quote */
}

static ucs4_t
to_upper(ucs4_t uc)
{
	if (uc < 0x80)
		return uc >= 'a' && uc <= 'z' ? uc - ('a' - 'A') : uc;
	return uc_toupper(uc);
}

static int
is_control(ucs4_t uc)
{
	if (uc < 0x80)
		return uc < 0x20 || uc == 0x7f;
	return uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cc);
}

static int
all_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* Trim white space and quotes of any kind from both ends of [*s, *e). */
static void
trim(const uint8_t **s, const uint8_t **e)
{
	ucs4_t uc;

	while (*s < *e) {
		size_t n = kw_utf8_next(*s, (size_t)(*e - *s), &uc);

		if (!is_space(uc) && !is_quote(uc))
			break;
		*s += n;
	}
	while (*e > *s) {
		const uint8_t *p = kw_utf8_prev(*s, *e);

		kw_utf8_next(p, (size_t)(*e - p), &uc);
		if (!is_space(uc) && !is_quote(uc))
			break;
		*e = p;
	}
}

static int
is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* 8-4-4-4-12 hexadecimal digits, in braces or not. */
static int
looks_guid(const uint8_t *s, size_t n)
{
	if (n == 38 && s[0] == '{' && s[37] == '}') {
		s++;
		n -= 2;
	}
	if (n != 36)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!is_hex(s[i]))
			return 0;
	}
	return 1;
}

static int
has_prefix(const uint8_t *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if ((s[i] | 0x20) != prefix[i])
			return 0;
	return 1;
}

static int
looks_url(const uint8_t *s, size_t n)
{
	if (has_prefix(s, n, "http://") || has_prefix(s, n, "https://") ||
	    has_prefix(s, n, "www."))
		return 1;
	for (size_t i = 0; i + 3 <= n; i++)
		if (memcmp(s + i, "://", 3) == 0)
			return i > 0;
	return 0;
}

static int
looks_email(const uint8_t *s, size_t n)
{
	const uint8_t *at = memchr(s, '@', n);

	return at != NULL && at > s &&
	    memchr(at + 1, '.', n - (size_t)(at + 1 - s)) != NULL;
}

/* Record one character that is not in the alphabet. */
static void
add_bad(const struct kw_keyfmt *fmt, struct kw_keycheck *k, ucs4_t typed,
    ucs4_t up)
{
	struct kw_key_bad *b;
	size_t pos = k->total - 1;
	int ascii = up < 0x80 && ((up >= 'A' && up <= 'Z') ||
	    (up >= '0' && up <= '9'));

	k->nbad_total++;
	if (k->nbad == KW_KEY_BAD_MAX)
		return;
	b = &k->bad[k->nbad++];
	b->pos = pos;
	b->group = (unsigned)(pos / fmt->group_length) + 1;
	b->place = (unsigned)(pos % fmt->group_length) + 1;
	if (uc_is_general_category_withtable(typed, UC_CATEGORY_MASK_Cc))
		typed = 0xfffd;
	b->ch[kw_utf8_encode(typed, (unsigned char *)b->ch)] = '\0';
	b->problem = ascii ? KW_BAD_IMPOSSIBLE : KW_BAD_FOREIGN;
	b->lookalikes = lookalikes(fmt, up);
}

/* Append one key character (already upper case) to norm. */
static void
add_char(struct kw_keycheck *k, ucs4_t up)
{
	size_t used = strlen(k->norm), n;
	unsigned char enc[4];

	k->total++;
	if (k->len == KW_KEY_MAX)
		return;
	if (is_control(up))
		up = 0xfffd;
	n = kw_utf8_encode(up, enc);
	if (n > 0 && n <= sizeof k->norm - 1 - used) {
		memcpy(k->norm + used, enc, n);
		k->norm[used + n] = '\0';
		k->len++;
	}
}

/* Walk the normalised text: drop separators, upper-case, check. */
static void
scan(const struct kw_keyfmt *fmt, struct kw_keycheck *k, const uint8_t *s,
    const uint8_t *e)
{
	int has_n = strchr(fmt->alphabet, 'N') != NULL;

	while (s < e) {
		ucs4_t uc, up;

		s += kw_utf8_next(s, (size_t)(e - s), &uc);
		if (prodkey_separator(uc))
			continue;
		up = homoglyph(to_upper(uc));
		add_char(k, up);
		if (up < 0x80 && up != 0 && strchr(fmt->alphabet, (int)up)
		    != NULL) {
			if (up == 'N' && has_n)
				k->n_count++;
			continue;
		}
		add_bad(fmt, k, uc, up);
	}
}

static int
fmt_usable(const struct kw_keyfmt *fmt)
{
	return fmt != NULL && fmt->groups > 0 && fmt->group_length > 0 &&
	    fmt->alphabet[0] != '\0';
}

enum kw_key_verdict
prodkey_analyse(const struct kw_keyfmt *fmt, const char *input,
    struct kw_keycheck *out)
{
	struct kw_keyfmt def;
	uint8_t buf[KW_KEY_INPUT_MAX * 2], *nf;
	const uint8_t *s, *e;
	size_t inlen = strlen(input), nflen = sizeof buf;

	memset(out, 0, sizeof *out);
	if (!fmt_usable(fmt)) {
		prodkey_default_format(&def);
		fmt = &def;
	}
	out->expected = (size_t)fmt->groups * fmt->group_length;
	out->kind = KW_KIND_KEY;
	if (inlen > KW_KEY_INPUT_MAX) {
		out->total = inlen;
		out->kind = KW_KIND_TOO_LONG;
		out->verdict = KW_KEY_INVALID;
		return out->verdict;
	}

	/* NFKC: full-width letters, digits, dashes and quotes become ASCII;
	 * invalid UTF-8 is read as U+FFFD by the decoding below. ASCII is
	 * its own NFKC. */
	if (all_ascii(input, inlen) && inlen <= sizeof buf) {
		memcpy(buf, input, inlen);
		nf = buf;
		nflen = inlen;
	} else
		nf = u8_normalize(UNINORM_NFKC, (const uint8_t *)input,
		    inlen, buf, &nflen);
	if (nf == NULL) {
		/* invalid UTF-8: go on with the bytes as given */
		nf = (uint8_t *)xstrndup(input, inlen);
		nflen = inlen;
	}
	s = nf;
	e = nf + nflen;
	trim(&s, &e);

	if (looks_url(s, (size_t)(e - s)))
		out->kind = KW_KIND_URL;
	else if (looks_email(s, (size_t)(e - s)))
		out->kind = KW_KIND_EMAIL;
	else if (looks_guid(s, (size_t)(e - s)))
		out->kind = KW_KIND_GUID;
	scan(fmt, out, s, e);
	if (out->kind == KW_KIND_KEY) {
		if (out->total == 0)
			out->kind = KW_KIND_EMPTY;
		else if (out->total > out->expected + out->expected / 2)
			out->kind = KW_KIND_TOO_LONG;
	}
	out->n_warning = out->n_count > 1;

	explicit_bzero(nf, nflen);
	if (nf != buf)
		free(nf);
	explicit_bzero(buf, sizeof buf);

	if (out->kind != KW_KIND_KEY || out->total != out->expected ||
	    out->nbad_total > 0)
		out->verdict = KW_KEY_INVALID;
	else if (out->n_warning)
		out->verdict = KW_KEY_DOUBTFUL;
	else
		out->verdict = KW_KEY_VALID;
	return out->verdict;
}

/* Append `src` to buf (snprintf-like: never overflows, always terminated). */
static void
append(char *buf, size_t size, size_t *used, const char *src)
{
	size_t n = strlen(src);

	if (size == 0 || *used >= size - 1)
		return;
	if (n > size - 1 - *used)
		n = size - 1 - *used;
	memcpy(buf + *used, src, n);
	*used += n;
	buf[*used] = '\0';
}

/* The i-th character (0-based) of the UTF-8 string s, or NULL. */
static const char *
nth_char(const char *s, size_t i, size_t *len)
{
	const uint8_t *p = (const uint8_t *)s;
	ucs4_t uc;

	for (;;) {
		size_t n;

		if (*p == '\0' || (n = kw_utf8_decode(p, 4, &uc)) == 0)
			return NULL;
		if (i-- == 0) {
			*len = n;
			return (const char *)p;
		}
		p += n;
	}
}

/* Group `count` characters with dashes; the first `hidden` shown as X. */
static void
group(const struct kw_keyfmt *fmt, const struct kw_keycheck *k,
    size_t hidden, char *buf, size_t size)
{
	struct kw_keyfmt def;
	size_t used = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	if (!fmt_usable(fmt)) {
		prodkey_default_format(&def);
		fmt = &def;
	}
	for (size_t i = 0; i < k->len; i++) {
		char ch[8];
		const char *p;
		size_t n;

		if (i > 0 && i % fmt->group_length == 0)
			append(buf, size, &used, "-");
		if (i < hidden || (p = nth_char(k->norm, i, &n)) == NULL ||
		    n >= sizeof ch) {
			append(buf, size, &used, "X");
			continue;
		}
		memcpy(ch, p, n);
		ch[n] = '\0';
		/* do not cut a character at the end of buf */
		if (used + n > size - 1)
			break;
		append(buf, size, &used, ch);
		explicit_bzero(ch, sizeof ch);
	}
}

void
prodkey_format(const struct kw_keyfmt *fmt, const struct kw_keycheck *k,
    char *buf, size_t size)
{
	group(fmt, k, 0, buf, size);
}

void
prodkey_mask(const struct kw_keyfmt *fmt, const struct kw_keycheck *k,
    char *buf, size_t size)
{
	size_t shown = k->len / 2;

	if (shown > MASK_SHOWN)
		shown = MASK_SHOWN;
	if (k->kind != KW_KIND_KEY || k->total != k->len)
		shown = 0;
	group(fmt, k, k->len - shown, buf, size);
}

void
prodkey_lookalikes_text(const char *chars, char *buf, size_t size)
{
	size_t used = 0, n = strlen(chars);

	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char c[2] = { chars[i], '\0' };

		if (i > 0)
			append(buf, size, &used, i + 1 == n ?
			    /* TRANSLATORS: between the last two look-alikes,
			     * "D or Q", "J, T or 7" */
			    _(" or ") : ", ");
		append(buf, size, &used, c);
	}
}

void
prodkey_summary(const struct kw_keycheck *k, char *buf, size_t size)
{
	char part[256];
	const char *semi;
	size_t used = 0;
	int sep = 0, period = 1;

	if (size == 0)
		return;
	buf[0] = '\0';
	switch (k->kind) {
	case KW_KIND_EMPTY:
		append(buf, size, &used, _("No key was typed."));
		return;
	case KW_KIND_GUID:
		append(buf, size, &used, _("This is a GUID (such as a "
		    "subscription or tenant ID), not a product key."));
		return;
	case KW_KIND_EMAIL:
		append(buf, size, &used, _("This is an e-mail address, not a "
		    "product key."));
		return;
	case KW_KIND_URL:
		append(buf, size, &used, _("This is a web address, not a "
		    "product key."));
		return;
	case KW_KIND_TOO_LONG:
		snprintf(part, sizeof part, _("Far too long for a product "
		    "key: %zu characters instead of %zu."), k->total,
		    k->expected);
		append(buf, size, &used, part);
		return;
	case KW_KIND_KEY:
		break;
	}

	if (k->verdict == KW_KEY_VALID) {
		snprintf(part, sizeof part, _("Well-formed key: %zu "
		    "characters, all of them possible in a product key."),
		    k->total);
		append(buf, size, &used, part);
		return;
	}
	if (k->verdict == KW_KEY_DOUBTFUL) {
		snprintf(part, sizeof part, ngettext("Well-formed key, but N "
		    "occurs %u time; keys usually have at most one.",
		    "Well-formed key, but N occurs %u times; keys usually "
		    "have at most one.", k->n_count), k->n_count);
		append(buf, size, &used, part);
		return;
	}

	append(buf, size, &used, _("Not a valid key: "));
	/* TRANSLATORS: between the parts of "Not a valid key: 24 characters
	 * instead of 25; 1 impossible character: O at 2.3." */
	semi = _("; ");
	if (k->total != k->expected) {
		snprintf(part, sizeof part, ngettext("%zu character instead "
		    "of %zu", "%zu characters instead of %zu", k->total),
		    k->total, k->expected);
		append(buf, size, &used, part);
		sep = 1;
	}
	if (k->nbad_total > 0) {
		if (sep)
			append(buf, size, &used, semi);
		snprintf(part, sizeof part, ngettext("%zu impossible "
		    "character: ", "%zu impossible characters: ",
		    k->nbad_total), k->nbad_total);
		append(buf, size, &used, part);
		for (size_t i = 0; i < k->nbad && i < SUMMARY_BAD_MAX; i++) {
			const struct kw_key_bad *b = &k->bad[i];

			if (i > 0)
				append(buf, size, &used, ", ");
			/* TRANSLATORS: a character and its position in the
			 * key, group.place: "O at 2.3" */
			snprintf(part, sizeof part, _("%s at %u.%u"), b->ch,
			    b->group, b->place);
			append(buf, size, &used, part);
		}
		if (k->nbad_total > SUMMARY_BAD_MAX) {
			append(buf, size, &used, ", …");
			period = 0;
		}
		sep = 1;
	}
	if (k->n_warning) {
		if (sep)
			append(buf, size, &used, semi);
		snprintf(part, sizeof part, ngettext("N occurs %u time",
		    "N occurs %u times", k->n_count), k->n_count);
		append(buf, size, &used, part);
		period = 1;
	}
	if (period)
		append(buf, size, &used, ".");
}

void
prodkey_wipe(struct kw_keycheck *k)
{
	explicit_bzero(k, sizeof *k);
}

const struct kw_keyfmt *
prodkey_tree_format(const struct kw_tree *t)
{
	static struct kw_keyfmt def;

	if (t != NULL && t->has_keyfmt)
		return &t->keyfmt;
	if (def.groups == 0)
		prodkey_default_format(&def);
	return &def;
}
