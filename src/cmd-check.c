/* SPDX-License-Identifier: MIT */
/* cmd-check.c - keywiz --check: load and check a tree, report, exit */
#include "config.h"

#include <stdio.h>

#include "check.h"
#include "cmd.h"
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

/* "42 nodes, 9 outcomes, 2 languages (en, fr), 0 warnings" */
static void
print_summary(const struct kw_tree *t, const char *file, size_t warnings)
{
	char nodes[64], outcomes[64], langs[64], codes[KW_LANG_MAX * 5],
	    warns[64];
	size_t nout = count_outcomes(t), n = 0;

	snprintf(nodes, sizeof nodes, ngettext("%zu node", "%zu nodes",
	    t->nnodes), t->nnodes);
	snprintf(outcomes, sizeof outcomes, ngettext("%zu outcome",
	    "%zu outcomes", nout), nout);
	snprintf(langs, sizeof langs, ngettext("%zu language",
	    "%zu languages", t->nlangs), t->nlangs);
	snprintf(warns, sizeof warns, ngettext("%zu warning", "%zu warnings",
	    warnings), warnings);
	codes[0] = '\0';
	for (size_t i = 0; i < t->nlangs && n < sizeof codes; i++)
		n += (size_t)snprintf(codes + n, sizeof codes - n, "%s%s",
		    i > 0 ? ", " : "", t->langs[i]);
	/* TRANSLATORS: FILE: OK: 42 nodes, 9 outcomes, 2 languages (en, fr),
	 * 0 warnings */
	printf(_("%s: OK: %s, %s, %s (%s), %s"), file, nodes, outcomes, langs,
	    codes, warns);
	putchar('\n');
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
