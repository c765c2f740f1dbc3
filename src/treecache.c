/* SPDX-License-Identifier: MIT */
/* treecache.c - the compiled tree cache: a flat stream, checked when read */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "check.h"
#include "hash.h"
#include "treecache.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * The file: MAGIC, u32 KW_TREECACHE_VERSION, the string PACKAGE_VERSION,
 * the five loader limits (u64 each), the tree file's size and FNV-1a
 * (u64), the payload's length and FNV-1a (u64), then the payload: the tree
 * as encode_tree() writes it. Numbers are little-endian; a string is its
 * u32 length and its bytes (NULL_STR for none). Every field of the tree
 * structs is written but `file`; a field added to tree.h is added here,
 * and KW_TREECACHE_VERSION goes up.
 */
#define MAGIC		"KWTC"
#define NULL_STR	0xFFFFFFFFu
#define HASH_CHUNK	(16 * 1024)	/* reading the YAML to hash it */

struct kw_treecache {
	char *base;		/* $XDG_CACHE_HOME or ~/.cache */
	char *dir;		/* base/keywiz */
	char *file;		/* dir/tree-HASH.kwc */
	char *src;		/* the tree file, as given */
	struct kw_limits lim;
	int have_key;		/* the tree file's size and hash, as */
	uint64_t size, hash;	/* treecache_load() read it */
};

/* ---- writing ---- */

struct out {
	unsigned char *p;
	size_t len, cap;
	int bad;		/* something did not fit the format */
};

static void
put_bytes(struct out *o, const void *p, size_t n)
{
	if (n == 0)
		return;
	o->p = xgrow(o->p, &o->cap, o->len + n, 1);
	memcpy(o->p + o->len, p, n);
	o->len += n;
}

static void
put_u32(struct out *o, uint32_t v)
{
	unsigned char b[4] = { v & 0xFF, v >> 8 & 0xFF, v >> 16 & 0xFF,
	    v >> 24 & 0xFF };

	put_bytes(o, b, sizeof b);
}

static void
put_u64(struct out *o, uint64_t v)
{
	put_u32(o, (uint32_t)(v & 0xFFFFFFFFu));
	put_u32(o, (uint32_t)(v >> 32));
}

/* A count or a number that must fit in 32 bits. */
static void
put_num(struct out *o, size_t v)
{
	if (v >= NULL_STR)
		o->bad = 1;
	put_u32(o, (uint32_t)v);
}

static void
put_str(struct out *o, const char *s)
{
	size_t n;

	if (s == NULL) {
		put_u32(o, NULL_STR);
		return;
	}
	n = strlen(s);
	put_num(o, n);
	put_bytes(o, s, n);
}

static void
put_pos(struct out *o, struct kw_pos p)
{
	put_u32(o, p.line);
	put_u32(o, p.col);
}

static void
put_text(struct out *o, const struct kw_tree *t, const struct kw_text *x)
{
	put_pos(o, x->pos);
	for (size_t i = 0; i < t->nlangs; i++)
		put_str(o, tree_text_lang(x, i));
}

static void
put_strv(struct out *o, const struct kw_strv *v)
{
	put_num(o, v->n);
	for (size_t i = 0; i < v->n; i++)
		put_str(o, v->v[i]);
}

static void
put_option(struct out *o, const struct kw_tree *t, const struct kw_option *op)
{
	put_str(o, op->id);
	put_text(o, t, &op->label);
	put_text(o, t, &op->message);
	for (size_t i = 0; i < t->nlangs; i++)
		put_strv(o, tree_match(op, i));
	put_str(o, op->target);
	put_pos(o, op->pos);
}

static void
put_node(struct out *o, const struct kw_tree *t, const struct kw_node *nd)
{
	put_str(o, nd->id);
	put_num(o, nd->type);
	put_pos(o, nd->pos);
	put_text(o, t, &nd->title);
	put_text(o, t, &nd->text);
	put_text(o, t, &nd->why);
	put_strv(o, &nd->links);
	put_num(o, nd->nitems);
	for (size_t i = 0; i < nd->nitems; i++)
		put_text(o, t, &nd->items[i]);
	put_num(o, nd->nopts);
	for (size_t i = 0; i < nd->nopts; i++)
		put_option(o, t, &nd->opts[i]);
	put_num(o, nd->minutes);
	put_num(o, nd->result);
	put_text(o, t, &nd->contact);
	put_text(o, t, &nd->tell);
}

