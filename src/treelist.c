/* SPDX-License-Identifier: MIT */
/* treelist.c - the trees found in the lookup folders, each read only as far as its head */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "load.h"
#include "locate.h"
#include "text.h"
#include "tree.h"
#include "treelist.h"
#include "xalloc.h"
#include "yamlcur.h"

/* What the head reader collects before it settles the title's language. */
struct head {
	char *id, *version;
	char *tlang[KW_LANG_MAX], *ttext[KW_LANG_MAX];
	size_t ntitle;
	char *langs[KW_LANG_MAX];
	size_t nlangs;
};

static void
head_free(struct head *h)
{
	free(h->id);
	free(h->version);
	for (size_t i = 0; i < h->ntitle; i++) {
		free(h->tlang[i]);
		free(h->ttext[i]);
	}
	for (size_t i = 0; i < h->nlangs; i++)
		free(h->langs[i]);
}

/* Past the value that starts at the current event, to its last event. */
static int
skip_value(struct ycur *c)
{
	size_t depth = 0;

	for (;;) {
		switch (ycur_type(c)) {
		case YC_MAP:
		case YC_SEQ:
			depth++;
			break;
		case YC_MAP_END:
		case YC_SEQ_END:
			depth--;
			break;
		default:
			break;
		}
		if (depth == 0)
			return 0;
		if (ycur_next(c) < 0)
			return -1;
	}
}

static char *
cur_dup(struct ycur *c)
{
	return xstrndup(ycur_str(c), ycur_len(c));
}

/* `title`: a mapping of language codes to strings, or one string in a
 * tree in one language (in no language here: head_settle's last resort). */
static int
read_title(struct ycur *c, struct head *h)
{
	int r;

	if (ycur_type(c) == YC_SCALAR && !ycur_is_null(c)) {
		if (h->ntitle < KW_LANG_MAX) {
			h->tlang[h->ntitle] = xstrdup("");
			h->ttext[h->ntitle++] = cur_dup(c);
		}
		return 0;
	}
	if (ycur_expect(c, YC_MAP, "title") < 0)
		return -1;
	while ((r = ycur_map_next_key(c)) > 0) {
		char *code = cur_dup(c);

		if (ycur_next(c) < 0 || ycur_want_string(c, "title") < 0) {
			free(code);
			return -1;
		}
		if (h->ntitle < KW_LANG_MAX) {
			h->tlang[h->ntitle] = code;
			h->ttext[h->ntitle++] = cur_dup(c);
		} else
			free(code);
	}
	return r;
}

static int
read_languages(struct ycur *c, struct head *h)
{
	int r;

	if (ycur_expect(c, YC_SEQ, "languages") < 0)
		return -1;
	while ((r = ycur_seq_next(c)) > 0) {
		if (ycur_want_string(c, "languages") < 0)
			return -1;
		if (h->nlangs < KW_LANG_MAX)
			h->langs[h->nlangs++] = cur_dup(c);
	}
	return r;
}

/* The root mapping's head fields; the rest is skipped, and reading stops
 * at `nodes` once the head is known. */
