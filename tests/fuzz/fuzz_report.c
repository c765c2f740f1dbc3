/* SPDX-License-Identifier: MIT */
/* fuzz_report.c - libFuzzer harness: any bytes as a record for --report:
 * its JSON scanner (report_scan) against jansson, then the statistics and
 * the text, CSV and JSON reports, which must be clean for a terminal */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "report-int.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("KEYWIZ_PATH", KW_SRCDIR "/wizard", 1);
	setenv("HOME", "/nonexistent", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	fz_bundled();
	return 0;
}

static void
print(const struct report *r, int (*fn)(const struct report *, FILE *),
    const char *what, int clean)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL || fn(r, fp) < 0 || fclose(fp) != 0)
		abort();
	if (clean)
		fz_assert_clean(buf, len, what);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct report_opts o = { .lang = "en" };
	struct kw_tree *t = (struct kw_tree *)fz_bundled();
	struct report r;
	struct rrec rec;
	struct rgroup *g;
	json_t *root;
	char *buf = malloc(size + 1), err[512];
	int rc;

	if (buf == NULL)
		abort();
	memcpy(buf, data, size);
	memset(&r, 0, sizeof r);
	r.o = &o;
	/* the bundled tree, as if loaded for its records (not freed) */
	r.trees = &t;
	r.ntrees = r.tcap = 1;
	rc = report_scan(&r, buf, size, &rec, err, sizeof err);
	/* JSON that jansson takes is JSON the scanner takes (but for a NUL
	 * byte outside strings, which jansson lets pass and JSON does not) */
	root = memchr(data, '\0', size) == NULL ? json_loadb((const char *)
	    data, size, JSON_DECODE_ANY, NULL) : NULL;
	if (root != NULL && rc < 0 && strncmp(err, "not valid JSON", 14) == 0) {
		fprintf(stderr, "fuzz: jansson parses it, the scanner says: "
		    "%s\n", err);
		abort();
	}
	json_decref(root);
	if (rc == 0 && (g = report_begin(&r, &rec)) != NULL) {
		for (size_t i = 0; i < r.nev; i++)
			report_event(g, &r.ev[i]);
		report_end(g, &rec);
	}
	if (r.records > 0) {
		print(&r, report_print_text, "the text report", 1);
		print(&r, report_print_csv, "the CSV report", 0);
		print(&r, report_print_json, "the JSON report", 1);
		print(&r, report_print_dot, "the traffic map", 0);
	}
	r.trees = NULL;
	r.ntrees = 0;
	report_free(&r);
	free(buf);
	return 0;
}
