/* SPDX-License-Identifier: MIT */
/* test_treecache.c - the tree cache: round trips, hits and misses, damage */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "load.h"
#include "record.h"
#include "run.h"
#include "testutil.h"
#include "treecache.h"

static char tmpdir[4096];
static char cachedir[4200];
static struct kw_limits lim;

static void
setup(void)
{
	snprintf(tmpdir, sizeof tmpdir, "%s/tests/tmp", KW_BUILDDIR);
	mkdir(tmpdir, 0700);
	snprintf(tmpdir, sizeof tmpdir, "%s/tests/tmp/treecache-XXXXXX",
	    KW_BUILDDIR);
	cr_assert_not_null(mkdtemp(tmpdir), "mkdtemp: %s", strerror(errno));
	snprintf(cachedir, sizeof cachedir, "%s/cache", tmpdir);
	setenv("XDG_CACHE_HOME", cachedir, 1);
	unsetenv("KEYWIZ_NO_CACHE");
	unsetenv("KEYWIZ_MAX_TREE_BYTES");
	load_default_limits(&lim);
}

static void
teardown(void)
{
	tu_rm_rf(tmpdir);
}

TestSuite(treecache, .init = setup, .fini = teardown);

/* One test per row of `table`; the body sees the row's index as *ip. */
#define TABLE_TEST(suite, name, table) \
	ParameterizedTestParameters(suite, name) \
	{ \
		return tu_indexes(sizeof table / sizeof table[0]); \
	} \
	ParameterizedTest(size_t *ip, suite, name, .init = setup, \
	    .fini = teardown)

/* ---- helpers ---- */

static void
write_file(const char *path, const void *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	cr_assert_geq(fd, 0, "%s: %s", path, strerror(errno));
	cr_assert_eq(write(fd, buf, len), (ssize_t)len);
	cr_assert_eq(close(fd), 0);
}

/* A copy of source file `rel` in the test's folder; returns its path (a
 * static buffer). */
static const char *
copy_tree(const char *rel)
{
	static char path[4400];
	const char *name = strrchr(rel, '/') + 1;
	size_t len;
	char *buf = tu_slurp(tu_src(rel), &len);

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	write_file(path, buf, len);
	free(buf);
	return path;
}

/* The YAML loaded and checked: no errors (and, with `clean`, nothing at
 * all, as run_load() wants before it writes the cache). */
static struct kw_tree *
load_yaml(const char *path, int clean)
{
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open;

	diags_init(&d, path);
	t = load_tree(path, &lim, &d, &cant_open);
	cr_assert_not_null(t, "%s does not load", path);
	check_tree(t, 0, &d);
	cr_assert_eq(d.nerrors, 0, "%s has errors", path);
	if (clean)
		cr_assert_eq(d.n, 0, "%s has warnings", path);
	diags_free(&d);
	return t;
}

/* Load through the cache as run_load() does: the cache, else the YAML
 * (then saved). Returns the tree and whether it came from the cache. */
static struct kw_tree *
cached_load(const char *path, int *hit)
{
	struct kw_treecache *c = treecache_open(path, &lim);
	struct kw_tree *t;

	cr_assert_not_null(c, "no cache for %s", path);
	if ((t = treecache_load(c, 0)) != NULL)
		*hit = 1;
	else {
		*hit = 0;
		t = load_yaml(path, 1);
		cr_assert_eq(treecache_save(c, t), 0, "cache not written");
	}
	treecache_close(c);
	return t;
}

/* The cache file of `path` (a static buffer). */
static const char *
cache_file(const char *path)
{
	static char buf[4400];
	struct kw_treecache *c = treecache_open(path, &lim);

	cr_assert_not_null(c);
	snprintf(buf, sizeof buf, "%s", treecache_file(c));
	treecache_close(c);
	return buf;
}

/* Whether the cache of `path` is used now. */
static int
hits(const char *path)
{
	struct kw_treecache *c = treecache_open(path, &lim);
	struct kw_tree *t;

	cr_assert_not_null(c);
	t = treecache_load(c, 0);
	treecache_close(c);
	tree_free(t);
	return t != NULL;
}