static void
put_scenario(struct out *o, const struct kw_tree *t,
    const struct kw_scenario *s)
{
	put_str(o, s->id);
	put_text(o, t, &s->caller);
	put_str(o, s->key);
	put_strv(o, &s->path);
	put_strv(o, &s->answers);
	put_pos(o, s->pos);
}

/* The payload. The languages come first: a text is one string per
 * language. */
static void
encode_tree(struct out *o, const struct kw_tree *t)
{
	put_num(o, t->format);
	put_str(o, t->id);
	put_str(o, t->version);
	put_num(o, t->nlangs);
	for (size_t i = 0; i < t->nlangs; i++)
		put_str(o, t->langs[i]);
	put_text(o, t, &t->title);
	put_num(o, t->has_keyfmt != 0);
	put_num(o, t->keyfmt.groups);
	put_num(o, t->keyfmt.group_length);
	put_str(o, t->keyfmt.alphabet);
	put_pos(o, t->keyfmt.pos);
	put_str(o, t->start_id);
	put_pos(o, t->start_pos);
	put_num(o, t->nnodes);
	for (size_t i = 0; i < t->nnodes; i++)
		put_node(o, t, &t->nodes[i]);
	put_num(o, t->nscenarios);
	for (size_t i = 0; i < t->nscenarios; i++)
		put_scenario(o, t, &t->scenarios[i]);
}

void *
treecache_encode(const struct kw_tree *t, size_t *len)
{
	struct out o = { NULL, 0, 0, 0 };

	encode_tree(&o, t);
	if (o.bad) {
		free(o.p);
		return NULL;
	}
	*len = o.len;
	return o.p;
}

/* ---- reading ---- */

/*
 * A cursor over bytes nothing vouches for: a buffer, or a file read through
 * a window of WINDOW bytes, so the file is never held whole. A read past
 * the end, or a value out of its range, marks it bad and yields 0 or NULL,
 * so a field can be read after a bad one without harm; the tree is dropped
 * at the end if the cursor went bad. Nothing reads a string of the tree
 * (strcmp, tree_find) until then.
 */
struct cur {
	const unsigned char *p;		/* the next byte */
	size_t left;			/* bytes at p */
	uint64_t more;			/* bytes after them, still in the file */
	int fd;				/* the file, or -1 for a buffer */
	unsigned char *win;		/* the file's window */
	const unsigned char *mark;	/* bytes in [mark, p) are not hashed */
	uint64_t hash;			/* FNV-1a of those before them */
	int bad;
	struct kw_tree *t;		/* where strings go */
	const struct kw_limits *lim;
};

#define WINDOW (16 * 1024)

/* Add what was read since the last time to the hash (files only). */
static void
hash_read(struct cur *c)
{
	if (c->fd >= 0 && c->p > c->mark)
		c->hash = hash_fnv1a64(c->hash, c->mark,
		    (size_t)(c->p - c->mark));
	c->mark = c->p;
}

/* At least `n` (at most WINDOW) bytes at c->p, read from the file if
 * needed; 0, or -1 (and bad) when there are not as many. */
static int
need(struct cur *c, size_t n)
{
	if (c->bad)
		return -1;
	if (c->left < n && c->fd >= 0 && c->more > 0) {
		hash_read(c);
		if (c->left > 0)
			memmove(c->win, c->p, c->left);
		c->p = c->mark = c->win;
		while (c->left < WINDOW && c->more > 0) {
			size_t want = WINDOW - c->left;
			ssize_t r;

			if (want > c->more)
				want = (size_t)c->more;
			r = read(c->fd, c->win + c->left, want);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			c->left += (size_t)r;
			c->more -= (uint64_t)r;
		}
	}
	if (c->left < n) {
		c->bad = 1;
		return -1;
	}
	return 0;
}

static void
skip(struct cur *c, size_t n)
{
	c->p += n;
	c->left -= n;
}

