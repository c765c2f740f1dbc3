/* SPDX-License-Identifier: MIT */
/* load.c - a YAML decision tree into a kw_tree: the tree, its product key and scenarios; what load-text.c and load-node.c share */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "load.h"
#include "loader.h"
#include "xalloc.h"
#include "yamlcur.h"

#include "reader.h"

/* ---- what the schema's files share ---- */

static int
vfail(struct loader *l, struct kw_pos pos, const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	return ycur_fail(l->c, pos, "%s", msg);
}

int
load_fail(struct loader *l, struct kw_pos pos, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfail(l, pos, fmt, ap);
	va_end(ap);
	return r;
}

int
load_err(struct loader *l, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vfail(l, ycur_pos(l->c), fmt, ap);
	va_end(ap);
	return r;
}

int
load_recover(struct loader *l, size_t depth)
{
	struct kw_pos pos;

	if (l->stopped)
		return -1;
	if (l->diags->nerrors >= KW_LOAD_ERRORS_MAX) {
		l->stopped = 1;
		pos = ycur_pos(l->c);
		diags_add(l->diags, KW_SEV_ERROR, pos, "too many errors (%d); "
		    "not reading further", KW_LOAD_ERRORS_MAX);
		return -1;
	}
	return ycur_skip(l->c, depth);
}

/* The current scalar, which must be a non-null string, copied into the
 * tree. */
int
load_string(struct loader *l, const char *what, const char **out)
{
	if (ycur_type(l->c) != YC_SCALAR || ycur_is_null(l->c))
		return load_err(l, "expected a string for '%s', "
		    "found %s", what, ycur_found(l->c));
	*out = tree_strndup(l->t, ycur_str(l->c), ycur_len(l->c));
	return 0;
}


/* Read the `id` of a tree or a scenario (`what`) into *out: lower-case
 * letters only for a tree's. */
static int
read_id(struct loader *l, const char *what, int lower_only, const char **out)
{
	if (load_string(l, "id", out) < 0)
		return -1;
	if (!tree_id_valid(*out, lower_only))
		return load_err(l, "invalid %s id '%s' (%sletters, "
		    "digits, '.', '_' and '-', starting with a letter or digit, "
		    "at most %d)", what, ycur_show(l->c, 0, *out, strlen(*out)),
		    lower_only ? "lower-case " : "", KW_ID_MAX);
	return 0;
}


/* A copy of `n` bytes of scratch space in the tree's arena. */
void *
load_copy(struct loader *l, const void *p, size_t n)
{
	void *q = tree_alloc(l->t, n);

	memcpy(q, p, n);
	return q;
}

/* The current key's index in `names`; an error (with a hint) when it is
 * unknown or was seen before in this mapping. */
int
load_field(struct loader *l, const char *const *names, size_t n,
    const char *where, unsigned *seen, struct kw_pos *kpos)
{
	const char *key = ycur_str(l->c);
	struct kw_suggest sg;
	size_t best = 0;

	for (size_t i = 0; i < n; i++) {
		if (key[0] != names[i][0] || strcmp(key, names[i]) != 0)
			continue;
		if ((*seen & 1u << i) && kpos[i].line > 0)
			return load_err(l, "duplicate key '%s' (first "
			    "at %u:%u)", names[i], kpos[i].line, kpos[i].col);
		*seen |= 1u << i;
		kpos[i] = ycur_pos(l->c);
		return (int)i;
	}
	check_suggest_init(&sg, key);
	for (size_t i = 0; i < n; i++) {
		check_suggest_try(&sg, names[i]);
		best = sg.best == names[i] ? i : best;
	}
	if (sg.best != NULL) {
		/* a misspelt field is not missing as well: seen, at no place,
		 * until the right spelling comes */
		if (!(*seen & 1u << best)) {
			*seen |= 1u << best;
			kpos[best].line = kpos[best].col = 0;
		}
		return load_err(l, "unknown key '%s' in %s (did you "
		    "mean '%s'?)", ycur_show(l->c, 0, key, ycur_len(l->c)),
		    where, sg.best);
	}
	return load_err(l, "unknown key '%s' in %s",
	    ycur_show(l->c, 0, key, ycur_len(l->c)), where);
}

