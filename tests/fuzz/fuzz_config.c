/* SPDX-License-Identifier: MIT */
/* fuzz_config.c - libFuzzer harness: any bytes as a configuration file
 * (conf_parse over settings already set) and as the head of a tree file
 * (treelist_head_mem, what --list and --pick read) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "fuzzutil.h"
#include "treelist.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("HOME", "/home/fuzz", 1);
	return 0;
}

/* A string setting, if set, is one a user could have written: not empty,
 * clean. */
static void
check_str(const char *s, const char *what)
{
	if (s == NULL)
		return;
	if (*s == '\0') {
		fprintf(stderr, "fuzz: empty %s\n", what);
		abort();
	}
	fz_assert_clean(s, strlen(s), what);
}

static void
fuzz_conf(const uint8_t *data, size_t size)
{
	struct kw_conf c = { .plain = -1, .training = -1 };
	struct kw_diags d;
	int r;

	conf_set(&c.agent, "before");
	diags_init(&d, "config.yaml");
	r = conf_parse(&c, (const char *)data, size, &d);
	if ((r < 0) != (d.n == 1) || d.n > 1 || (r < 0 && (c.agent == NULL ||
	    strcmp(c.agent, "before") != 0))) {
		fprintf(stderr, "fuzz: conf_parse %d with %zu diagnostics\n",
		    r, d.n);
		abort();
	}
	check_str(c.tree, "tree");
	check_str(c.lang, "language");
	check_str(c.agent, "agent");
	check_str(c.on_end, "on_end");
	if (c.records != NULL && c.records[0] != '/')
		abort();
	if (c.agent != NULL && conf_name_problem(c.agent) != NULL)
		abort();
	if (c.records_mode != 0 && ((c.records_mode & 0600) != 0600 ||
	    (c.records_mode & ~(mode_t)0666) != 0))
		abort();
	conf_free(&c);
	diags_free(&d);
}

static void
fuzz_head(const uint8_t *data, size_t size)
{
	struct kw_treeinfo ti;
	int r;

	memset(&ti, 0, sizeof ti);
	r = treelist_head_mem(&ti, (const char *)data, size, "fr");
	if (r == 0) {
		if (ti.error != NULL || ti.id == NULL || ti.title == NULL ||
		    ti.langs == NULL)
			abort();
		fz_assert_clean(ti.title, strlen(ti.title), "title");
		fz_assert_clean(ti.langs, strlen(ti.langs), "languages");
	} else if (ti.error == NULL || ti.title != NULL)
		abort();
	if (ti.error != NULL)
		fz_assert_clean(ti.error, strlen(ti.error), "error");
	treelist_info_clear(&ti);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_conf(data, size);
	fuzz_head(data, size);
	return 0;
}