static uint32_t
get_u32(struct cur *c)
{
	const unsigned char *p;

	if (need(c, 4) < 0)
		return 0;
	p = c->p;
	skip(c, 4);
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get_u64(struct cur *c)
{
	uint64_t lo = get_u32(c);

	return lo | (uint64_t)get_u32(c) << 32;
}

/* A number in [min, max] (min when it is not). */
static unsigned
get_num(struct cur *c, unsigned min, unsigned max)
{
	uint32_t v = get_u32(c);

	if (v < min || v > max) {
		c->bad = 1;
		return min;
	}
	return v;
}

/* A count in [min, max] of elements taking at least `size` bytes each,
 * which must all be there: a count can never ask for more memory than
 * the stream's length allows. 0 when bad. */
static size_t
get_count(struct cur *c, size_t min, size_t max, size_t size)
{
	uint32_t n = get_u32(c);

	if (c->bad || n < min || n > max || n > (c->left + c->more) / size) {
		c->bad = 1;
		return 0;
	}
	return n;
}

/* Text as a tree holds it: UTF-8 without NUL or other control characters
 * but tab and line feed (the loader's rule). Most strings are ASCII, and
 * need no more than the one pass over their bytes. */
static int
clean_text(const unsigned char *s, size_t n)
{
	int ascii = 1;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x20 ? s[i] != '\t' && s[i] != '\n' : s[i] == 0x7F)
			return 0;
		if (s[i] >= 0x80) {
			ascii = 0;
			if (s[i] == 0xC2 && i + 1 < n && s[i + 1] < 0xA0)
				return 0;	/* C1: U+0080..U+009F */
		}
	}
	return ascii || kw_utf8_valid(s, n);
}

/* A string copied into the tree's arena; NULL for none, which is bad
 * unless `nullable`. */
static const char *
get_str(struct cur *c, int nullable)
{
	uint32_t n = get_u32(c);
	const char *s;
	char *q;

	if (c->bad)
		return NULL;
	if (n == NULL_STR) {
		if (!nullable)
			c->bad = 1;
		return NULL;
	}
	if (n > c->lim->max_string || n > c->left + c->more) {
		c->bad = 1;
		return NULL;
	}
	if (n <= WINDOW) {
		if (need(c, n) < 0 || !clean_text(c->p, n)) {
			c->bad = 1;
			return NULL;
		}
		s = tree_strndup(c->t, (const char *)c->p, n);
		skip(c, n);
		return s;
	}
	/* longer than the window: in pieces */
	q = tree_alloc(c->t, (size_t)n + 1);
	for (size_t done = 0, k; done < n; done += k) {
		if (need(c, 1) < 0)
			return NULL;
		k = n - done < c->left ? n - done : c->left;
		memcpy(q + done, c->p, k);
		skip(c, k);
	}
	if (!clean_text((const unsigned char *)q, n)) {
		c->bad = 1;
		return NULL;
	}
	return q;
}

static struct kw_pos
get_pos(struct cur *c)
{
	struct kw_pos p;

	p.line = get_u32(c);
	p.col = get_u32(c);
	return p;
}

/* Bytes a text takes at least in the stream. */
static size_t
text_min(const struct kw_tree *t)
{
	return 8 + 4 * t->nlangs;
}

static void
get_text(struct cur *c, struct kw_text *x)
{
	x->pos = get_pos(c);
	for (size_t i = 0; i < c->t->nlangs; i++) {
		const char *s = get_str(c, 1);

		if (s != NULL)
			tree_text_put(c->t, x, i, s);
	}
}

/* A list of at least `min` strings. */
static void
get_strv(struct cur *c, struct kw_strv *v, size_t min)
{
	size_t n = get_count(c, min, UINT32_MAX, 4);

	v->n = 0;
	v->v = NULL;
	if (n == 0)
		return;
	v->v = tree_alloc(c->t, n * sizeof *v->v);
	for (size_t i = 0; i < n; i++)
		v->v[i] = get_str(c, 0);
	v->n = n;
}

static void
get_option(struct cur *c, struct kw_option *o)
{
	struct kw_strv v;

	o->id = get_str(c, 0);
	get_text(c, &o->label);
	get_text(c, &o->message);
	for (size_t i = 0; i < c->t->nlangs; i++) {
		get_strv(c, &v, 0);
		if (v.n > 0)
			tree_match_put(c->t, o, i, &v);
	}
	o->target = get_str(c, 0);
	o->pos = get_pos(c);
}

/* The options each type of node has, as the loader makes them: the
 * fixed ones by name, in the order of KW_OPT_YES, KW_OPT_WORKED etc. */