static size_t
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* ---- comparing two trees field by field, through the accessors ---- */

static void
same_str(const char *a, const char *b, const char *what)
{
	if (a == NULL || b == NULL)
		cr_assert(a == b, "%s: '%s' vs '%s'", what, a ? a : "(null)",
		    b ? b : "(null)");
	else
		cr_assert_str_eq(a, b, "%s", what);
}

static void
same_pos(struct kw_pos a, struct kw_pos b, const char *what)
{
	cr_assert(a.line == b.line && a.col == b.col, "%s: %u:%u vs %u:%u",
	    what, a.line, a.col, b.line, b.col);
}

static void
same_text(const struct kw_tree *t, const struct kw_text *a,
    const struct kw_text *b, const char *what)
{
	same_pos(a->pos, b->pos, what);
	for (size_t i = 0; i < t->nlangs; i++)
		same_str(tree_text_lang(a, i), tree_text_lang(b, i), what);
}

static void
same_strv(const struct kw_strv *a, const struct kw_strv *b,
    const char *what)
{
	cr_assert_eq(a->n, b->n, "%s: %zu vs %zu strings", what, a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		same_str(a->v[i], b->v[i], what);
}

static void
same_option(const struct kw_tree *t, const struct kw_option *a,
    const struct kw_option *b)
{
	same_str(a->id, b->id, "option id");
	same_text(t, &a->label, &b->label, "label");
	same_text(t, &a->message, &b->message, "message");
	for (size_t i = 0; i < t->nlangs; i++)
		same_strv(tree_match(a, i), tree_match(b, i), "match");
	same_str(a->target, b->target, "target");
	cr_assert_eq(a->next == NULL, b->next == NULL, "next");
	if (a->next != NULL)
		cr_assert_eq(a->next->index, b->next->index, "next");
	same_pos(a->pos, b->pos, "option pos");
}

static void
same_node(const struct kw_tree *t, const struct kw_node *a,
    const struct kw_node *b)
{
	same_str(a->id, b->id, "node id");
	cr_assert_eq(a->type, b->type, "%s: type", a->id);
	same_pos(a->pos, b->pos, "node pos");
	cr_assert_eq(a->index, b->index, "%s: index", a->id);
	same_text(t, &a->title, &b->title, "title");
	same_text(t, &a->text, &b->text, "text");
	same_text(t, &a->why, &b->why, "why");
	same_strv(&a->links, &b->links, "links");
	cr_assert_eq(a->nitems, b->nitems, "%s: items", a->id);
	for (size_t i = 0; i < a->nitems; i++)
		same_text(t, &a->items[i], &b->items[i], "item");
	cr_assert_eq(a->nopts, b->nopts, "%s: options", a->id);
	for (size_t i = 0; i < a->nopts; i++)
		same_option(t, &a->opts[i], &b->opts[i]);
	cr_assert_eq(a->minutes, b->minutes, "%s: minutes", a->id);
	cr_assert_eq(a->result, b->result, "%s: result", a->id);
	same_text(t, &a->contact, &b->contact, "contact");
	same_text(t, &a->tell, &b->tell, "tell");
}

static void
same_tree(const struct kw_tree *a, const struct kw_tree *b)
{
	char ha[32], hb[32];

	cr_assert_eq(a->format, b->format);
	same_str(a->id, b->id, "tree id");
	same_str(a->version, b->version, "version");
	cr_assert_eq(a->nlangs, b->nlangs);
	for (size_t i = 0; i < a->nlangs; i++)
		same_str(a->langs[i], b->langs[i], "language");
	same_text(a, &a->title, &b->title, "tree title");
	cr_assert_eq(a->has_keyfmt, b->has_keyfmt);
	cr_assert_eq(a->keyfmt.groups, b->keyfmt.groups);
	cr_assert_eq(a->keyfmt.group_length, b->keyfmt.group_length);
	cr_assert_str_eq(a->keyfmt.alphabet, b->keyfmt.alphabet);
	same_pos(a->keyfmt.pos, b->keyfmt.pos, "alphabet pos");
	same_str(a->start_id, b->start_id, "start");
	same_pos(a->start_pos, b->start_pos, "start pos");
	cr_assert_not_null(b->start);
	cr_assert_eq(a->start->index, b->start->index);
	cr_assert_eq(a->nnodes, b->nnodes);
	for (size_t i = 0; i < a->nnodes; i++) {
		same_node(a, &a->nodes[i], &b->nodes[i]);
		cr_assert_eq(tree_find(b, a->nodes[i].id), &b->nodes[i]);
	}
	cr_assert_eq(a->nscenarios, b->nscenarios);
	for (size_t i = 0; i < a->nscenarios; i++) {
		const struct kw_scenario *x = &a->scenarios[i];
		const struct kw_scenario *y = &b->scenarios[i];

		same_str(x->id, y->id, "scenario id");
		same_text(a, &x->caller, &y->caller, "caller");
		same_str(x->key, y->key, "scenario key");
		same_strv(&x->path, &y->path, "path");
		same_strv(&x->answers, &y->answers, "answers");
		same_pos(x->pos, y->pos, "scenario pos");
	}
	record_tree_hash(a, ha, sizeof ha);
	record_tree_hash(b, hb, sizeof hb);
	cr_assert_str_eq(ha, hb);
}

/* ---- round trips ---- */

/* Every tree that ships, and fixtures with every kind of field: those
 * run_load() caches, having no warnings. */
#define CLEAN_TREES \
	"wizard/m365-product-key.yaml", \
	"wizard/examples/password-expired.yaml", \
	"wizard/examples/printer-not-printing.yaml", \
	"tests/fixtures/good/all-types.yaml", \
	"tests/fixtures/good/lang-late.yaml", \
	"tests/fixtures/good/minimal.yaml", \
	"tests/fixtures/record/tree.yaml", \
	"tests/fixtures/session/walk.yaml", \
	"tests/fixtures/match/nine.yaml"

static const char *const clean_trees[] = { CLEAN_TREES };
/* The same and a tree with warnings, which compiles all the same. */
static const char *const trees[] = {
	CLEAN_TREES,
	"tests/fixtures/check/link.yaml"
};

/* Compiled and read back, the tree is the one the YAML gave. */
TABLE_TEST(treecache, round_trip, trees)
{
	const char *path = tu_src(trees[*ip]);
	struct kw_tree *a = load_yaml(path, 0), *b;
	size_t len;
	void *buf = treecache_encode(a, &len);

	cr_assert_not_null(buf);
	b = treecache_decode(buf, len, "given-name.yaml", &lim, 0);
	cr_assert_not_null(b, "%s does not read back", trees[*ip]);
	cr_assert_str_eq(b->file, "given-name.yaml");
	same_tree(a, b);
	free(buf);
	tree_free(a);
	tree_free(b);
}

/* Through the cache file: written on the first load, read on the next. */
TABLE_TEST(treecache, round_trip_file, clean_trees)
{
	const char *path = copy_tree(clean_trees[*ip]);
	struct kw_tree *a, *b;
	struct stat st;
	int hit;

	a = cached_load(path, &hit);
	cr_assert_not(hit);
	b = cached_load(path, &hit);
	cr_assert(hit, "%s: no cache hit", clean_trees[*ip]);
	cr_assert_str_eq(b->file, path);
	same_tree(a, b);
	cr_assert_eq(stat(cache_file(path), &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0600);
	cr_assert_eq(stat(cachedir, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0700);
	tree_free(a);
	tree_free(b);
}

/* Texts written before `languages` keep their languages, both ways. */
Test(treecache, languages_last, .init = setup, .fini = teardown)
{
	const char *path = copy_tree("tests/fixtures/good/lang-late.yaml");
	struct kw_tree *a, *t;
	const struct kw_option *o;
	int hit;

	a = cached_load(path, &hit);
	t = cached_load(path, &hit);
	cr_assert(hit);
	o = &t->nodes[0].opts[0];
	cr_assert_str_eq(t->langs[0], "en");
	cr_assert_str_eq(tree_text_lang(&t->title, 0), "Languages last");
	cr_assert_str_eq(tree_text_lang(&t->title, 1), "Langues à la fin");
	cr_assert_str_eq(tree_text_lang(&o->label, 0), "One");
	cr_assert_str_eq(tree_text_lang(&o->label, 1), "Un");
	cr_assert_eq(tree_match(o, 0)->n, 1);
	cr_assert_str_eq(tree_match(o, 0)->v[0], "one");
	cr_assert_eq(tree_match(o, 1)->n, 2);
	cr_assert_str_eq(tree_match(o, 1)->v[1], "une");
	cr_assert_str_eq(tree_text_lang(&t->scenarios[0].caller, 1),
	    "Bonjour");
	same_tree(a, t);
	tree_free(a);
	tree_free(t);
}

/* A tree whose checks fail is refused when read back, whatever the
 * stream says. */
Test(treecache, checked_when_read, .init = setup, .fini = teardown)
{
	static const char *const bad[] = {
		"tests/fixtures/check/no-way-out.yaml",
		"tests/fixtures/check/unknown-target.yaml",
		"tests/fixtures/check/scenario-edge.yaml",
		"tests/fixtures/check/keyfmt-repeat.yaml",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct kw_diags d;
		struct kw_tree *t;
		int cant_open;
		size_t len;
		void *buf;

		diags_init(&d, "x");
		t = load_tree(tu_src(bad[i]), &lim, &d, &cant_open);
		cr_assert_not_null(t);
		diags_free(&d);
		buf = treecache_encode(t, &len);
		cr_assert_not_null(buf);
		cr_assert_null(treecache_decode(buf, len, "x", &lim, 0),
		    "%s read back", bad[i]);
		free(buf);
		tree_free(t);
	}
}

/* Training mode checks the tree read from the cache as it would the YAML. */
Test(treecache, training_checks, .init = setup, .fini = teardown)
{
	const char *path = copy_tree("tests/fixtures/check/training.yaml");
	struct kw_treecache *c;
	struct kw_tree *t;
	int hit;

	tree_free(cached_load(path, &hit));
	c = treecache_open(path, &lim);
	cr_assert_null(treecache_load(c, KW_CHECK_TRAINING));
	t = treecache_load(c, 0);
	cr_assert_not_null(t);
	tree_free(t);
	treecache_close(c);
}

/* ---- hits and misses ---- */

Test(treecache, hit_and_miss, .init = setup, .fini = teardown)
{
	const char *path = copy_tree("wizard/examples/password-expired.yaml");
	char keywiz_dir[4300], *before, *after, *yaml;
	struct kw_tree *t;
	size_t len, blen, alen;
	int hit;

	snprintf(keywiz_dir, sizeof keywiz_dir, "%s/keywiz", cachedir);
	t = cached_load(path, &hit);
	cr_assert_not(hit);
	tree_free(t);
	cr_assert_eq(count_files(keywiz_dir), 1);
	cr_assert(hits(path));
	before = tu_slurp(cache_file(path), &blen);

	/* an edit: a miss, and the same file written again */
	yaml = tu_slurp(path, &len);
	yaml = realloc(yaml, len + 32);
	cr_assert_not_null(yaml);
	memcpy(yaml + len, "# edited\n", 10);
	write_file(path, yaml, len + 9);
	cr_assert_not(hits(path));
	t = cached_load(path, &hit);
	cr_assert_not(hit);
	tree_free(t);
	cr_assert_eq(count_files(keywiz_dir), 1);
	after = tu_slurp(cache_file(path), &alen);
	cr_assert(blen != alen || memcmp(before, after, blen) != 0);
	cr_assert(hits(path));

	/* the same content written again, newer: still a hit */
	write_file(path, yaml, len + 9);
	cr_assert(hits(path));
	/* back to the first content: a miss (the cache holds the edit) */
	write_file(path, yaml, len);
	cr_assert_not(hits(path));
	free(yaml);
	free(before);
	free(after);
}

/* Other limits (KEYWIZ_MAX_TREE_BYTES) make another loader: a miss. */
Test(treecache, other_limits, .init = setup, .fini = teardown)
{
	const char *path = copy_tree("wizard/examples/password-expired.yaml");
	struct kw_treecache *c;
	struct kw_limits small = lim;
	int hit;

	tree_free(cached_load(path, &hit));
	small.max_bytes = 1000;
	c = treecache_open(path, &small);
	cr_assert_null(treecache_load(c, 0));
	treecache_close(c);
	cr_assert(hits(path));
}

/* The file changed between its load and the cache's writing: nothing is
 * written, as the tree may be the old one. */
Test(treecache, changed_while_loading, .init = setup, .fini = teardown)
{
	const char *path = copy_tree("wizard/examples/password-expired.yaml");
	struct kw_treecache *c = treecache_open(path, &lim);
	struct kw_tree *t;
	struct stat st;

	cr_assert_null(treecache_load(c, 0));
	t = load_yaml(path, 1);
	write_file(path, "# gone\n", 7);
	cr_assert_eq(treecache_save(c, t), -1);
	cr_assert_neq(stat(treecache_file(c), &st), 0);
	treecache_close(c);
	tree_free(t);
}

/* Each tree path has its own file: the name is a hash of the real path. */
Test(treecache, one_file_per_tree, .init = setup, .fini = teardown)
{
	char a[4400], b[4400], link[4400], file[4400];
	const char *p;

	snprintf(a, sizeof a, "%s",
	    copy_tree("tests/fixtures/good/minimal.yaml"));
	snprintf(b, sizeof b, "%s",
	    copy_tree("tests/fixtures/good/lang-late.yaml"));
	snprintf(file, sizeof file, "%s", cache_file(a));
	cr_assert_str_neq(file, cache_file(b));
	p = strrchr(file, '/') + 1;
	cr_assert_eq(strlen(p), strlen("tree-0123456789abcdef.kwc"));
	cr_assert_eq(strncmp(p, "tree-", 5), 0);
	cr_assert_eq(strspn(p + 5, "0123456789abcdef"), 16);
	cr_assert_str_eq(p + 21, ".kwc");
	/* another name for the same file: the same cache */
	snprintf(link, sizeof link, "%s/other-name.yaml", tmpdir);
	cr_assert_eq(symlink(a, link), 0);
	cr_assert_str_eq(cache_file(link), file);
}

/* ---- where, and when not ---- */

Test(treecache, where, .init = setup, .fini = teardown)
{
	const char *path = tu_src("tests/fixtures/good/minimal.yaml");
	char want[4400];
	struct kw_treecache *c;

	snprintf(want, sizeof want, "%s/keywiz/tree-", cachedir);
	cr_assert_eq(strncmp(cache_file(path), want, strlen(want)), 0);

	setenv("XDG_CACHE_HOME", "relative/cache", 1);
	setenv("HOME", tmpdir, 1);
	snprintf(want, sizeof want, "%s/.cache/keywiz/tree-", tmpdir);
	cr_assert_eq(strncmp(cache_file(path), want, strlen(want)), 0);
	unsetenv("XDG_CACHE_HOME");
	cr_assert_eq(strncmp(cache_file(path), want, strlen(want)), 0);

	/* nowhere to put it */
	setenv("HOME", "relative", 1);
	cr_assert_null(treecache_open(path, &lim));
	unsetenv("HOME");
	cr_assert_null(treecache_open(path, &lim));

	/* standard input, a missing file, a folder */
	setenv("XDG_CACHE_HOME", cachedir, 1);
	cr_assert_null(treecache_open("-", &lim));
	cr_assert_null(treecache_open("/nonexistent/tree.yaml", &lim));
	cr_assert_null(treecache_open(tmpdir, &lim));
	c = treecache_open(path, &lim);
	cr_assert_not_null(c);
	treecache_close(c);
	treecache_close(NULL);
}

Test(treecache, no_cache_variable, .init = setup, .fini = teardown)
{
	const char *path = tu_src("tests/fixtures/good/minimal.yaml");
	struct kw_treecache *c;

	setenv("KEYWIZ_NO_CACHE", "1", 1);
	cr_assert_null(treecache_open(path, &lim));
	setenv("KEYWIZ_NO_CACHE", "", 1);	/* empty: as if unset */
	c = treecache_open(path, &lim);
	cr_assert_not_null(c);
	treecache_close(c);
}

/* run_load() with KEYWIZ_NO_CACHE writes nothing; without it, a clean tree
 * is cached, a tree with warnings is not. */
Test(treecache, run_load_writes, .init = setup, .fini = teardown)
{
	struct kw_opts o;
	struct kw_tree *t;
	char dir[4300];
	int status = 0;

	snprintf(dir, sizeof dir, "%s/keywiz", cachedir);
	memset(&o, 0, sizeof o);
	o.tree_path = copy_tree("tests/fixtures/good/all-types.yaml");
	setenv("KEYWIZ_NO_CACHE", "yes", 1);
	t = run_load(&o, &status);
	cr_assert_not_null(t);
	tree_free(t);
	cr_assert_eq(count_files(dir), 0);

	unsetenv("KEYWIZ_NO_CACHE");
	o.tree_path = copy_tree("tests/fixtures/check/link.yaml");
	t = run_load(&o, &status);
	cr_assert_not_null(t);
	tree_free(t);
	cr_assert_eq(count_files(dir), 0, "a tree with warnings was cached");

	o.tree_path = copy_tree("tests/fixtures/good/all-types.yaml");
	t = run_load(&o, &status);
	cr_assert_not_null(t);
	tree_free(t);
	cr_assert_eq(count_files(dir), 1);
	cr_assert(hits(o.tree_path));
	t = run_load(&o, &status);
	cr_assert_not_null(t);
	tree_free(t);
	cr_assert_eq(status, 0);
}

/* A cache folder that cannot be made or written: the tree loads all the
 * same, from its YAML. */
Test(treecache, unwritable, .init = setup, .fini = teardown)
{
	const char *path = copy_tree("wizard/examples/password-expired.yaml");
	char notdir[4400];
	struct kw_treecache *c;
	struct kw_opts o;
	struct kw_tree *t;
	int status = 0;

	/* XDG_CACHE_HOME is a file: no folder can go under it, not even
	 * for root */
	snprintf(notdir, sizeof notdir, "%s/plain-file", tmpdir);
	write_file(notdir, "x", 1);
	setenv("XDG_CACHE_HOME", notdir, 1);
	c = treecache_open(path, &lim);
	cr_assert_not_null(c);
	cr_assert_null(treecache_load(c, 0));
	t = load_yaml(path, 1);
	cr_assert_eq(treecache_save(c, t), -1);
	treecache_close(c);
	tree_free(t);
	memset(&o, 0, sizeof o);
	o.tree_path = path;
	t = run_load(&o, &status);
	cr_assert_not_null(t);
	cr_assert_eq(status, 0);
	tree_free(t);

	/* a folder where the file should go */
	setenv("XDG_CACHE_HOME", cachedir, 1);
	snprintf(notdir, sizeof notdir, "%s/keywiz", cachedir);
	mkdir(cachedir, 0700);
	mkdir(notdir, 0700);
	mkdir(cache_file(path), 0700);
	t = run_load(&o, &status);
	cr_assert_not_null(t);
	tree_free(t);
	rmdir(cache_file(path));
	/* a read-only folder (root writes there anyway) */
	if (geteuid() != 0) {
		char dir[4300];

		snprintf(dir, sizeof dir, "%s/keywiz", cachedir);
		cr_assert_eq(chmod(dir, 0500), 0);
		t = run_load(&o, &status);
		cr_assert_not_null(t);
		tree_free(t);
		cr_assert_eq(count_files(dir), 0);
		chmod(dir, 0700);
	}
	cr_assert_eq(status, 0);
}

/* ---- a cache file nobody should trust ---- */

/* A cache file of ours for the example tree; its content in *buf. */
static const char *
real_cache(const char *rel, char **buf, size_t *len)
{
	const char *path = copy_tree(rel);
	static char file[4400];
	int hit;

	tree_free(cached_load(path, &hit));
	snprintf(file, sizeof file, "%s", cache_file(path));
	*buf = tu_slurp(file, len);
	cr_assert(hits(path));
	return path;
}

Test(treecache, owner_and_mode, .init = setup, .fini = teardown)
{
	char *buf, link[4400];
	size_t len;
	const char *path = real_cache("wizard/examples/password-expired.yaml",
	    &buf, &len);
	const char *file = cache_file(path);

	cr_assert_eq(chmod(file, 0620), 0);
	cr_assert_not(hits(path), "a group-writable cache was used");
	cr_assert_eq(chmod(file, 0602), 0);
	cr_assert_not(hits(path), "a world-writable cache was used");
	cr_assert_eq(chmod(file, 0644), 0);
	cr_assert(hits(path));

	/* a symbolic link, even to a good copy */
	snprintf(link, sizeof link, "%s/copy.kwc", tmpdir);
	write_file(link, buf, len);
	cr_assert_eq(unlink(file), 0);
	cr_assert_eq(symlink(link, file), 0);
	cr_assert_not(hits(path), "a symbolic link was followed");
	cr_assert_eq(unlink(file), 0);
	write_file(file, buf, len);
	cr_assert(hits(path));

	free(buf);
	if (geteuid() != 0)
		cr_skip_test("only root can give a file to someone else");
	cr_assert_eq(chown(file, 1, (gid_t)-1), 0);
	cr_assert_not(hits(path), "someone else's cache was used");
}

/* Cut at every length, or one byte changed anywhere: a miss each time,
 * never a crash (the sanitizer build runs this too). The file is read
 * through a window of 16 KiB: a small tree fits in one, the bundled tree
 * takes several (every 331st byte of it, and every cut around the window's
 * edges, as all of it would take minutes). */
static const struct {
	const char *tree;
	size_t step;
} files[] = {
	{ "wizard/examples/password-expired.yaml", 1 },
	{ "wizard/m365-product-key.yaml", 331 },
};

/* Whether to try a cut at `n`: every `step`th, and every one within 64
 * bytes of a multiple of the window. */
static int
try_cut(size_t n, size_t step)
{
	size_t w = 16 * 1024;

	return n % step == 0 || (n > 64 && (n + 64) % w < 128);
}

TABLE_TEST(treecache, damaged_file, files)
{
	static const unsigned char flips[] = { 0x01, 0x80, 0xFF };
	size_t step = files[*ip].step, len;
	char *buf, *bad, file[4400];
	const char *path = real_cache(files[*ip].tree, &buf, &len);

	snprintf(file, sizeof file, "%s", cache_file(path));
	for (size_t n = 0; n < len; n++) {
		if (!try_cut(n, step))
			continue;
		write_file(file, buf, n);
		cr_assert_not(hits(path), "cut at %zu of %zu: used", n, len);
	}
	bad = malloc(len + 1);
	cr_assert_not_null(bad);
	for (size_t i = 0; i < len; i += step)
		for (size_t f = 0; f < sizeof flips; f++) {
			memcpy(bad, buf, len);
			bad[i] ^= (char)flips[f];
			write_file(file, bad, len);
			cr_assert_not(hits(path), "byte %zu ^ 0x%02X: used", i,
			    flips[f]);
		}
	/* intact, then one byte more */
	write_file(file, buf, len);
	cr_assert(hits(path));
	memcpy(bad, buf, len);
	bad[len] = '\n';
	write_file(file, bad, len + 1);
	cr_assert_not(hits(path));
	free(bad);
	free(buf);
}

/* A string longer than the window, its characters cut across reads. */
Test(treecache, long_string, .init = setup, .fini = teardown)
{
	static const char head[] = "keywiz: 1\nid: long\ntitle: {en: Long}\n"
	    "languages: [en]\nstart: a\nnodes:\n  a:\n    type: step\n"
	    "    text: {en: \"x";
	static const char tail[] = "\"}\n    next: b\n  b:\n"
	    "    type: outcome\n    result: resolved\n    text: {en: Done.}\n";
	size_t n = 20000, len = 0;
	char path[4400], *yaml = malloc(sizeof head + 2 * n + sizeof tail);
	struct kw_tree *a, *b;
	int hit;

	cr_assert_not_null(yaml);
	memcpy(yaml, head, sizeof head - 1);
	len = sizeof head - 1;
	for (size_t i = 0; i < n; i++) {
		memcpy(yaml + len, "\xC3\xA9", 2);	/* é */
		len += 2;
	}
	memcpy(yaml + len, tail, sizeof tail - 1);
	len += sizeof tail - 1;
	snprintf(path, sizeof path, "%s/long.yaml", tmpdir);
	write_file(path, yaml, len);
	a = cached_load(path, &hit);
	cr_assert_not(hit);
	b = cached_load(path, &hit);
	cr_assert(hit);
	cr_assert_eq(strlen(tree_text_lang(&b->nodes[0].text, 0)), 1 + 2 * n);
	same_tree(a, b);
	tree_free(a);
	tree_free(b);
	free(yaml);
}

/*
 * Below the file's checks (its header, the payload's hash): the stream
 * reader alone, given every cut and every one-byte change of a real
 * stream. A cut is always refused; a change is refused or read as some
 * other valid tree, and never crashes. The examples in full, the bundled
 * tree at every 97th byte (all of it would take minutes).
 */
static const struct {
	const char *tree;
	size_t step;
} streams[] = {
	{ "wizard/examples/password-expired.yaml", 1 },
	{ "wizard/examples/printer-not-printing.yaml", 1 },
	{ "tests/fixtures/good/all-types.yaml", 1 },
	{ "wizard/m365-product-key.yaml", 97 },
};

TABLE_TEST(treecache, damaged_stream, streams)
{
	static const unsigned char flips[] = { 0x01, 0x80, 0xFF };
	struct kw_tree *t = load_yaml(tu_src(streams[*ip].tree), 0), *u;
	size_t len, step = streams[*ip].step, refused = 0, tries = 0;
	unsigned char *buf = treecache_encode(t, &len), *bad;

	cr_assert_not_null(buf);
	for (size_t n = 0; n < len; n += step) {
		/* a copy of exactly n bytes, so the sanitizer sees any read
		 * past them */
		bad = malloc(n ? n : 1);
		cr_assert_not_null(bad);
		memcpy(bad, buf, n);
		cr_assert_null(treecache_decode(bad, n, "x", &lim, 0),
		    "cut at %zu of %zu: read", n, len);
		free(bad);
	}
	bad = malloc(len);
	cr_assert_not_null(bad);
	for (size_t i = 0; i < len; i += step)
		for (size_t f = 0; f < sizeof flips; f++) {
			memcpy(bad, buf, len);
			bad[i] ^= flips[f];
			u = treecache_decode(bad, len, "x", &lim, 0);
			refused += u == NULL;
			tries++;
			tree_free(u);
		}
	cr_assert_gt(refused, 0, "none of %zu changes refused", tries);
	free(bad);
	free(buf);
	tree_free(t);
}

/* Counts beyond the limits are refused before anything is allocated. */
Test(treecache, limits, .init = setup, .fini = teardown)
{
	struct kw_tree *t = load_yaml(tu_src(
	    "wizard/examples/printer-not-printing.yaml"), 0), *u;
	struct kw_limits small = lim;
	size_t len;
	void *buf = treecache_encode(t, &len);

	small.max_nodes = t->nnodes - 1;
	cr_assert_null(treecache_decode(buf, len, "x", &small, 0));
	small = lim;
	small.max_string = 8;
	cr_assert_null(treecache_decode(buf, len, "x", &small, 0));
	u = treecache_decode(buf, len, "x", &lim, 0);
	cr_assert_not_null(u);
	tree_free(u);
	free(buf);
	tree_free(t);
}