int
load_missing(struct loader *l, struct kw_pos mpos, const char *const *names,
    size_t n, unsigned required, unsigned seen, const char *where)
{
	int r = 0;

	for (size_t i = 0; i < n; i++)
		if ((required & 1u << i) && !(seen & 1u << i))
			r = load_fail(l, mpos, "missing required field "
			    "'%s' in %s", names[i], where);
	return r;
}

/* ---- scenarios ---- */

enum {
	SF_ID, SF_CALLER, SF_KEY, SF_PATH, SF_ANSWERS, SF_COUNT
};

static const char *const scenario_fields[SF_COUNT] = {
	"id", "caller", "key", "path", "answers"
};

static int
parse_scenario(struct loader *l, struct kw_scenario *s)
{
	struct kw_pos mpos = ycur_pos(l->c), kpos[SF_COUNT], lpos;
	size_t depth = ycur_depth(l->c);
	unsigned seen = 0;
	int r, f;

	memset(s, 0, sizeof *s);	/* kept even when it is not read */
	s->pos = mpos;
	if (ycur_expect(l->c, YC_MAP, "scenarios") < 0)
		return -1;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((f = load_field(l, scenario_fields, SF_COUNT,
		    "a scenario", &seen, kpos)) < 0 || ycur_next(l->c) < 0) {
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		switch (f) {
		case SF_ID:
			r = read_id(l, "scenario", 0, &s->id);
			break;
		case SF_CALLER:
			r = load_text(l, "caller", &s->caller);
			break;
		case SF_KEY:
			r = load_string(l, "key", &s->key);
			break;
		case SF_PATH:
			lpos = ycur_pos(l->c);
			r = load_strlist(l, "path", &s->path);
			if (r == 0 && s->path.n == 0)
				r = load_fail(l, lpos, "expected at least one "
				    "node in 'path'");
			break;
		case SF_ANSWERS:
			r = load_strlist(l, "answers", &s->answers);
			break;
		}
		if (r < 0 && load_recover(l, depth) < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	return load_missing(l, mpos, scenario_fields, SF_COUNT, 1u << SF_ID |
	    1u << SF_CALLER | 1u << SF_PATH | 1u << SF_ANSWERS, seen,
	    "a scenario");
}

static int
parse_scenarios(struct loader *l)
{
	struct kw_tree *t = l->t;
	size_t depth = ycur_depth(l->c);
	int r;

	if (ycur_expect(l->c, YC_SEQ, "scenarios") < 0)
		return -1;
	while ((r = ycur_seq_next(l->c)) > 0) {
		l->scens = xgrow(l->scens, &l->capscens, l->nscens + 1,
		    sizeof *l->scens);
		if (parse_scenario(l, &l->scens[l->nscens]) < 0 &&
		    load_recover(l, depth) < 0)
			return -1;
		l->nscens++;
	}
	if (r < 0)
		return -1;
	t->nscenarios = l->nscens;
	t->scenarios = load_copy(l, l->scens, l->nscens *
	    sizeof *t->scenarios);
	free(l->scens);
	l->scens = t->scenarios;	/* for resolve_langs() */
	l->capscens = 0;
	return 0;
}

/* ---- the tree ---- */

enum {
	KF_GROUPS, KF_GROUP_LENGTH, KF_ALPHABET, KF_COUNT
};

static const char *const keyfmt_fields[KF_COUNT] = {
	"groups", "group_length", "alphabet"
};

static int
parse_keyfmt(struct loader *l)
{
	struct kw_keyfmt *k = &l->t->keyfmt;
	struct kw_pos mpos = ycur_pos(l->c), kpos[KF_COUNT];
	size_t depth = ycur_depth(l->c);
	unsigned seen = 0;
	long long v;
	int r, f;

	if (ycur_expect(l->c, YC_MAP, "product_key") < 0)
		return -1;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((f = load_field(l, keyfmt_fields, KF_COUNT,
		    "product_key", &seen, kpos)) < 0 || ycur_next(l->c) < 0) {
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		switch (f) {
		case KF_GROUPS:
		case KF_GROUP_LENGTH:
			if ((r = ycur_read_int(l->c, keyfmt_fields[f], 1,
			    KW_KEYFMT_MAX, &v)) == 0)
				*(f == KF_GROUPS ? &k->groups :
				    &k->group_length) = (unsigned)v;
			break;
		case KF_ALPHABET:
			if (ycur_type(l->c) != YC_SCALAR || ycur_is_null(l->c))
				r = load_err(l, "expected a string for "
				    "'alphabet', found %s", ycur_found(l->c));
			else if (ycur_len(l->c) > KW_ALPHABET_MAX)
				r = load_err(l, "alphabet longer "
				    "than %d characters", KW_ALPHABET_MAX);
			else {
				memcpy(k->alphabet, ycur_str(l->c),
				    ycur_len(l->c) + 1);
				k->pos = ycur_pos(l->c);
			}
			break;
		}
		if (r < 0 && load_recover(l, depth) < 0)
			return -1;
	}
	if (r < 0 || load_missing(l, mpos, keyfmt_fields, KF_COUNT,
	    (1u << KF_COUNT) - 1, seen, "product_key") < 0)
		return -1;
	l->t->has_keyfmt = 1;
	return 0;
}

enum {
	TF_KEYWIZ, TF_ID, TF_VERSION, TF_TITLE, TF_LANGUAGES, TF_PRODUCT_KEY,
	TF_START, TF_NODES, TF_SCENARIOS, TF_COUNT
};

static const char *const tree_fields[TF_COUNT] = {
	"keywiz", "id", "version", "title", "languages", "product_key",
	"start", "nodes", "scenarios"
};

static int
parse_tree(struct loader *l)
{
	struct kw_tree *t = l->t;
	struct kw_pos mpos = ycur_pos(l->c), kpos[TF_COUNT];
	size_t depth = ycur_depth(l->c);
	unsigned seen = 0;
	long long v;
	int r, f;

	if (ycur_expect_in(l->c, YC_MAP, "the tree") < 0)
		return -1;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((f = load_field(l, tree_fields, TF_COUNT, "the tree",
		    &seen, kpos)) < 0 || ycur_next(l->c) < 0) {
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		switch (f) {
		case TF_KEYWIZ:
			/* another format: nothing else can be read */
			l->stopped = 1;
			if (ycur_is_plain(l->c) && ycur_len(l->c) > 18 &&
			    strspn(ycur_str(l->c) + (ycur_str(l->c)[0] == '-'),
			    "0123456789") == ycur_len(l->c) -
			    (ycur_str(l->c)[0] == '-'))
				r = load_err(l, "unsupported format "
				    "version %s; this keywiz reads %d",
				    ycur_show(l->c, 0, ycur_str(l->c),
				    ycur_len(l->c)),
				    KW_FORMAT_VERSION);
			else if ((r = ycur_read_int(l->c, "keywiz", LLONG_MIN,
			    LLONG_MAX, &v)) < 0)
				;
			else if (v != KW_FORMAT_VERSION)
				r = load_err(l, "unsupported format "
				    "version %lld; this keywiz reads %d", v,
				    KW_FORMAT_VERSION);
			else {
				t->format = (unsigned)v;
				l->stopped = 0;
			}
			break;
		case TF_ID:
			r = read_id(l, "tree", 1, &t->id);
			break;
		case TF_VERSION:
			r = load_string(l, "version", &t->version);
			break;
		case TF_TITLE:
			r = load_text(l, "title", &t->title);
			break;
		case TF_LANGUAGES:
			r = load_languages(l);
			break;
		case TF_PRODUCT_KEY:
			r = parse_keyfmt(l);
			break;
		case TF_START:
			t->start_pos = ycur_pos(l->c);
			r = load_string(l, "start", &t->start_id);
			break;
		case TF_NODES:
			r = load_nodes(l);
			break;
		case TF_SCENARIOS:
			r = parse_scenarios(l);
			break;
		}
		if (r < 0 && load_recover(l, depth) < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	return load_missing(l, mpos, tree_fields, TF_COUNT, 1u << TF_KEYWIZ |
	    1u << TF_ID | 1u << TF_TITLE | 1u << TF_LANGUAGES |
	    1u << TF_START | 1u << TF_NODES, seen, "the tree");
}

static struct kw_tree *
load_run(const char *buf, size_t len, int fd, const struct kw_limits *lim,
    struct kw_diags *diags)
{
	struct loader *l = xcalloc(1, sizeof *l);
	struct kw_tree *t = tree_new();
	int r;

	l->lim = lim;
	l->t = t;
	l->cur_node = SIZE_MAX;
	l->diags = diags;
	t->file = tree_strndup(t, diags->file, strlen(diags->file));
	if (len > lim->max_bytes) {
		struct kw_pos top = { 1, 1 };

		diags_add(diags, KW_SEV_ERROR, top, "file too large: %zu bytes "
		    "(at most %zu; see KEYWIZ_MAX_TREE_BYTES)", len,
		    lim->max_bytes);
		r = -1;
	} else {
		size_t errors = diags->nerrors;

		/* the stream: exactly one document, the tree's mapping */
		l->c = ycur_new(buf, len, fd, lim, diags);
		r = ycur_begin(l->c) < 0 || (parse_tree(l) < 0 &&
		    load_recover(l, 0) < 0) || ycur_end(l->c) < 0 ||
		    diags->nerrors > errors ? -1 : 0;
		ycur_free(l->c);
	}
	if (l->capnodes > 0)
		free(l->nodes);
	if (l->capscens > 0)
		free(l->scens);
	free(l->strs);
	free(l->items);
	if (r == 0 && l->nuses > 0) {
		t->uses = tree_adopt(t, xrealloc(l->uses, l->nuses *
		    sizeof *t->uses));
		t->nuses = l->nuses;
	} else
		free(l->uses);
	free(l);
	if (r < 0) {
		tree_free(t);
		return NULL;
	}
	tree_link(t);
	return t;
}

struct kw_tree *
load_tree_mem(const char *buf, size_t len, const struct kw_limits *lim,
    struct kw_diags *diags)
{
	return load_run(buf, len, -1, lim, diags);
}

struct kw_tree *
load_tree(const char *path, const struct kw_limits *lim,
    struct kw_diags *diags, int *cant_open)
{
	struct kw_pos nopos = { 0, 0 }, top = { 1, 1 };
	struct kw_tree *t;
	struct stat st;
	size_t len = 0;
	int fd, err = 0;
	char *buf;

	*cant_open = 0;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cant_open = 1;
		diags_add(diags, KW_SEV_ERROR, nopos, "cannot open: %s",
		    strerror(errno));
		return NULL;
	}
	if (fd != STDIN_FILENO && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size <= lim->max_bytes) {
		/* a file: streamed, never held whole */
		t = load_run(NULL, (size_t)st.st_size, fd, lim, diags);
		close(fd);
		return t;
	}
	buf = reader_slurp(fd, lim->max_bytes, &len, &err);
	if (fd != STDIN_FILENO)
		close(fd);
	if (buf == NULL && err != 0) {
		*cant_open = 1;
		diags_add(diags, KW_SEV_ERROR, nopos, "cannot read: %s",
		    strerror(err));
		return NULL;
	}
	if (buf == NULL || len > lim->max_bytes) {
		diags_add(diags, KW_SEV_ERROR, top, "file too large: %s%zu "
		    "bytes (at most %zu; see KEYWIZ_MAX_TREE_BYTES)",
		    buf == NULL ? "" : "more than ", buf == NULL ? len :
		    lim->max_bytes, lim->max_bytes);
		free(buf);
		return NULL;
	}
	t = load_tree_mem(buf, len, lim, diags);
	free(buf);
	return t;
}

void
load_default_limits(struct kw_limits *lim)
{
	const char *env = getenv("KEYWIZ_MAX_TREE_BYTES");

	lim->max_bytes = 16 * 1024 * 1024;
	lim->max_depth = 64;
	lim->max_nodes = 16384;
	lim->max_string = 64 * 1024;
	lim->max_events = 500000;
	if (env != NULL && *env >= '0' && *env <= '9') {
		char *end;
		unsigned long long v;

		errno = 0;
		v = strtoull(env, &end, 10);
		if (*end != '\0' || errno != 0 || v == 0 || v > SIZE_MAX)
			return;
		lim->max_bytes = (size_t)v;
		if (v / 64 > lim->max_nodes)
			lim->max_nodes = (size_t)(v / 64);
		if (v / 2 > lim->max_events)
			lim->max_events = (size_t)(v / 2);
	}
}
