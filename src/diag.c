/* SPDX-License-Identifier: MIT */
/* diag.c - collecting and printing FILE:LINE:COL diagnostics */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"
#include "xalloc.h"

void
diags_init(struct kw_diags *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = xstrdup(file != NULL ? file : "-");
}

void
diags_add(struct kw_diags *d, enum kw_severity sev, struct kw_pos pos,
    const char *fmt, ...)
{
	struct kw_diag *g;
	va_list ap;

	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	g = &d->v[d->n++];
	g->sev = sev;
	g->pos = pos;
	va_start(ap, fmt);
	g->msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (sev == KW_SEV_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
}

static int
pos_cmp(const struct kw_diag *a, const struct kw_diag *b)
{
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	return 0;
}

void
diags_sort(struct kw_diags *d)
{
	/* insertion sort: stable, and lists are short */
	for (size_t i = 1; i < d->n; i++) {
		struct kw_diag t = d->v[i];
		size_t j = i;

		while (j > 0 && pos_cmp(&d->v[j - 1], &t) > 0) {
			d->v[j] = d->v[j - 1];
			j--;
		}
		d->v[j] = t;
	}
}

void
diags_print(const struct kw_diags *d, FILE *fp)
{
	for (size_t i = 0; i < d->n; i++) {
		if (i == KW_DIAGS_PRINT_MAX) {
			diag_printf(fp, "%s: %zu more diagnostics not shown (%zu "
			    "errors and %zu warnings in all)\n", d->file,
			    d->n - i, d->nerrors, d->nwarnings);
			break;
		}
		const struct kw_diag *g = &d->v[i];
		const char *sev = g->sev == KW_SEV_ERROR ? "error" :
		    "warning";

		/* the file name and the messages quoting the file's text go
		 * through diag_printf: their controls and bidi overrides stay
		 * off the terminal */
		if (g->pos.line > 0)
			diag_printf(fp, "%s:%u:%u: %s: %s\n", d->file,
			    g->pos.line, g->pos.col, sev, g->msg);
		else
			diag_printf(fp, "%s: %s: %s\n", d->file, sev, g->msg);
	}
}

void
diag_printf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	char *msg, *clean;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	clean = text_clean(msg);
	fputs(clean, fp);
	free(clean);
	free(msg);
}

void
diags_free(struct kw_diags *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].msg);
	free(d->v);
	free(d->file);
	memset(d, 0, sizeof *d);
}
