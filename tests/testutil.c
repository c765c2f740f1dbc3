/* SPDX-License-Identifier: MIT */
/* testutil.c - shared helpers for the Criterion suites */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "i18n.h"
#include "load.h"
#include "testutil.h"

const char *
tu_src(const char *rel)
{
	static char buf[4096];

	snprintf(buf, sizeof buf, "%s/%s", KW_SRCDIR, rel);
	return buf;
}

struct kw_tree *
tu_load(const char *path)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open = 0;

	load_default_limits(&lim);
	diags_init(&d, path);
	t = load_tree(path, &lim, &d, &cant_open);
	if (t != NULL)
		check_tree(t, 0, &d);
	if (t == NULL || d.nerrors > 0) {
		diags_print(&d, stderr);
		cr_assert_fail("%s does not load cleanly", path);
	}
	diags_free(&d);
	return t;
}

const struct kw_tree *
tu_bundled(void)
{
	static struct kw_tree *t;

	if (t == NULL)
		t = tu_load(tu_src("wizard/m365-product-key.yaml"));
	return t;
}

char *
tu_slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	cr_assert_not_null(fp, "cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}

void
tu_scratch(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/tests/tmp", KW_BUILDDIR);
	mkdir(buf, 0700);
	snprintf(buf, size, "%s/tests/tmp/%s-XXXXXX", KW_BUILDDIR, name);
	cr_assert_not_null(mkdtemp(buf), "mkdtemp %s: %s", buf,
	    strerror(errno));
}

void
tu_rm_rf(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[8192];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			chmod(path, 0700);
			tu_rm_rf(path);
		} else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

time_t
tu_fake_clock(void)
{
	static time_t t = 1795514400;	/* 2026-11-24T10:00:00Z */

	return t++;
}

static void
free_indexes(struct criterion_test_params *cp)
{
	cr_free(cp->params);
}

struct criterion_test_params
tu_indexes(size_t n)
{
	size_t *v = cr_malloc(n * sizeof *v);

	for (size_t i = 0; i < n; i++)
		v[i] = i;
	return cr_make_param_array(size_t, v, n, free_indexes);
}

void
tu_run_plain(const struct kw_tree *t, const char *lang, const char *script,
    size_t len, const struct kw_ui_opts *o, struct tu_run *r)
{
	FILE *in, *out;
	int li = tree_lang(t, lang);

	i18n_init(lang);
	/* fmemopen() wants a size of at least 1 */
	in = len > 0 ? fmemopen((void *)script, len, "r") :
	    fopen("/dev/null", "r");
	cr_assert_not_null(in);
	out = open_memstream(&r->out, &r->outlen);
	cr_assert_not_null(out);
	r->s = session_new(t, li >= 0 ? (size_t)li : 0, tu_fake_clock);
	r->status = ui_plain_run(r->s, in, out, o);
	fclose(in);
	fclose(out);
}

void
tu_run_free(struct tu_run *r)
{
	session_free(r->s);
	free(r->out);
}
