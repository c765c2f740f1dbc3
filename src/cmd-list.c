/* SPDX-License-Identifier: MIT */
/* cmd-list.c - --list: every tree found in the lookup folders, first found first */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "text.h"
#include "treelist.h"
#include "xalloc.h"

/* `s` (NULL: "-") cleaned to one line for the listing. */
static char *
one_line(const char *s)
{
	char *c = text_clean(s != NULL ? s : "-");

	for (char *p = c; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	return c;
}

/* `s` and spaces up to `width` columns, then two more. */
static void
put_cell(FILE *out, const char *s, size_t width)
{
	size_t w = text_width(s);

	fputs(s, out);
	for (; w < width + 2; w++)
		fputc(' ', out);
}

int
cmd_list(const char *lang, FILE *out)
{
	const char *head[4] = { _("NAME"), _("VERSION"), _("LANGUAGES"),
	    _("TITLE") };
	size_t width[3];
	struct kw_treelist l;
	char *(*cell)[4];

	treelist_scan(&l, lang);
	if (l.n == 0) {
		fprintf(stderr, _("%s: no tree found (keywiz(1) TREES says "
		    "where keywiz looks)\n"), PACKAGE);
		treelist_free(&l);
		return KW_EXIT_NEGATIVE;
	}
	cell = xcalloc(l.n, sizeof *cell);
	for (size_t k = 0; k < 3; k++)
		width[k] = text_width(head[k]);
	for (size_t i = 0; i < l.n; i++) {
		const struct kw_treeinfo *ti = &l.v[i];

		cell[i][0] = one_line(ti->name);
		cell[i][1] = one_line(ti->version);
		cell[i][2] = one_line(ti->langs);
		if (ti->error != NULL) {
			char *e = xasprintf(_("error: %s"), ti->error);

			cell[i][3] = one_line(e);
			free(e);
		} else
			cell[i][3] = one_line(ti->title);
		for (size_t k = 0; k < 3; k++)
			if (text_width(cell[i][k]) > width[k])
				width[k] = text_width(cell[i][k]);
	}
	for (size_t k = 0; k < 3; k++)
		put_cell(out, head[k], width[k]);
	fprintf(out, "%s\n", head[3]);
	for (size_t i = 0; i < l.n; i++) {
		const struct kw_treeinfo *ti = &l.v[i];
		char *path = one_line(ti->path);

		for (size_t k = 0; k < 3; k++)
			put_cell(out, cell[i][k], width[k]);
		fprintf(out, "%s\n", cell[i][3]);
		put_cell(out, "", width[0]);
		if (ti->shadowed_by >= 0) {
			char *by = one_line(l.v[ti->shadowed_by].path);

			fprintf(out, _("%s (shadowed by %s)\n"), path, by);
			free(by);
		} else
			fprintf(out, "%s\n", path);
		free(path);
		for (size_t k = 0; k < 4; k++)
			free(cell[i][k]);
	}
	free(cell);
	treelist_free(&l);
	if (fflush(out) != 0)
		return KW_EXIT_IOERR;
	return KW_EXIT_OK;
}