static const struct {
	size_t min, max;
	const char *id[2];
} node_edges[KW_NODE_TYPE_COUNT] = {
	[KW_NODE_KEY] = { 1, 1, { "next", NULL } },
	[KW_NODE_CHOICE] = { 1, KW_OPTIONS_MAX, { NULL, NULL } },
	[KW_NODE_QUESTION] = { 2, 2, { "yes", "no" } },
	[KW_NODE_STEP] = { 1, 1, { "next", NULL } },
	[KW_NODE_WAIT] = { 2, 2, { "worked", "failing" } },
	[KW_NODE_OUTCOME] = { 0, 0, { NULL, NULL } }
};

static void
get_node(struct cur *c, struct kw_node *nd)
{
	const struct kw_tree *t = c->t;
	size_t tmin = text_min(t);
	size_t omin = 4 + 2 * tmin + 4 * t->nlangs + 4 + 8;
	int wait;

	nd->id = get_str(c, 0);
	nd->type = get_num(c, 0, KW_NODE_TYPE_COUNT - 1);
	wait = nd->type == KW_NODE_WAIT;
	nd->pos = get_pos(c);
	get_text(c, &nd->title);
	get_text(c, &nd->text);
	get_text(c, &nd->why);
	get_strv(c, &nd->links, 0);
	nd->nitems = get_count(c, 0, nd->type == KW_NODE_STEP ?
	    KW_ITEMS_MAX : 0, tmin);
	if (nd->nitems > 0)
		nd->items = tree_alloc(c->t, nd->nitems * sizeof *nd->items);
	for (size_t i = 0; i < nd->nitems; i++)
		get_text(c, &nd->items[i]);
	nd->nopts = get_count(c, node_edges[nd->type].min,
	    node_edges[nd->type].max, omin);
	if (nd->nopts > 0)
		nd->opts = tree_alloc(c->t, nd->nopts * sizeof *nd->opts);
	for (size_t i = 0; i < nd->nopts; i++) {
		const char *want = i < 2 ? node_edges[nd->type].id[i] : NULL;

		get_option(c, &nd->opts[i]);
		if (!c->bad && want != NULL && strcmp(nd->opts[i].id,
		    want) != 0)
			c->bad = 1;
	}
	nd->minutes = get_num(c, wait, wait ? KW_MINUTES_MAX : 0);
	nd->result = get_num(c, 0, KW_RESULT_COUNT - 1);
	get_text(c, &nd->contact);
	get_text(c, &nd->tell);
}

static void
get_scenario(struct cur *c, struct kw_scenario *s)
{
	s->id = get_str(c, 0);
	get_text(c, &s->caller);
	s->key = get_str(c, 1);
	get_strv(c, &s->path, 1);
	get_strv(c, &s->answers, 0);
	s->pos = get_pos(c);
}

/* A valid language code, not one of the first `n` languages. */
static int
new_lang(const struct kw_tree *t, const char *code, size_t n)
{
	if (!tree_lang_valid(code))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(code, t->langs[i]) == 0)
			return 0;
	return 1;
}

static void
decode_tree(struct cur *c)
{
	struct kw_tree *t = c->t;
	const char *alpha;
	size_t tmin, nmin, smin;

	t->format = get_num(c, KW_FORMAT_VERSION, KW_FORMAT_VERSION);
	t->id = get_str(c, 0);
	t->version = get_str(c, 0);
	t->nlangs = get_count(c, 1, KW_LANG_MAX, 4);
	for (size_t i = 0; i < t->nlangs; i++) {
		t->langs[i] = get_str(c, 0);
		if (c->bad || !new_lang(t, t->langs[i], i)) {
			c->bad = 1;
			return;
		}
	}
	tmin = text_min(t);
	nmin = 4 + 4 + 8 + 5 * tmin + 4 * 5;
	smin = 4 + tmin + 4 + 4 + 4 + 8;
	get_text(c, &t->title);
	t->has_keyfmt = (int)get_num(c, 0, 1);
	t->keyfmt.groups = get_num(c, t->has_keyfmt, KW_KEYFMT_MAX);
	t->keyfmt.group_length = get_num(c, t->has_keyfmt, KW_KEYFMT_MAX);
	alpha = get_str(c, 0);
	if (alpha != NULL && strlen(alpha) <= KW_ALPHABET_MAX)
		memcpy(t->keyfmt.alphabet, alpha, strlen(alpha) + 1);
	else
		c->bad = 1;
	t->keyfmt.pos = get_pos(c);
	t->start_id = get_str(c, 0);
	t->start_pos = get_pos(c);
	t->nnodes = get_count(c, 1, c->lim->max_nodes, nmin);
	if (t->nnodes > 0)
		t->nodes = tree_alloc(t, t->nnodes * sizeof *t->nodes);
	for (size_t i = 0; i < t->nnodes && !c->bad; i++)
		get_node(c, &t->nodes[i]);
	t->nscenarios = get_count(c, 0, UINT32_MAX, smin);
	if (t->nscenarios > 0)
		t->scenarios = tree_alloc(t, t->nscenarios *
		    sizeof *t->scenarios);
	for (size_t i = 0; i < t->nscenarios && !c->bad; i++)
		get_scenario(c, &t->scenarios[i]);
	if (c->left != 0 || c->more != 0)
		c->bad = 1;
}

