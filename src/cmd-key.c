/* SPDX-License-Identifier: MIT */
/* cmd-key.c - --check-key: what is wrong with a product key, by position */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "cmd.h"
#include "i18n.h"
#include "prodkey.h"
#include "xalloc.h"

static const struct kw_key_bad *
bad_at(const struct kw_keycheck *k, size_t pos)
{
	for (size_t i = 0; i < k->nbad; i++)
		if (k->bad[i].pos == pos)
			return &k->bad[i];
	return NULL;
}

/* The masked key with each impossible character shown in its place, and a
 * line of carets under them. */
static void
print_marked(FILE *out, const struct kw_keycheck *k, const char *masked)
{
	char line[2048], marks[2048];
	const char *label;
	size_t ul = 0, um = 0, pos = 0;
	const uint8_t *p = (const uint8_t *)masked;

	while (*p != '\0') {
		const struct kw_key_bad *b = NULL;
		const char *s;
		ucs4_t uc;
		int n = u8_strmbtouc(&uc, p), w;

		if (n <= 0)
			break;
		if (uc == '-') {
			s = "-";
			w = 1;
		} else {
			b = bad_at(k, pos++);
			if (b != NULL) {
				s = b->ch;
				u8_mbtouc(&uc, (const uint8_t *)s, strlen(s));
			} else
				s = NULL;
			w = uc_width(uc, "UTF-8");
			if (w < 1)
				w = 1;
		}
		if (ul + 8 >= sizeof line || um + (size_t)w + 1 >= sizeof marks)
			break;
		if (s == NULL) {
			memcpy(line + ul, p, (size_t)n);
			ul += (size_t)n;
		} else {
			memcpy(line + ul, s, strlen(s));
			ul += strlen(s);
		}
		for (int i = 0; i < w; i++)
			marks[um++] = b != NULL ? '^' : ' ';
		p += n;
	}
	line[ul] = '\0';
	while (um > 0 && marks[um - 1] == ' ')
		um--;
	marks[um] = '\0';

	label = _("Key: ");
	fprintf(out, "%s%s\n", label, line);
	if (um > 0)
		fprintf(out, "%*s%s\n", u8_strwidth((const uint8_t *)label,
		    "UTF-8"), "", marks);
	explicit_bzero(line, sizeof line);
}

static void
print_bad(FILE *out, const struct kw_key_bad *b)
{
	char alike[64];

	prodkey_lookalikes_text(b->lookalikes, alike, sizeof alike);
	fprintf(out, "  %u.%u  %s  ", b->group, b->place, b->ch);
	if (b->problem == KW_BAD_IMPOSSIBLE && *b->lookalikes != '\0')
		fprintf(out, _("never occurs in a product key; it may be "
		    "%s\n"), alike);
	else if (b->problem == KW_BAD_IMPOSSIBLE)
		fputs(_("never occurs in a product key\n"), out);
	else if (*b->lookalikes != '\0')
		fprintf(out, _("is not a character of a product key; it may "
		    "be %s\n"), alike);
	else
		fputs(_("is not a character of a product key\n"), out);
}

int
cmd_key(const struct kw_tree *t, const char *key, FILE *out)
{
	const struct kw_keyfmt *fmt = prodkey_tree_format(t);
	struct kw_keycheck *k = xmalloc(sizeof *k);
	char masked[1024], summary[512];
	int status;

	prodkey_analyse(fmt, key, k);
	prodkey_summary(k, summary, sizeof summary);
	if (k->kind == KW_KIND_KEY) {
		prodkey_mask(fmt, k, masked, sizeof masked);
		print_marked(out, k, masked);
		explicit_bzero(masked, sizeof masked);
	}
	fprintf(out, "%s\n", summary);
	if (k->kind == KW_KIND_KEY && k->total != k->expected)
		fprintf(out, _("A product key has %zu characters: %u groups of "
		    "%u.\n"), k->expected, fmt->groups, fmt->group_length);
	if (k->kind == KW_KIND_KEY)
		for (size_t i = 0; i < k->nbad; i++)
			print_bad(out, &k->bad[i]);
	if (k->n_warning)
		fputs(_("Check the key with whoever issued it: an unusual "
		    "count of N is a warning, not an error.\n"), out);
	status = k->verdict == KW_KEY_INVALID ? KW_EXIT_NEGATIVE : KW_EXIT_OK;
	prodkey_wipe(k);
	free(k);
	return status;
}
