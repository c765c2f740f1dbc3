/* SPDX-License-Identifier: MIT */
/* report.c - --report: the records under the files and folders named, read
 * one at a time into statistics by tree and version, then printed */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "cmd.h"
#include "diag.h"
#include "i18n.h"
#include "load.h"
#include "locate.h"
#include "record-int.h"
#include "record.h"
#include "report-int.h"
#include "xalloc.h"

/* Folders inside folders, at most this deep (a loop of links ends). */
#define DEPTH_MAX 16
/* Distinct texts that matched nothing kept per tree; the rest counted. */
#define UNMATCHED_MAX 5000

/* ---- durations ---- */

static size_t
hist_index(long s)
{
	if (s < 0)
		s = 0;
	if (s < HIST_SECS)
		return (size_t)s;
	if (s < 24 * 3600L)
		return HIST_SECS + (size_t)(s - HIST_SECS) / 60;
	if (s < 31 * 24 * 3600L)
		return HIST_SECS + HIST_MINS + (size_t)(s - 24 * 3600L) / 3600;
	return HIST_N - 1;
}

static long
hist_value(size_t i)
{
	if (i < HIST_SECS)
		return (long)i;
	if (i < HIST_SECS + HIST_MINS)
		return HIST_SECS + (long)(i - HIST_SECS) * 60;
	return 24 * 3600L + (long)(i - HIST_SECS - HIST_MINS) * 3600;
}

void
hist_add(struct hist *h, long secs)
{
	if (h->b == NULL)
		h->b = xcalloc(HIST_N, sizeof *h->b);
	h->b[hist_index(secs)]++;
	h->n++;
}

long
hist_quantile(const struct hist *h, double p)
{
	unsigned long rank, cum = 0;

	if (h->n == 0)
		return -1;
	rank = (unsigned long)(p * (double)h->n);
	if ((double)rank < p * (double)h->n)
		rank++;
	if (rank == 0)
		rank = 1;
	for (size_t i = 0; i < HIST_N; i++)
		if ((cum += h->b[i]) >= rank)
			return hist_value(i);
	return hist_value(HIST_N - 1);
}

void
hist_free(struct hist *h)
{
	free(h->b);
	h->b = NULL;
	h->n = 0;
}

/* ---- tallies ---- */

static size_t
str_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct tally **
tab_slot(const struct tab *t, const char *key)
{
	size_t i = str_hash(key) & (t->cap - 1);

	while (t->e[i] != NULL && strcmp(t->e[i]->key, key) != 0)
		i = (i + 1) & (t->cap - 1);
	return &t->e[i];
}

struct tally *
tab_find(const struct tab *t, const char *key)
{
	return t->cap == 0 ? NULL : *tab_slot(t, key);
}

struct tally *
tab_get(struct tab *t, const char *key)
{
	struct tally **slot, *e;

	if (t->cap > 0 && (e = *tab_slot(t, key)) != NULL)
		return e;
	if (t->max > 0 && t->n >= t->max)
		return NULL;
	if ((t->n + 1) * 2 > t->cap) {
		struct tab old = *t;

		t->cap = t->cap == 0 ? 16 : t->cap * 2;
		t->e = xcalloc(t->cap, sizeof *t->e);
		for (size_t i = 0; i < old.cap; i++)
			if (old.e[i] != NULL)
				*tab_slot(t, old.e[i]->key) = old.e[i];
		free(old.e);
	}
	slot = tab_slot(t, key);
	e = xcalloc(1, sizeof *e);
	e->key = xstrdup(key);
	*slot = e;
	t->n++;
	return e;
}

static int sort_col;

static int
by_count(const void *a, const void *b)
{
	const struct tally *x = *(struct tally *const *)a;
	const struct tally *y = *(struct tally *const *)b;

	if (x->c[sort_col] != y->c[sort_col])
		return x->c[sort_col] > y->c[sort_col] ? -1 : 1;
	return strcmp(x->key, y->key);
}

struct tally **
tab_sorted(const struct tab *t, int col)
{
	struct tally **v = xcalloc(t->n + 1, sizeof *v);
	size_t k = 0;

	for (size_t i = 0; i < t->cap; i++)
		if (t->e[i] != NULL)
			v[k++] = t->e[i];
	sort_col = col;
	qsort(v, k, sizeof *v, by_count);
	return v;
}