/* The tree decoded from `c` (whose stream must hash to `hash` if it is
 * a file): indexed, linked and checked, or NULL. */
static struct kw_tree *
decode(struct cur *c, uint64_t hash, const char *file, unsigned flags)
{
	struct kw_diags d;
	size_t errors;

	c->t = tree_new();
	decode_tree(c);
	hash_read(c);
	if (c->bad || (c->fd >= 0 && c->hash != hash) ||
	    tree_index(c->t) != NULL) {
		tree_free(c->t);
		return NULL;
	}
	tree_link(c->t);
	c->t->file = tree_strndup(c->t, file, strlen(file));
	diags_init(&d, file);
	errors = check_tree(c->t, flags, &d);
	diags_free(&d);
	if (errors > 0) {
		tree_free(c->t);
		return NULL;
	}
	return c->t;
}

struct kw_tree *
treecache_decode(const void *buf, size_t len, const char *file,
    const struct kw_limits *lim, unsigned flags)
{
	struct cur c;

	memset(&c, 0, sizeof c);
	c.p = buf;
	c.left = len;
	c.fd = -1;
	c.lim = lim;
	return decode(&c, 0, file, flags);
}

/* ---- the file ---- */

/* The size and FNV-1a of the tree file, read in HASH_CHUNK pieces; -1 if
 * it is not a regular file or cannot be read. */
static int
hash_file(const char *path, uint64_t *size, uint64_t *hash)
{
	uint64_t h = HASH_FNV1A64_INIT, n = 0;
	unsigned char *buf;
	struct stat st;
	ssize_t r;
	int fd;

	/* O_NONBLOCK: should a FIFO have replaced the file since
	 * treecache_open(), the open must not wait for a writer */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	buf = xmalloc(HASH_CHUNK);
	while ((r = read(fd, buf, HASH_CHUNK)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		h = hash_fnv1a64(h, buf, (size_t)r);
		n += (uint64_t)r;
	}
	free(buf);
	close(fd);
	if (r < 0)
		return -1;
	*size = n;
	*hash = h;
	return 0;
}

/* The largest cache file read: far more than a tree within the limits
 * compiles to (a text is its strings, a position and a length each). */
static size_t
cache_max(const struct kw_limits *lim)
{
	size_t b = lim->max_bytes, slack = 64 * 1024;

	return b > (SIZE_MAX - slack) / 64 ? SIZE_MAX : b * 64 + slack;
}

static void
put_header(struct out *o, const struct kw_treecache *c)
{
	put_bytes(o, MAGIC, 4);
	put_u32(o, KW_TREECACHE_VERSION);
	put_str(o, PACKAGE_VERSION);
	put_u64(o, c->lim.max_bytes);
	put_u64(o, c->lim.max_depth);
	put_u64(o, c->lim.max_nodes);
	put_u64(o, c->lim.max_string);
	put_u64(o, c->lim.max_events);
	put_u64(o, c->size);
	put_u64(o, c->hash);
	put_u64(o, 0);		/* the payload's length and hash, */
	put_u64(o, 0);		/* filled in once it is written */
}

/* Whether the header at the cursor is this keywiz's for the tree file's
 * content now; it then leaves the payload's hash in *hash. */
static int
header_ok(struct cur *h, const struct kw_treecache *c, uint64_t *hash)
{
	const struct kw_limits *lim = &c->lim;
	size_t vlen = strlen(PACKAGE_VERSION);
	uint64_t len;

	if (need(h, 4) < 0 || memcmp(h->p, MAGIC, 4) != 0)
		return 0;
	skip(h, 4);
	if (get_u32(h) != KW_TREECACHE_VERSION || get_u32(h) != vlen ||
	    need(h, vlen) < 0 || memcmp(h->p, PACKAGE_VERSION, vlen) != 0)
		return 0;
	skip(h, vlen);
	if (get_u64(h) != lim->max_bytes || get_u64(h) != lim->max_depth ||
	    get_u64(h) != lim->max_nodes || get_u64(h) != lim->max_string ||
	    get_u64(h) != lim->max_events || get_u64(h) != c->size ||
	    get_u64(h) != c->hash)
		return 0;
	len = get_u64(h);		/* the payload's, all there is left */
	*hash = get_u64(h);
	return !h->bad && len == h->left + h->more;
}

/* The tree in the cache file, if it is a regular file of ours that nobody
 * else may write, of a size worth reading, with a header for the tree
 * file's content now and a payload that hashes right and decodes to a
 * valid tree; else NULL. */
static struct kw_tree *
read_cache(const struct kw_treecache *c, unsigned flags)
{
	struct kw_tree *t = NULL;
	struct stat st;
	struct cur h;
	uint64_t hash;
	int fd;

	if ((fd = open(c->file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK)) < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH)) ||
	    (uint64_t)st.st_size > cache_max(&c->lim)) {
		close(fd);
		return NULL;
	}
	memset(&h, 0, sizeof h);
	h.fd = fd;
	h.win = xmalloc(WINDOW);
	h.more = (uint64_t)st.st_size;
	h.lim = &c->lim;
	if (header_ok(&h, c, &hash)) {
		h.mark = h.p;		/* the payload's hash starts here */
		h.hash = HASH_FNV1A64_INIT;
		t = decode(&h, hash, c->src, flags);
	}
	free(h.win);
	close(fd);
	return t;
}

