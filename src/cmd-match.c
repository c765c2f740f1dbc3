/* SPDX-License-Identifier: MIT */
/* cmd-match.c - --match: the error messages that match a text, best first */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "i18n.h"
#include "match.h"
#include "text.h"
#include "xalloc.h"

#define MATCH_SHOWN 9

/* One line of tree text, through text_clean(): newlines as spaces. */
static void
put_line(FILE *out, const char *s)
{
	char *clean = text_clean(s);

	for (char *p = clean; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	fprintf(out, "%s\n", clean);
	free(clean);
}

int
cmd_match(const struct kw_tree *t, size_t lang, const char *text, FILE *out)
{
	struct kw_matcher *m = match_new(t, NULL);
	struct kw_match found[MATCH_SHOWN];
	size_t n;

	match_prefer(m, lang);
	n = match_rank(m, text, found, MATCH_SHOWN);

	for (size_t i = 0; i < n; i++) {
		const struct kw_option *o = &found[i].node->opts[found[i].opt];
		const char *msg = tree_text_set(&o->message) ?
		    tree_text(&o->message, lang) : tree_text(&o->label, lang);

		fprintf(out, "%.2f  %s  %s  ", found[i].score, o->id,
		    t->langs[found[i].lang]);
		put_line(out, msg);
	}
	if (n == 0)
		fputs(_("No error message of the tree matches this text.\n"),
		    out);
	match_free(m);
	return n > 0 ? KW_EXIT_OK : KW_EXIT_NEGATIVE;
}
