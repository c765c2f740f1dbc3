/* SPDX-License-Identifier: MIT */
/* cmd-check.c - keywiz --check: load and check a tree, report, exit */
#include "config.h"

#include <stdio.h>

#include "check.h"
#include "cmd.h"
#include "diag.h"
#include "i18n.h"
#include "load.h"

static size_t
count_outcomes(const struct kw_tree *t)
{
	size_t n = 0;

	for (size_t i = 0; i < t->nnodes; i++)
		n += t->nodes[i].type == KW_NODE_OUTCOME;
	return n;
}

/* The codes of languages [from, to) of t, comma-separated, into buf. */
static void
lang_codes(const struct kw_tree *t, size_t from, size_t to, char *buf,
    size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = from; i < to && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s",
		    i > from ? ", " : "", t->langs[i]);
}

/* "42 nodes, 9 outcomes, 2 languages (en, fr), 0 warnings", then the
 * match-only languages if any. */
static void
print_summary(const struct kw_tree *t, const char *file, size_t warnings)
{
	char nodes[64], outcomes[64], langs[64],
	    codes[KW_LANG_MAX * (KW_LANG_CODE_MAX + 2)], warns[64];
	size_t nout = count_outcomes(t), all = tree_nlangs_all(t);

	snprintf(nodes, sizeof nodes, ngettext("%zu node", "%zu nodes",
	    t->nnodes), t->nnodes);
	snprintf(outcomes, sizeof outcomes, ngettext("%zu outcome",
	    "%zu outcomes", nout), nout);
	snprintf(langs, sizeof langs, ngettext("%zu language",
	    "%zu languages", t->nlangs), t->nlangs);
	snprintf(warns, sizeof warns, ngettext("%zu warning", "%zu warnings",
	    warnings), warnings);
	lang_codes(t, 0, t->nlangs, codes, sizeof codes);
	/* TRANSLATORS: FILE: OK: 42 nodes, 9 outcomes, 2 languages (en, fr),
	 * 0 warnings */
	diag_printf(stdout, _("%s: OK: %s, %s, %s (%s), %s"), file, nodes,
	    outcomes, langs, codes, warns);
	putchar('\n');
	if (all > t->nlangs) {
		lang_codes(t, t->nlangs, all, codes, sizeof codes);
		/* TRANSLATORS: FILE: 15 match-only languages (de, it, ...) */
		diag_printf(stdout, ngettext("%s: %zu match-only language (%s)",
		    "%s: %zu match-only languages (%s)", all - t->nlangs),
		    file, all - t->nlangs, codes);
		putchar('\n');
	}
}

int
cmd_check(const struct kw_opts *o)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open = 0, status;

	load_default_limits(&lim);
	diags_init(&d, o->tree_path);
	t = load_tree(o->tree_path, &lim, &d, &cant_open);
	if (t != NULL)
		check_tree(t, o->training ? KW_CHECK_TRAINING : 0, &d);
	else
		diags_sort(&d);	/* a field's errors before a mapping's */
	fflush(stdout);
	diags_print(&d, stderr);
	if (t == NULL)
		status = cant_open ? KW_EXIT_NOINPUT : KW_EXIT_DATAERR;
	else if (d.nerrors > 0)
		status = KW_EXIT_DATAERR;
	else {
		print_summary(t, d.file, d.nwarnings);
		status = fflush(stdout) == 0 ? KW_EXIT_OK : KW_EXIT_IOERR;
	}
	tree_free(t);
	diags_free(&d);
	return status;
}