struct kw_treecache *
treecache_open(const char *tree_path, const struct kw_limits *lim)
{
	const char *off = getenv("KEYWIZ_NO_CACHE");
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct kw_treecache *c;
	struct stat st;
	uint64_t h;
	char *real;

	if ((off != NULL && *off != '\0') || strcmp(tree_path, "-") == 0)
		return NULL;
	if ((xdg == NULL || *xdg != '/') && (home == NULL || *home != '/'))
		return NULL;
	if (stat(tree_path, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (real = realpath(tree_path, NULL)) == NULL)
		return NULL;
	h = hash_fnv1a64(HASH_FNV1A64_INIT, real, strlen(real));
	free(real);
	c = xcalloc(1, sizeof *c);
	if (xdg != NULL && *xdg == '/')
		c->base = xstrdup(xdg);
	else
		c->base = xasprintf("%s/.cache", home);
	c->dir = xasprintf("%s/keywiz", c->base);
	c->file = xasprintf("%s/tree-%016" PRIx64 ".kwc", c->dir, h);
	c->src = xstrdup(tree_path);
	c->lim = *lim;
	return c;
}

struct kw_tree *
treecache_load(struct kw_treecache *c, unsigned flags)
{
	c->have_key = hash_file(c->src, &c->size, &c->hash) == 0;
	if (!c->have_key)
		return NULL;
	return read_cache(c, flags);
}

int
treecache_save(struct kw_treecache *c, const struct kw_tree *t)
{
	struct out o = { NULL, 0, 0, 0 };
	uint64_t size, hash;
	size_t start, at;
	int rc;

	/* the tree was loaded from what treecache_load() hashed, unless the
	 * file changed in between: then it is not written */
	if (c == NULL || !c->have_key || hash_file(c->src, &size, &hash) < 0 ||
	    size != c->size || hash != c->hash)
		return -1;
	put_header(&o, c);
	at = o.len - 16;
	start = o.len;
	encode_tree(&o, t);
	if (o.bad || o.len > cache_max(&c->lim)) {
		free(o.p);
		return -1;
	}
	hash = hash_fnv1a64(HASH_FNV1A64_INIT, o.p + start, o.len - start);
	size = o.len - start;
	o.len = at;
	put_u64(&o, size);
	put_u64(&o, hash);
	o.len = start + size;
	(void)mkdir(c->base, 0700);
	(void)mkdir(c->dir, 0700);
	rc = atomic_write_buf(c->file, o.p, o.len);
	free(o.p);
	return rc;
}

void
treecache_close(struct kw_treecache *c)
{
	if (c == NULL)
		return;
	free(c->base);
	free(c->dir);
	free(c->file);
	free(c->src);
	free(c);
}

const char *
treecache_file(const struct kw_treecache *c)
{
	return c->file;
}