void
tab_free(struct tab *t)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->e[i] != NULL) {
			free(t->e[i]->key);
			free(t->e[i]->label);
			hist_free(&t->e[i]->h);
			free(t->e[i]);
		}
	free(t->e);
	memset(t, 0, sizeof *t);
}

/* ---- dates ---- */

int
report_parse_date(const char *s, int end, time_t *out)
{
	struct tm tm;
	char *rest;

	if (record_parse_time(s, out) == 0)
		return 0;
	memset(&tm, 0, sizeof tm);
	rest = strptime(s, "%Y-%m-%d", &tm);
	if (rest == NULL || *rest != '\0' || strlen(s) != 10)
		return -1;
	if (end) {
		tm.tm_hour = 23;
		tm.tm_min = 59;
		tm.tm_sec = 59;
	}
	tm.tm_isdst = -1;
	if ((*out = mktime(&tm)) == (time_t)-1)
		return -1;
	return 0;
}

/* ---- groups ---- */

/* The installed tree whose id is `id`, loaded once (quietly: a tree that
 * does not load is said once, and the records are shown without it). */
static struct kw_tree *
tree_for(struct report *r, const char *id)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	char *path;
	int cant_open = 0;

	for (size_t i = 0; i < r->ntrees; i++)
		if (strcmp(r->trees[i]->id, id) == 0)
			return r->trees[i];
	if ((path = locate_tree_id(id)) == NULL)
		return NULL;
	load_default_limits(&lim);
	diags_init(&d, path);
	t = load_tree(path, &lim, &d, &cant_open);
	if (t != NULL && check_tree(t, 0, &d) > 0) {
		tree_free(t);
		t = NULL;
	}
	diags_free(&d);
	if (t == NULL || strcmp(t->id, id) != 0) {
		char *safe = report_safe(path);

		diag_printf(stderr, _("%s: %s: the tree does not load; its "
		    "records are reported without it\n"), PACKAGE, safe);
		free(safe);
		tree_free(t);
		free(path);
		return NULL;
	}
	free(path);
	r->trees = xgrow(r->trees, &r->tcap, r->ntrees + 1, sizeof *r->trees);
	r->trees[r->ntrees++] = t;
	return t;
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static struct rgroup *
group_for(struct report *r, const struct rrec *rec)
{
	struct rgroup *g;
	struct kw_tree *t;
	char hash[32];

	for (size_t i = 0; i < r->ng; i++) {
		g = r->g[i];
		if (same(g->id, rec->tree) && same(g->version, rec->version) &&
		    same(g->hash, rec->hash))
			return g;
	}
	g = xcalloc(1, sizeof *g);
	g->id = xstrdup(rec->tree);
	g->version = xstrdup(rec->version != NULL ? rec->version : "");
	g->hash = xstrdup(rec->hash != NULL ? rec->hash : "");
	g->unmatched.max = UNMATCHED_MAX;
	if ((t = tree_for(r, rec->tree)) != NULL) {
		int lang = tree_lang(t, r->o->lang);

		record_tree_hash(t, hash, sizeof hash);
		g->installed = strcmp(hash, g->hash) == 0 ? 1 : -1;
		g->tree = g->installed == 1 ? t : NULL;
		g->lang = lang >= 0 ? (size_t)lang : 0;
	}
	r->g = xgrow(r->g, &r->gcap, r->ng + 1, sizeof *r->g);
	r->g[r->ng++] = g;
	return g;
}

struct rgroup *
report_begin(struct report *r, const struct rrec *rec)
{
	struct rgroup *g;

	if ((r->o->has_since && rec->started < r->o->since) ||
	    (r->o->has_until && rec->started > r->o->until)) {
		r->filtered++;
		return NULL;
	}
	r->records++;
	g = group_for(r, rec);
	if (g->n == 0 || rec->started < g->first)
		g->first = rec->started;
	if (g->n == 0 || rec->started > g->last)
		g->last = rec->started;
	g->n++;
	return g;
}