static int
read_head(struct ycur *c, struct head *h)
{
	int r;

	if (ycur_begin(c) < 0 || ycur_expect_in(c, YC_MAP, "the tree") < 0)
		return -1;
	while ((r = ycur_map_next_key(c)) > 0) {
		char key[16];

		snprintf(key, sizeof key, "%s", ycur_str(c));
		if (strcmp(key, "nodes") == 0 && h->id != NULL &&
		    h->ntitle > 0 && h->nlangs > 0)
			return 0;
		if (ycur_next(c) < 0)
			return -1;
		if (strcmp(key, "id") == 0 || strcmp(key, "version") == 0) {
			char **field = key[0] == 'i' ? &h->id : &h->version;

			if (ycur_want_string(c, key) < 0)
				return -1;
			free(*field);
			*field = cur_dup(c);
			r = 0;
		} else if (strcmp(key, "title") == 0)
			r = read_title(c, h);
		else if (strcmp(key, "languages") == 0)
			r = read_languages(c, h);
		else
			r = skip_value(c);
		if (r < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	if (h->id == NULL || h->ntitle == 0 || h->nlangs == 0) {
		struct kw_pos top = { 1, 1 };

		return ycur_fail(c, top, "missing required field '%s' in the "
		    "tree", h->id == NULL ? "id" : h->ntitle == 0 ? "title" :
		    "languages");
	}
	return 0;
}

/* Settle what was read into `ti`: the title in `lang`, else in the tree's
 * first language, else the first given. */
static void
head_settle(struct kw_treeinfo *ti, struct head *h, const char *lang)
{
	const char *title = NULL;
	char *langs;
	size_t len = 0;

	for (size_t i = 0; i < h->ntitle && title == NULL; i++)
		if (strcmp(h->tlang[i], lang) == 0)
			title = h->ttext[i];
	for (size_t i = 0; i < h->ntitle && title == NULL; i++)
		if (strcmp(h->tlang[i], h->langs[0]) == 0)
			title = h->ttext[i];
	if (title == NULL)
		title = h->ttext[0];
	ti->title = text_clean(title);
	ti->id = text_clean(h->id);
	ti->version = h->version != NULL ? text_clean(h->version) : NULL;
	for (size_t i = 0; i < h->nlangs; i++)
		len += strlen(h->langs[i]) + 2;
	langs = xcalloc(1, len + 1);
	for (size_t i = 0; i < h->nlangs; i++) {
		if (i > 0)
			strcat(langs, ", ");
		strcat(langs, h->langs[i]);
	}
	ti->langs = text_clean(langs);
	free(langs);
}

/* "LINE:COL: message" of the first diagnostic. */
static char *
first_error(const struct kw_diags *d)
{
	const struct kw_diag *e = d->n > 0 ? &d->v[0] : NULL;
	char *s, *clean;

	if (e == NULL)
		return xstrdup("cannot be read");
	if (e->pos.line > 0)
		s = xasprintf("%u:%u: %s", e->pos.line, e->pos.col, e->msg);
	else
		s = xstrdup(e->msg);
	clean = text_clean(s);
	free(s);
	return clean;
}

/* The head from `len` bytes at `buf`, or (buf NULL) the regular file
 * `fd` of `len` bytes; diagnostics in `d`. */
static int
read_head_from(struct kw_treeinfo *ti, const char *buf, size_t len, int fd,
    struct kw_diags *d, const char *lang)
{
	struct kw_limits lim;
	struct head h;
	struct ycur *c;
	int r;

	memset(&h, 0, sizeof h);
	load_default_limits(&lim);
	if (len > lim.max_bytes) {
		struct kw_pos top = { 1, 1 };

		diags_add(d, KW_SEV_ERROR, top, "file too large: %zu bytes "
		    "(at most %zu; see KEYWIZ_MAX_TREE_BYTES)", len,
		    lim.max_bytes);
		r = -1;
	} else {
		c = ycur_new(buf, len, fd, &lim, d);
		r = read_head(c, &h);
		ycur_free(c);
	}
	if (r == 0)
		head_settle(ti, &h, lang);
	else
		ti->error = first_error(d);
	head_free(&h);
	return r;
}

int
treelist_head_mem(struct kw_treeinfo *ti, const char *buf, size_t len,
    const char *lang)
{
	struct kw_diags d;
	int r;

	diags_init(&d, "-");
	r = read_head_from(ti, buf, len, -1, &d, lang);
	diags_free(&d);
	return r;
}

int
treelist_read_head(struct kw_treeinfo *ti, const char *lang)
{
	struct kw_diags d;
	struct kw_pos nopos = { 0, 0 };
	struct stat st;
	int fd, r = -1;

	diags_init(&d, ti->path);
	if ((fd = open(ti->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		diags_add(&d, KW_SEV_ERROR, nopos, "cannot open: %s",
		    strerror(errno));
	else if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		diags_add(&d, KW_SEV_ERROR, nopos, "not a regular file");
	else
		r = read_head_from(ti, NULL, (size_t)st.st_size, fd, &d, lang);
	if (fd >= 0)
		close(fd);
	if (r < 0 && ti->error == NULL)
		ti->error = first_error(&d);
	diags_free(&d);
	return r;
}

/* The parts of `ti` a head reader fills, freed and unset. */
void
treelist_info_clear(struct kw_treeinfo *ti)
{
	free(ti->id);
	free(ti->version);
	free(ti->title);
	free(ti->langs);
	free(ti->error);
	ti->id = ti->version = ti->title = ti->langs = ti->error = NULL;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAME of each NAME.yaml in `dir` (not a hidden file), sorted. */
static size_t
folder_names(const char *dir, char ***out)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	DIR *d;

	*out = NULL;
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len <= 5 ||
		    strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n++] = xstrndup(e->d_name, len - 5);
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof *v, cmp_names);
	*out = v;
	return n;
}

void
treelist_scan(struct kw_treelist *l, const char *lang)
{
	struct kw_folders f;
	dev_t *dev;
	ino_t *ino;
	size_t nseen = 0;

	memset(l, 0, sizeof *l);
	locate_folders(&f);
	dev = xcalloc(f.n + 1, sizeof *dev);
	ino = xcalloc(f.n + 1, sizeof *ino);
	for (size_t i = 0; i < f.n; i++) {
		struct stat st;
		char **names;
		size_t n, k;

		if (stat(f.v[i], &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		for (k = 0; k < nseen; k++)
			if (dev[k] == st.st_dev && ino[k] == st.st_ino)
				break;
		if (k < nseen)
			continue;	/* the same folder, named again */
		dev[nseen] = st.st_dev;
		ino[nseen++] = st.st_ino;
		n = folder_names(f.v[i], &names);
		for (size_t j = 0; j < n; j++) {
			struct kw_treeinfo *ti;
			char *path = xasprintf("%s/%s.yaml", f.v[i], names[j]);

			/* what the lookup would skip is not a tree found */
			if (access(path, R_OK) != 0 || (stat(path, &st) == 0 &&
			    S_ISDIR(st.st_mode))) {
				free(path);
				free(names[j]);
				continue;
			}
			l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
			ti = &l->v[l->n];
			memset(ti, 0, sizeof *ti);
			ti->name = names[j];
			ti->path = path;
			ti->shadowed_by = -1;
			for (size_t m = 0; m < l->n; m++)
				if (strcmp(l->v[m].name, ti->name) == 0) {
					ti->shadowed_by = (long)m;
					break;
				}
			treelist_read_head(ti, lang);
			l->n++;
		}
		free(names);
	}
	free(dev);
	free(ino);
	locate_folders_free(&f);
}

void
treelist_free(struct kw_treelist *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct kw_treeinfo *ti = &l->v[i];

		free(ti->name);
		free(ti->path);
		treelist_info_clear(ti);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
