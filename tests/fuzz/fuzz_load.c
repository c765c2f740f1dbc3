/* SPDX-License-Identifier: MIT */
/* fuzz_load.c - libFuzzer harness: any bytes as a tree file (load_tree_mem,
 * then check_tree on what loads) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "fuzzutil.h"
#include "load.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;

	load_default_limits(&lim);
	diags_init(&d, "fuzz.yaml");
	t = load_tree_mem((const char *)data, size, &lim, &d);
	/* a failed load says why: errors only, every one it can find but
	 * no more than the cap and the line that says so */
	if (t == NULL && (d.n == 0 || d.nerrors != d.n ||
	    d.n > KW_LOAD_ERRORS_MAX + 1)) {
		fprintf(stderr, "fuzz: a failed load left %zu diagnostics, "
		    "%zu errors\n", d.n, d.nerrors);
		abort();
	}
	if (t != NULL) {
		if (d.n != 0)
			abort();
		check_tree(t, 0, &d);
		check_tree(t, KW_CHECK_TRAINING, &d);
	}
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].msg == NULL)
			abort();
	tree_free(t);
	diags_free(&d);
	return 0;
}