/* ---- walking the files and folders ---- */

void
report_skip(struct report *r, const char *path, const char *fmt, ...)
{
	char *why, *safe = report_safe(path), *msg;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&why, fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	msg = report_safe(why);
	diag_printf(stderr, "%s: %s: %s\n", PACKAGE, safe, msg);
	free(msg);
	free(why);
	free(safe);
	r->skipped++;
}

static int
is_json_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcasecmp(name + n - 5, ".json") == 0;
}

static void walk(struct report *r, const char *path, int depth, int named);

/* A folder's records (files named *.json, hidden ones aside) and its
 * folders, in the order the system lists them: the statistics do not
 * depend on it. */
static void
walk_dir(struct report *r, const char *path, int depth)
{
	DIR *d = opendir(path);
	struct dirent *de;

	if (d == NULL) {
		report_skip(r, path, "%s", strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		char *sub;

		if (de->d_name[0] == '.')
			continue;
		sub = xasprintf("%s%s%s", path, path[strlen(path) - 1] == '/' ?
		    "" : "/", de->d_name);
		/* the entry's type as the folder says it, so that a record
		 * costs no stat() of its own (record_read() checks it) */
		if (de->d_type == DT_DIR || ((de->d_type == DT_UNKNOWN ||
		    de->d_type == DT_LNK) && stat(sub, &st) == 0 &&
		    S_ISDIR(st.st_mode)))
			walk(r, sub, depth + 1, 0);
		else if (is_json_name(de->d_name))
			report_read_file(r, sub);
		free(sub);
	}
	closedir(d);
}

static void
walk(struct report *r, const char *path, int depth, int named)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		if (named)
			r->cant_open = 1;
		report_skip(r, path, "%s", strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		if (depth >= DEPTH_MAX)
			report_skip(r, path, _("folders nested more than %d "
			    "deep"), DEPTH_MAX);
		else
			walk_dir(r, path, depth);
		return;
	}
	report_read_file(r, path);
}

void
report_free(struct report *r)
{
	for (size_t i = 0; i < r->ng; i++) {
		struct rgroup *g = r->g[i];

		free(g->id);
		free(g->version);
		free(g->hash);
		hist_free(&g->calls);
		tab_free(&g->outcomes);
		tab_free(&g->errors);
		tab_free(&g->nodes);
		tab_free(&g->edges);
		tab_free(&g->unmatched);
		tab_free(&g->agents);
		free(g);
	}
	free(r->g);
	for (size_t i = 0; i < r->ntrees; i++)
		tree_free(r->trees[i]);
	free(r->trees);
	free(r->ev);
}

/* Installed trees first, then the others; more records first. */
static int
by_group(const void *a, const void *b)
{
	const struct rgroup *x = *(struct rgroup *const *)a;
	const struct rgroup *y = *(struct rgroup *const *)b;
	int c;

	if ((x->installed == 1) != (y->installed == 1))
		return x->installed == 1 ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	if ((c = strcmp(x->version, y->version)) != 0)
		return c;
	return strcmp(x->hash, y->hash);
}

int
cmd_report(const struct report_opts *o, FILE *out)
{
	struct report r;
	int rc;

	memset(&r, 0, sizeof r);
	r.o = o;
	for (size_t i = 0; i < o->npaths; i++)
		walk(&r, o->paths[i], 0, 1);
	if (r.ng > 1)
		qsort(r.g, r.ng, sizeof *r.g, by_group);
	if (o->dot)
		rc = report_print_dot(&r, out);
	else if (o->format == REPORT_CSV)
		rc = report_print_csv(&r, out);
	else if (o->format == REPORT_JSON)
		rc = report_print_json(&r, out);
	else
		rc = report_print_text(&r, out);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = -1;
	if (rc < 0) {
		diag_printf(stderr, _("%s: cannot write the report: %s\n"),
		    PACKAGE, strerror(errno));
		report_free(&r);
		return KW_EXIT_IOERR;
	}
	rc = r.records > 0 ? KW_EXIT_OK : r.cant_open ? KW_EXIT_NOINPUT :
	    KW_EXIT_NEGATIVE;
	report_free(&r);
	return rc;
}
