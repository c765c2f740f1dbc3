/* SPDX-License-Identifier: MIT */
/* pick-plain.c - the line front end's pick screen: the trees as a numbered list, a number chooses, words narrow it */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "input.h"
#include "layout.h"
#include "pick.h"
#include "sig.h"
#include "text.h"
#include "ui.h"
#include "xalloc.h"

struct plain_pick {
	struct kw_pick *p;
	FILE *in, *out;
	const struct kw_ui_opts *o;
	size_t width;
};

static void
put_wrapped(struct plain_pick *pp, size_t indent, const char *first,
    const char *s)
{
	layout_print(pp->out, pp->width, indent, first, s);
}

static void
pick_draw(struct plain_pick *pp)
{
	struct kw_pick *p = pp->p;

	fputc('\n', pp->out);
	if (p->filter[0] != '\0') {
		char *line = xasprintf(_("Trees matching \"%s\":"),
		    p->filter);

		put_wrapped(pp, 0, NULL, line);
		free(line);
	} else
		put_wrapped(pp, 0, NULL, _("Choose the tree of the call:"));
	for (size_t i = 0; i < p->nshown; i++) {
		const struct kw_treeinfo *ti = pick_shown(p, i);
		char *lead = xasprintf("%3zu) ", i + 1);
		char *line = ti->error != NULL ? xasprintf(_("%s (cannot be "
		    "read: %s)"), ti->name, ti->error) : xasprintf("%s (%s)",
		    ti->title, ti->name);

		put_wrapped(pp, 0, lead, line);
		free(line);
		free(lead);
	}
}

/* The prompt, each letter with what it does (as the plain front end's,
 * so that a screen reader says it). */
static void
pick_prompt(struct plain_pick *pp)
{
	char accept[64];

	if (pp->p->nshown == 1)
		snprintf(accept, sizeof accept, "1%s", _(", text"));
	else
		snprintf(accept, sizeof accept, "1-%zu%s", pp->p->nshown,
		    _(", text"));
	fprintf(pp->out, _("[%s, q quit, ? help]> "), accept);
	fflush(pp->out);
}

static void
pick_help(struct plain_pick *pp)
{
	fputc('\n', pp->out);
	put_wrapped(pp, 0, NULL, _("Answers:"));
	put_wrapped(pp, 0, NULL, _("  a number     run that tree"));
	put_wrapped(pp, 0, NULL, _("  text         keep the trees whose name "
	    "or title holds it (any case, with or without accents)"));
	put_wrapped(pp, 0, NULL, _("  Enter        the whole list again"));
	put_wrapped(pp, 0, NULL, _("  q            quit"));
	put_wrapped(pp, 0, NULL, _("  ?            this help"));
}

/* One line: 1 a tree chosen (*chosen), 0 go on, -1 quit. */
static int
pick_handle(struct plain_pick *pp, char *line, size_t *chosen)
{
	struct kw_pick *p = pp->p;
	char *clean, *end;
	unsigned long n;

	while (*line == ' ' || *line == '\t')
		line++;
	for (size_t k = strlen(line); k > 0 && (line[k - 1] == ' ' ||
	    line[k - 1] == '\t'); k--)
		line[k - 1] = '\0';
	if (pp->o->echo) {
		clean = text_clean(line);
		fprintf(pp->out, "%s\n", clean);
		free(clean);
	}
	if (strcmp(line, "q") == 0)
		return -1;
	if (strcmp(line, "?") == 0) {
		pick_help(pp);
		return 0;
	}
	if (*line == '\0') {
		pick_filter(p, "");
		pick_draw(pp);
		return 0;
	}
	if (*line >= '0' && *line <= '9') {
		n = strtoul(line, &end, 10);
		if (*end == '\0' && n >= 1 && n <= p->nshown) {
			*chosen = n - 1;
			return 1;
		}
		if (*end == '\0') {
			put_wrapped(pp, 0, NULL, _("No tree has that number "
			    "(? for help)."));
			return 0;
		}
	}
	pick_filter(p, line);
	if (p->nshown == 0) {
		clean = xasprintf(_("No tree matches \"%s\"; the whole list "
		    "again:"), p->filter);
		put_wrapped(pp, 0, NULL, clean);
		free(clean);
		pick_filter(p, "");
	}
	pick_draw(pp);
	return 0;
}

int
ui_plain_pick(struct kw_pick *p, FILE *in, FILE *out,
    const struct kw_ui_opts *o, size_t *chosen)
{
	struct plain_pick pp = { p, in, out, o, o->width >= 20 ? o->width :
	    80 };
	int r = 0;

	pick_draw(&pp);
	while (r == 0) {
		char *line;

		pick_prompt(&pp);
		if ((line = input_line(in, 4096, NULL)) == NULL) {
			fputc('\n', out);
			r = -1;
			break;
		}
		r = pick_handle(&pp, line, chosen);
		free(line);
		if (sig_caught)
			break;
	}
	fflush(out);
	if (sig_caught)
		return 128 + sig_caught;
	return r > 0 ? KW_EXIT_OK : KW_EXIT_NEGATIVE;
}
