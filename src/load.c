/* SPDX-License-Identifier: MIT */
/* load.c - reading a YAML decision tree into a kw_tree with libyaml's event parser */
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
#include <yaml.h>

#include "check.h"
#include "load.h"
#include "reader.h"
#include "xalloc.h"

#define SHOW_MAX	40	/* bytes of a value quoted in a message */
#define CORE_TAG	"tag:yaml.org,2002:"

/*
 * The loader reads libyaml events one at a time, with the current event in
 * l->ev. Each parse_* function starts with the first event of its value
 * current and returns with the value's last event current (the scalar, or
 * the end of the mapping or list). They return 0, or -1 once an error has
 * been added: loading stops at the first error.
 */
struct loader {
	yaml_parser_t parser;
	yaml_event_t ev;
	int have_ev;
	struct kw_reader rd;	/* the bytes, vetted (reader.c) */

	const struct kw_limits *lim;
	struct kw_diags *diags;
	struct kw_tree *t;
	size_t depth, events, docs;

	/*
	 * TEXT keys are languages. Before `languages` has been read, each code
	 * gets a provisional index (in order of first use); reading
	 * `languages` then moves the texts read so far to their real index.
	 */
	int langs_known;
	char pre[KW_LANG_MAX][KW_LANG_CODE_MAX + 1];
	struct kw_pos pre_pos[KW_LANG_MAX];
	int pre_text[KW_LANG_MAX];	/* used by a text, not only `match` */
	struct kw_pos pre_tpos[KW_LANG_MAX];	/* the first such use */
	size_t npre;

	/* Arrays that grow while reading, copied to the arena when done. */
	struct kw_node *nodes;
	size_t nnodes, capnodes;
	struct kw_scenario *scens;
	size_t nscens, capscens;
	const char **strs;
	size_t capstrs;
	struct kw_text *items;
	size_t capitems;
	struct kw_option opts[KW_OPTIONS_MAX];

	char show[3][SHOW_MAX + 8];
};

/* ---- positions and messages ---- */

static struct kw_pos
mark_pos(yaml_mark_t m)
{
	struct kw_pos p;

	p.line = m.line + 1 > UINT_MAX ? UINT_MAX : (unsigned)(m.line + 1);
	p.col = m.column + 1 > UINT_MAX ? UINT_MAX : (unsigned)(m.column + 1);
	return p;
}

static struct kw_pos
ev_pos(const struct loader *l)
{
	return mark_pos(l->ev.start_mark);
}

static int
fail(struct loader *l, struct kw_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct loader *l, struct kw_pos pos, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diags_add(l->diags, KW_SEV_ERROR, pos, "%s", msg);
	return -1;
}

/* A value for a message, cut to SHOW_MAX bytes at a character boundary; in
 * one of three buffers so a message can quote three values. */
static const char *
show(struct loader *l, int slot, const char *s, size_t n)
{
	char *buf = l->show[slot];

	if (n <= SHOW_MAX) {
		memcpy(buf, s, n);
		buf[n] = '\0';
		return buf;
	}
	n = SHOW_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

/* ---- events ---- */

static int
syntax_error(struct loader *l)
{
	yaml_parser_t *p = &l->parser;
	const char *problem = p->problem != NULL ? p->problem :
	    "YAML syntax error";

	if (l->rd.stopped)
		return -1;	/* the reader has said why */

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		fatal("out of memory while reading YAML");
	case YAML_READER_ERROR:
		if (p->problem_value != -1)
			return fail(l, reader_pos(&l->rd, p->problem_offset),
			    "%s (0x%X)", problem, (unsigned)p->problem_value);
		return fail(l, reader_pos(&l->rd, p->problem_offset), "%s",
		    problem);
	default:
		if (p->context != NULL)
			return fail(l, mark_pos(p->problem_mark),
			    "%s (%s at %u:%u)", problem, p->context,
			    mark_pos(p->context_mark).line,
			    mark_pos(p->context_mark).col);
		return fail(l, mark_pos(p->problem_mark), "%s", problem);
	}
}

static int
check_tag(struct loader *l, const yaml_char_t *tag, yaml_event_type_t type)
{
	static const char *const core[] = {
		"map", "seq", "str", "int", "bool", "null", "float"
	};
	const char *s = (const char *)tag;
	size_t n = strlen(CORE_TAG);

	if (tag == NULL)
		return 0;
	if (strncmp(s, CORE_TAG, n) == 0) {
		const char *name = s + n;

		for (size_t i = 0; i < sizeof core / sizeof core[0]; i++) {
			int fits = i == 0 ? type == YAML_MAPPING_START_EVENT :
			    i == 1 ? type == YAML_SEQUENCE_START_EVENT :
			    type == YAML_SCALAR_EVENT;

			if (strcmp(name, core[i]) != 0)
				continue;
			if (fits)
				return 0;
			return fail(l, ev_pos(l), "tag '!!%s' does not fit %s",
			    name, type == YAML_MAPPING_START_EVENT ?
			    "a mapping" : type == YAML_SEQUENCE_START_EVENT ?
			    "a list" : "a scalar");
		}
	}
	return fail(l, ev_pos(l), "tag '%s' is not allowed (only the core "
	    "tags !!str, !!int, !!bool, !!null, !!float, !!map, !!seq)",
	    show(l, 0, s, strlen(s)));
}

static int
check_scalar(struct loader *l)
{
	const unsigned char *s = l->ev.data.scalar.value;
	size_t n = l->ev.data.scalar.length;

	if (n > l->lim->max_string)
		return fail(l, ev_pos(l), "string longer than %zu bytes",
		    l->lim->max_string);
	/* Only an escape in double quotes can make a control character: any
	 * other scalar is text from the file, which prescan has vetted (and
	 * libyaml turns its CR and NEL line breaks into LF). */
	if (l->ev.data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = s[i];

		if (c == 0xC2 && i + 1 < n)	/* U+0080..U+00BF */
			c = (s[i + 1] & 0x3Fu) | 0x80u;
		else if (c >= 0x80)
			continue;
		if (reader_is_control(c, 0))
			return fail(l, ev_pos(l),
			    "control character U+%04X is not allowed",
			    (unsigned)c);
	}
	return 0;
}

/* Move to the next event and vet it: limits, anchors, aliases, tags,
 * strings, and a second document. */
static int
ev_next(struct loader *l)
{
	yaml_event_t *e = &l->ev;

	if (l->have_ev) {
		yaml_event_delete(e);
		l->have_ev = 0;
	}
	if (!yaml_parser_parse(&l->parser, e))
		return syntax_error(l);
	l->have_ev = 1;
	if (++l->events > l->lim->max_events)
		return fail(l, ev_pos(l), "too many YAML events (more than "
		    "%zu)", l->lim->max_events);
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (l->docs++ > 0)
			return fail(l, ev_pos(l), "several YAML documents in "
			    "one file; a tree is a single document");
		break;
	case YAML_ALIAS_EVENT:
		return fail(l, ev_pos(l), "anchors and aliases are not "
		    "allowed");
	case YAML_SCALAR_EVENT:
		if (e->data.scalar.anchor != NULL)
			return fail(l, ev_pos(l), "anchors and aliases are "
			    "not allowed");
		if (check_tag(l, e->data.scalar.tag, e->type) < 0)
			return -1;
		return check_scalar(l);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if ((e->type == YAML_MAPPING_START_EVENT ?
		    e->data.mapping_start.anchor :
		    e->data.sequence_start.anchor) != NULL)
			return fail(l, ev_pos(l), "anchors and aliases are "
			    "not allowed");
		if (check_tag(l, e->type == YAML_MAPPING_START_EVENT ?
		    e->data.mapping_start.tag : e->data.sequence_start.tag,
		    e->type) < 0)
			return -1;
		if (++l->depth > l->lim->max_depth)
			return fail(l, ev_pos(l), "nesting deeper than %zu "
			    "levels", l->lim->max_depth);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		l->depth--;
		break;
	default:
		break;
	}
	return 0;
}

/* ---- scalars ---- */

static const char *
sval(const struct loader *l)
{
	return (const char *)l->ev.data.scalar.value;
}

static int
has_tag(const struct loader *l, const char *name)
{
	const char *tag = (const char *)l->ev.data.scalar.tag;

	return tag != NULL && strncmp(tag, CORE_TAG, strlen(CORE_TAG)) == 0 &&
	    strcmp(tag + strlen(CORE_TAG), name) == 0;
}

static int
is_null(const struct loader *l)
{
	const char *s = sval(l);

	if (l->ev.type != YAML_SCALAR_EVENT)
		return 0;
	if (has_tag(l, "null"))
		return 1;
	if (l->ev.data.scalar.tag != NULL ||
	    l->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	if (*s != '\0' && *s != '~' && *s != 'n' && *s != 'N')
		return 0;	/* most scalars: no comparison at all */
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/* What the current event is, for "expected X, found Y". */
static const char *
found(struct loader *l)
{
	switch (l->ev.type) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_SCALAR_EVENT:
		if (is_null(l))
			return "nothing";
		snprintf(l->show[2], sizeof l->show[2], "'%s'",
		    show(l, 1, sval(l), l->ev.data.scalar.length));
		return l->show[2];
	default:
		return "nothing";
	}
}

/* The current event must start a mapping or a list: "expected a mapping
 * for DESC, found ..." */
static int
expect_in(struct loader *l, yaml_event_type_t type, const char *desc)
{
	if (l->ev.type == type)
		return 0;
	return fail(l, ev_pos(l), "expected %s for %s, found %s",
	    type == YAML_MAPPING_START_EVENT ? "a mapping" : "a list", desc,
	    found(l));
}

/* The same for the value of field `what`. */
static int
expect(struct loader *l, yaml_event_type_t type, const char *what)
{
	char desc[32];

	if (l->ev.type == type)
		return 0;
	snprintf(desc, sizeof desc, "'%s'", what);
	return expect_in(l, type, desc);
}

/* The current scalar, which must be a non-null string, copied into the
 * tree. */
static int
read_string(struct loader *l, const char *what, const char **out)
{
	if (l->ev.type != YAML_SCALAR_EVENT || is_null(l))
		return fail(l, ev_pos(l), "expected a string for '%s', "
		    "found %s", what, found(l));
	*out = tree_strndup(l->t, sval(l), l->ev.data.scalar.length);
	return 0;
}

static int
read_int(struct loader *l, const char *what, long long min, long long max,
    long long *out)
{
	const char *s = sval(l);
	int neg = 0, plain;
	unsigned long long v = 0;
	size_t i = 0;

	plain = l->ev.type == YAML_SCALAR_EVENT &&
	    ((l->ev.data.scalar.tag == NULL &&
	    l->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) ||
	    has_tag(l, "int"));
	if (plain && (s[0] == '-' || s[0] == '+'))
		neg = s[i++] == '-';
	if (!plain || s[i] < '0' || s[i] > '9' ||
	    strspn(s + i, "0123456789") != l->ev.data.scalar.length - i)
		return fail(l, ev_pos(l), "expected an integer for '%s', "
		    "found %s", what, found(l));
	for (; s[i] != '\0'; i++) {
		if (v > (ULLONG_MAX - 9) / 10) {
			v = ULLONG_MAX;
			break;
		}
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if ((!neg && v > (unsigned long long)max) ||
	    (neg && (v > (unsigned long long)LLONG_MAX ||
	    -(long long)v < min)))
		return fail(l, ev_pos(l), "integer out of range for '%s': %s "
		    "(expected %lld..%lld)", what,
		    show(l, 0, s, l->ev.data.scalar.length), min, max);
	*out = neg ? -(long long)v : (long long)v;
	if (*out < min)
		return fail(l, ev_pos(l), "integer out of range for '%s': %s "
		    "(expected %lld..%lld)", what,
		    show(l, 0, s, l->ev.data.scalar.length), min, max);
	return 0;
}

/* Read the `id` of a tree or a scenario (`what`) into *out: lower-case
 * letters only for a tree's. */
static int
read_id(struct loader *l, const char *what, int lower_only, const char **out)
{
	if (read_string(l, "id", out) < 0)
		return -1;
	if (!tree_id_valid(*out, lower_only))
		return fail(l, ev_pos(l), "invalid %s id '%s' (%sletters, "
		    "digits, '.', '_' and '-', starting with a letter or digit, "
		    "at most %d)", what, show(l, 0, *out, strlen(*out)),
		    lower_only ? "lower-case " : "", KW_ID_MAX);
	return 0;
}

/* ---- mappings ---- */

/* Move to the next key of the mapping being read: returns 1 with the key
 * current, 0 at the end of the mapping, -1 on error. */
static int
map_next_key(struct loader *l)
{
	if (ev_next(l) < 0)
		return -1;
	if (l->ev.type == YAML_MAPPING_END_EVENT)
		return 0;
	if (l->ev.type != YAML_SCALAR_EVENT || is_null(l))
		return fail(l, ev_pos(l), "expected a key, found %s",
		    found(l));
	return 1;
}

/* Move to the next element of the list being read: returns 1 with the
 * element current, 0 at the end of the list, -1 on error. */
static int
seq_next(struct loader *l)
{
	if (ev_next(l) < 0)
		return -1;
	return l->ev.type != YAML_SEQUENCE_END_EVENT;
}

/* A copy of `n` bytes of scratch space in the tree's arena. */
static void *
arena_copy(struct loader *l, const void *p, size_t n)
{
	void *q = tree_alloc(l->t, n);

	memcpy(q, p, n);
	return q;
}

/* The current key's index in `names`; an error (with a hint) when it is
 * unknown or was seen before in this mapping. */
static int
field_lookup(struct loader *l, const char *const *names, size_t n,
    const char *where, unsigned *seen, struct kw_pos *kpos)
{
	const char *key = sval(l);
	struct kw_suggest sg;

	for (size_t i = 0; i < n; i++) {
		if (key[0] != names[i][0] || strcmp(key, names[i]) != 0)
			continue;
		if (*seen & 1u << i)
			return fail(l, ev_pos(l), "duplicate key '%s' (first "
			    "at %u:%u)", names[i], kpos[i].line, kpos[i].col);
		*seen |= 1u << i;
		kpos[i] = ev_pos(l);
		return (int)i;
	}
	check_suggest_init(&sg, key);
	for (size_t i = 0; i < n; i++)
		check_suggest_try(&sg, names[i]);
	if (sg.best != NULL)
		return fail(l, ev_pos(l), "unknown key '%s' in %s (did you "
		    "mean '%s'?)", show(l, 0, key, l->ev.data.scalar.length),
		    where, sg.best);
	return fail(l, ev_pos(l), "unknown key '%s' in %s",
	    show(l, 0, key, l->ev.data.scalar.length), where);
}

static int
missing(struct loader *l, struct kw_pos mpos, const char *const *names,
    size_t n, unsigned required, unsigned seen, const char *where)
{
	for (size_t i = 0; i < n; i++)
		if ((required & 1u << i) && !(seen & 1u << i))
			return fail(l, mpos, "missing required field '%s' in "
			    "%s", names[i], where);
	return 0;
}

/* ---- languages and texts ---- */

static const char *
lang_list(struct loader *l)
{
	char *buf = l->show[2];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < l->t->nlangs && n + 6 < sizeof l->show[2];
	    i++)
		n += (size_t)snprintf(buf + n, sizeof l->show[2] - n, "%s%s",
		    i > 0 ? ", " : "", l->t->langs[i]);
	return buf;
}

#define LANG_EXPECTED "(expected 2 or 3 lower-case letters, or a " \
	"region after them such as pt-BR)"

/* A match-only language `code` (a `match` key the tree's languages do not
 * list): its index, added after the others if new, or -1 after an error. */
static int
match_lang(struct loader *l, const char *code, size_t len, struct kw_pos pos)
{
	struct kw_tree *t = l->t;
	size_t all = tree_nlangs_all(t);

	for (size_t i = t->nlangs; i < all; i++)
		if (strcmp(code, t->langs[i]) == 0)
			return (int)i;
	if (all == KW_LANG_MAX)
		return fail(l, pos, "unknown language '%s' (a tree uses at "
		    "most %d languages, match-only ones included)",
		    show(l, 0, code, len), KW_LANG_MAX);
	t->langs[all] = tree_strndup(t, code, len);
	t->nlangs_all = all + 1;
	return (int)all;
}

/* The index of the current key as a language of the tree (provisional
 * until `languages` has been read), or -1 after an error. In a `match`
 * mapping (`in_match`), a language the tree does not list is match-only. */
static int
lang_index(struct loader *l, int in_match)
{
	const char *code = sval(l);
	size_t len = l->ev.data.scalar.length;

	if (!tree_lang_valid(code))
		return fail(l, ev_pos(l), "invalid language code '%s' "
		    LANG_EXPECTED, show(l, 0, code, len));
	if (l->langs_known) {
		for (size_t i = 0; i < l->t->nlangs; i++)
			if (strcmp(code, l->t->langs[i]) == 0)
				return (int)i;
		if (in_match)
			return match_lang(l, code, len, ev_pos(l));
		return fail(l, ev_pos(l), "unknown language '%s' "
		    "(languages: %s)", show(l, 0, code, len), lang_list(l));
	}
	for (size_t i = 0; i < l->npre; i++)
		if (strcmp(code, l->pre[i]) == 0) {
			if (!in_match && !l->pre_text[i]) {
				l->pre_text[i] = 1;
				l->pre_tpos[i] = ev_pos(l);
			}
			return (int)i;
		}
	if (l->npre == KW_LANG_MAX)
		return fail(l, ev_pos(l), "unknown language '%s' (a tree uses "
		    "at most %d languages, match-only ones included)", code,
		    KW_LANG_MAX);
	memcpy(l->pre[l->npre], code, len + 1);
	l->pre_pos[l->npre] = ev_pos(l);
	l->pre_text[l->npre] = !in_match;
	l->pre_tpos[l->npre] = ev_pos(l);
	return (int)l->npre++;
}

static int
parse_text(struct loader *l, const char *what, struct kw_text *out)
{
	struct kw_pos kpos[KW_LANG_MAX];
	const char *s[KW_LANG_MAX];
	unsigned seen = 0, n = 0;
	int r, i;

	if (expect(l, YAML_MAPPING_START_EVENT, what) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->pos = ev_pos(l);
	while ((r = map_next_key(l)) > 0) {
		if ((i = lang_index(l, 0)) < 0)
			return -1;
		if (seen & 1u << i)
			return fail(l, ev_pos(l), "duplicate key '%s' (first "
			    "at %u:%u)", sval(l), kpos[i].line, kpos[i].col);
		seen |= 1u << i;
		kpos[i] = ev_pos(l);
		if (ev_next(l) < 0 || read_string(l, what, &s[i]) < 0)
			return -1;
		if ((unsigned)i >= n)
			n = (unsigned)i + 1;
	}
	if (r < 0)
		return -1;
	/* only as many slots as the highest language given */
	for (unsigned k = 0; k < n; k++)
		if (!(seen & 1u << k))
			s[k] = NULL;
	if (n > 0) {
		out->s = arena_copy(l, s, n * sizeof *s);
		out->n = n;
	}
	return 0;
}

/* A list of strings into the arena (e.g. links, match phrases). */
static int
parse_strlist(struct loader *l, const char *what, struct kw_strv *out)
{
	size_t n = 0;
	int r;

	if (expect(l, YAML_SEQUENCE_START_EVENT, what) < 0)
		return -1;
	while ((r = seq_next(l)) > 0) {
		l->strs = xgrow(l->strs, &l->capstrs, n + 1, sizeof *l->strs);
		if (read_string(l, what, &l->strs[n]) < 0)
			return -1;
		n++;
	}
	if (r < 0)
		return -1;
	out->n = n;
	out->v = arena_copy(l, l->strs, n * sizeof *out->v);
	return 0;
}

/* Texts read before `languages` are indexed in order of first use; give
 * them the tree's order (their new array may be longer). */
static void
remap_text(struct loader *l, struct kw_text *x, const int *map)
{
	const char *s[KW_LANG_MAX] = { NULL };
	unsigned n = 0;

	for (unsigned i = 0; i < x->n; i++) {
		s[map[i]] = x->s[i];
		if ((unsigned)map[i] >= n)
			n = (unsigned)map[i] + 1;
	}
	if (n > 0)
		x->s = arena_copy(l, s, n * sizeof *s);
	x->n = n;
}

static void
remap_match(struct loader *l, struct kw_option *o, const int *map)
{
	struct kw_strv s[KW_LANG_MAX];
	unsigned n = 0;

	memset(s, 0, sizeof s);
	for (unsigned i = 0; i < o->nmatch; i++) {
		s[map[i]] = o->match[i];
		if ((unsigned)map[i] >= n)
			n = (unsigned)map[i] + 1;
	}
	if (n > 0)
		o->match = arena_copy(l, s, n * sizeof *s);
	o->nmatch = n;
}

/* `languages` has been read: give the texts read before it their real
 * language indexes. */
static int
resolve_langs(struct loader *l)
{
	int map[KW_LANG_MAX], identity = 1;
	size_t n = l->npre;

	for (size_t i = 0; i < n; i++) {
		int j = -1;

		for (size_t k = 0; k < l->t->nlangs; k++)
			if (strcmp(l->pre[i], l->t->langs[k]) == 0)
				j = (int)k;
		if (j < 0 && l->pre_text[i])
			return fail(l, l->pre_tpos[i], "unknown language '%s' "
			    "(languages: %s)", l->pre[i], lang_list(l));
		if (j < 0 && (j = match_lang(l, l->pre[i], strlen(l->pre[i]),
		    l->pre_pos[i])) < 0)
			return -1;
		map[i] = j;
		identity &= j == (int)i;
	}
	l->langs_known = 1;
	if (identity)
		return 0;
	remap_text(l, &l->t->title, map);
	for (size_t i = 0; i < l->nnodes; i++) {
		struct kw_node *nd = &l->nodes[i];

		remap_text(l, &nd->title, map);
		remap_text(l, &nd->text, map);
		remap_text(l, &nd->why, map);
		remap_text(l, &nd->contact, map);
		remap_text(l, &nd->tell, map);
		for (size_t j = 0; j < nd->nitems; j++)
			remap_text(l, &nd->items[j], map);
		for (size_t j = 0; j < nd->nopts; j++) {
			remap_text(l, &nd->opts[j].label, map);
			remap_text(l, &nd->opts[j].message, map);
			remap_match(l, &nd->opts[j], map);
		}
	}
	for (size_t i = 0; i < l->nscens; i++)
		remap_text(l, &l->scens[i].caller, map);
	return 0;
}

static int
parse_languages(struct loader *l)
{
	struct kw_tree *t = l->t;
	struct kw_pos lpos = ev_pos(l);
	int r;

	if (expect(l, YAML_SEQUENCE_START_EVENT, "languages") < 0)
		return -1;
	while ((r = seq_next(l)) > 0) {
		const char *code;

		if (read_string(l, "languages", &code) < 0)
			return -1;
		if (!tree_lang_valid(code))
			return fail(l, ev_pos(l), "invalid language code '%s' "
			    LANG_EXPECTED, show(l, 0, code, strlen(code)));
		for (size_t i = 0; i < t->nlangs; i++)
			if (strcmp(code, t->langs[i]) == 0)
				return fail(l, ev_pos(l), "duplicate language "
				    "'%s'", code);
		if (t->nlangs == KW_LANG_MAX)
			return fail(l, ev_pos(l), "too many languages (at "
			    "most %d)", KW_LANG_MAX);
		t->langs[t->nlangs++] = code;
	}
	if (r < 0)
		return -1;
	if (t->nlangs == 0)
		return fail(l, lpos, "expected at least one language in "
		    "'languages'");
	return resolve_langs(l);
}

/* ---- options, items, nodes ---- */

enum {
	OF_ID, OF_LABEL, OF_MESSAGE, OF_MATCH, OF_NEXT, OF_COUNT
};

static const char *const option_fields[OF_COUNT] = {
	"id", "label", "message", "match", "next"
};

static int
parse_match(struct loader *l, struct kw_option *o)
{
	struct kw_pos kpos[KW_LANG_MAX];
	struct kw_strv match[KW_LANG_MAX];
	unsigned seen = 0, n = 0;
	int r, i;

	if (expect(l, YAML_MAPPING_START_EVENT, "match") < 0)
		return -1;
	memset(match, 0, sizeof match);
	while ((r = map_next_key(l)) > 0) {
		if ((i = lang_index(l, 1)) < 0)
			return -1;
		if (seen & 1u << i)
			return fail(l, ev_pos(l), "duplicate key '%s' (first "
			    "at %u:%u)", sval(l), kpos[i].line, kpos[i].col);
		seen |= 1u << i;
		kpos[i] = ev_pos(l);
		if (ev_next(l) < 0 || parse_strlist(l, "match", &match[i]) < 0)
			return -1;
		if ((unsigned)i >= n)
			n = (unsigned)i + 1;
	}
	if (r < 0)
		return -1;
	if (n > 0) {
		o->match = arena_copy(l, match, n * sizeof *match);
		o->nmatch = n;
	}
	return 0;
}

static int
parse_option(struct loader *l, struct kw_option *o, size_t index)
{
	struct kw_pos mpos = ev_pos(l), kpos[OF_COUNT];
	unsigned seen = 0;
	char num[24];
	int r, f;

	if (expect(l, YAML_MAPPING_START_EVENT, "options") < 0)
		return -1;
	memset(o, 0, sizeof *o);
	while ((r = map_next_key(l)) > 0) {
		if ((f = field_lookup(l, option_fields, OF_COUNT, "an option",
		    &seen, kpos)) < 0 || ev_next(l) < 0)
			return -1;
		switch (f) {
		case OF_ID:
			if (read_string(l, "id", &o->id) < 0)
				return -1;
			if (strlen(o->id) > KW_ID_MAX ||
			    strspn(o->id, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") !=
			    strlen(o->id))
				return fail(l, ev_pos(l), "invalid option id "
				    "'%s' (letters, digits, '.', '_' and '-', "
				    "at most %d)",
				    show(l, 0, o->id, strlen(o->id)),
				    KW_ID_MAX);
			break;
		case OF_LABEL:
			r = parse_text(l, "label", &o->label);
			break;
		case OF_MESSAGE:
			r = parse_text(l, "message", &o->message);
			break;
		case OF_MATCH:
			r = parse_match(l, o);
			break;
		case OF_NEXT:
			o->pos = ev_pos(l);
			r = read_string(l, "next", &o->target);
			break;
		}
		if (r < 0)
			return -1;
	}
	if (r < 0 || missing(l, mpos, option_fields, OF_COUNT,
	    1u << OF_LABEL | 1u << OF_NEXT, seen, "an option") < 0)
		return -1;
	if (o->id == NULL) {
		snprintf(num, sizeof num, "%zu", index + 1);
		o->id = tree_strndup(l->t, num, strlen(num));
	}
	return 0;
}

static int
parse_options(struct loader *l, struct kw_node *nd)
{
	struct kw_pos lpos = ev_pos(l);
	size_t n = 0;
	int r;

	if (expect(l, YAML_SEQUENCE_START_EVENT, "options") < 0)
		return -1;
	while ((r = seq_next(l)) > 0) {
		if (n == KW_OPTIONS_MAX)
			return fail(l, ev_pos(l), "too many options (at most "
			    "%d)", KW_OPTIONS_MAX);
		if (parse_option(l, &l->opts[n], n) < 0)
			return -1;
		n++;
	}
	if (r < 0)
		return -1;
	if (n == 0)
		return fail(l, lpos, "expected at least one option in "
		    "'options'");
	nd->nopts = n;
	nd->opts = arena_copy(l, l->opts, n * sizeof *nd->opts);
	return 0;
}

static int
parse_items(struct loader *l, struct kw_node *nd)
{
	size_t n = 0;
	int r;

	if (expect(l, YAML_SEQUENCE_START_EVENT, "items") < 0)
		return -1;
	while ((r = seq_next(l)) > 0) {
		if (n == KW_ITEMS_MAX)
			return fail(l, ev_pos(l), "too many items (at most "
			    "%d)", KW_ITEMS_MAX);
		l->items = xgrow(l->items, &l->capitems, n + 1,
		    sizeof *l->items);
		if (parse_text(l, "items", &l->items[n]) < 0)
			return -1;
		n++;
	}
	if (r < 0)
		return -1;
	nd->nitems = n;
	nd->items = arena_copy(l, l->items, n * sizeof *nd->items);
	return 0;
}

enum {
	NF_TYPE, NF_TITLE, NF_TEXT, NF_WHY, NF_LINKS, NF_NEXT, NF_ITEMS,
	NF_YES, NF_NO, NF_MINUTES, NF_WORKED, NF_FAILING, NF_OPTIONS,
	NF_RESULT, NF_CONTACT, NF_TELL, NF_COUNT
};

static const char *const node_fields[NF_COUNT] = {
	"type", "title", "text", "why", "links", "next", "items", "yes", "no",
	"minutes", "worked", "failing", "options", "result", "contact", "tell"
};

#define NB(f) (1u << NF_##f)
#define NB_ALL (NB(TYPE) | NB(TITLE) | NB(TEXT) | NB(LINKS))

static const unsigned node_allowed[KW_NODE_TYPE_COUNT] = {
	[KW_NODE_KEY] = NB_ALL | NB(WHY) | NB(NEXT),
	[KW_NODE_CHOICE] = NB_ALL | NB(WHY) | NB(OPTIONS),
	[KW_NODE_QUESTION] = NB_ALL | NB(WHY) | NB(YES) | NB(NO),
	[KW_NODE_STEP] = NB_ALL | NB(WHY) | NB(NEXT) | NB(ITEMS),
	[KW_NODE_WAIT] = NB_ALL | NB(WHY) | NB(MINUTES) | NB(WORKED) |
	    NB(FAILING),
	[KW_NODE_OUTCOME] = NB_ALL | NB(RESULT) | NB(CONTACT) | NB(TELL)
};

static const unsigned node_required[KW_NODE_TYPE_COUNT] = {
	[KW_NODE_KEY] = NB(TYPE) | NB(TEXT) | NB(NEXT),
	[KW_NODE_CHOICE] = NB(TYPE) | NB(TEXT) | NB(OPTIONS),
	[KW_NODE_QUESTION] = NB(TYPE) | NB(TEXT) | NB(YES) | NB(NO),
	[KW_NODE_STEP] = NB(TYPE) | NB(TEXT) | NB(NEXT),
	[KW_NODE_WAIT] = NB(TYPE) | NB(TEXT) | NB(MINUTES) | NB(WORKED) |
	    NB(FAILING),
	[KW_NODE_OUTCOME] = NB(TYPE) | NB(TEXT) | NB(RESULT)
};

/* The edges of key, step, question and wait nodes, by field. */
static const struct {
	enum kw_node_type type;
	int field;
	const char *answer;
} fixed_edges[] = {
	{ KW_NODE_KEY, NF_NEXT, "next" },
	{ KW_NODE_STEP, NF_NEXT, "next" },
	{ KW_NODE_QUESTION, NF_YES, "yes" },	/* KW_OPT_YES */
	{ KW_NODE_QUESTION, NF_NO, "no" },	/* KW_OPT_NO */
	{ KW_NODE_WAIT, NF_WORKED, "worked" },	/* KW_OPT_WORKED */
	{ KW_NODE_WAIT, NF_FAILING, "failing" }	/* KW_OPT_FAILING */
};

/* A name from a fixed set (node type, result), with a hint when unknown. */
static int
read_enum(struct loader *l, const char *what, const char *const *names,
    size_t n)
{
	struct kw_suggest sg;
	char list[128];
	size_t used = 0;
	const char *s;

	if (l->ev.type != YAML_SCALAR_EVENT || is_null(l))
		return fail(l, ev_pos(l), "expected a string for '%s', "
		    "found %s", what, found(l));
	s = sval(l);
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	check_suggest_init(&sg, s);
	for (size_t i = 0; i < n; i++)
		check_suggest_try(&sg, names[i]);
	if (sg.best != NULL)
		return fail(l, ev_pos(l), "unknown %s '%s' (did you mean "
		    "'%s'?)", what, show(l, 0, s, l->ev.data.scalar.length),
		    sg.best);
	for (size_t i = 0; i < n && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used,
		    "%s%s", i > 0 ? ", " : "", names[i]);
	return fail(l, ev_pos(l), "unknown %s '%s' (expected one of: %s)",
	    what, show(l, 0, s, l->ev.data.scalar.length), list);
}

static int
not_allowed(struct loader *l, int f, struct kw_pos pos,
    enum kw_node_type type)
{
	return fail(l, pos, "field '%s' is not allowed in %s %s node",
	    node_fields[f], type == KW_NODE_OUTCOME ? "an" : "a",
	    tree_type_name(type));
}

static int
parse_node(struct loader *l, struct kw_node *nd)
{
	struct kw_pos mpos = ev_pos(l), kpos[NF_COUNT], tpos[NF_COUNT];
	const char *target[NF_COUNT] = { NULL };
	unsigned char order[NF_COUNT];
	size_t norder = 0;
	unsigned seen = 0;
	int r, f, v, typed = 0;
	long long minutes;
	char where[KW_ID_MAX + 32];

	snprintf(where, sizeof where, "node '%s'", nd->id);
	if (expect_in(l, YAML_MAPPING_START_EVENT, where) < 0)
		return -1;
	while ((r = map_next_key(l)) > 0) {
		if ((f = field_lookup(l, node_fields, NF_COUNT, where, &seen,
		    kpos)) < 0)
			return -1;
		if (typed && !(node_allowed[nd->type] & 1u << f))
			return not_allowed(l, f, kpos[f], nd->type);
		order[norder++] = (unsigned char)f;
		if (ev_next(l) < 0)
			return -1;
		switch (f) {
		case NF_TYPE:
			if ((v = read_enum(l, "node type", kw_type_names,
			    KW_NODE_TYPE_COUNT)) < 0)
				return -1;
			nd->type = (enum kw_node_type)v;
			typed = 1;
			for (size_t i = 0; i < norder; i++)
				if (!(node_allowed[v] & 1u << order[i]))
					return not_allowed(l, order[i],
					    kpos[order[i]], nd->type);
			break;
		case NF_TITLE:
			r = parse_text(l, "title", &nd->title);
			break;
		case NF_TEXT:
			r = parse_text(l, "text", &nd->text);
			break;
		case NF_WHY:
			r = parse_text(l, "why", &nd->why);
			break;
		case NF_CONTACT:
			r = parse_text(l, "contact", &nd->contact);
			break;
		case NF_TELL:
			r = parse_text(l, "tell", &nd->tell);
			break;
		case NF_LINKS:
			r = parse_strlist(l, "links", &nd->links);
			break;
		case NF_NEXT:
		case NF_YES:
		case NF_NO:
		case NF_WORKED:
		case NF_FAILING:
			tpos[f] = ev_pos(l);
			r = read_string(l, node_fields[f], &target[f]);
			break;
		case NF_ITEMS:
			r = parse_items(l, nd);
			break;
		case NF_MINUTES:
			if ((r = read_int(l, "minutes", 1, KW_MINUTES_MAX,
			    &minutes)) == 0)
				nd->minutes = (unsigned)minutes;
			break;
		case NF_OPTIONS:
			r = parse_options(l, nd);
			break;
		case NF_RESULT:
			if ((v = read_enum(l, "result", kw_result_names,
			    KW_RESULT_COUNT)) < 0)
				return -1;
			nd->result = (enum kw_result)v;
			break;
		}
		if (r < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	if (!typed)
		return fail(l, mpos, "missing required field 'type' in %s",
		    where);
	snprintf(where, sizeof where, "%s node '%s'",
	    tree_type_name(nd->type), nd->id);
	if (missing(l, mpos, node_fields, NF_COUNT, node_required[nd->type],
	    seen, where) < 0)
		return -1;
	if (nd->type == KW_NODE_CHOICE || nd->type == KW_NODE_OUTCOME)
		return 0;
	nd->opts = tree_alloc(l->t, 2 * sizeof *nd->opts);
	for (size_t i = 0; i < sizeof fixed_edges / sizeof fixed_edges[0];
	    i++) {
		struct kw_option *o;

		if (fixed_edges[i].type != nd->type)
			continue;
		o = &nd->opts[nd->nopts++];
		o->id = fixed_edges[i].answer;
		o->target = target[fixed_edges[i].field];
		o->pos = tpos[fixed_edges[i].field];
	}
	return 0;
}

/* The nodes mapping: ids in file order; duplicates found by sorting. */
static int
parse_nodes(struct loader *l)
{
	struct kw_pos mpos = ev_pos(l);
	const struct kw_node *dup;
	struct kw_tree *t = l->t;
	int r;

	if (expect(l, YAML_MAPPING_START_EVENT, "nodes") < 0)
		return -1;
	while ((r = map_next_key(l)) > 0) {
		struct kw_node *nd;
		const char *id = sval(l);

		if (!tree_id_valid(id, 0))
			return fail(l, ev_pos(l), "invalid node id '%s' "
			    "(letters, digits, '.', '_' and '-', starting "
			    "with a letter or digit, at most %d)",
			    show(l, 0, id, l->ev.data.scalar.length),
			    KW_ID_MAX);
		if (l->nnodes == l->lim->max_nodes)
			return fail(l, ev_pos(l), "too many nodes (more than "
			    "%zu)", l->lim->max_nodes);
		l->nodes = xgrow(l->nodes, &l->capnodes, l->nnodes + 1,
		    sizeof *l->nodes);
		nd = &l->nodes[l->nnodes];
		memset(nd, 0, sizeof *nd);
		nd->id = tree_strndup(t, id, l->ev.data.scalar.length);
		nd->pos = ev_pos(l);
		if (ev_next(l) < 0 || parse_node(l, nd) < 0)
			return -1;
		l->nnodes++;
	}
	if (r < 0)
		return -1;
	if (l->nnodes == 0)
		return fail(l, mpos, "expected at least one node in 'nodes'");
	t->nnodes = l->nnodes;
	/* the growing array becomes the tree's, cut to size: a big tree's
	 * nodes are neither held twice nor written twice */
	t->nodes = tree_adopt(t, xrealloc(l->nodes,
	    l->nnodes * sizeof *t->nodes));
	l->nodes = t->nodes;
	l->capnodes = 0;
	if ((dup = tree_index(t)) != NULL) {
		const struct kw_node *first = t->nodes;

		while (strcmp(first->id, dup->id) != 0)
			first++;
		return fail(l, dup->pos, "duplicate node id '%s' (first at "
		    "%u:%u)", dup->id, first->pos.line, first->pos.col);
	}
	return 0;
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
	struct kw_pos mpos = ev_pos(l), kpos[SF_COUNT], lpos;
	unsigned seen = 0;
	int r, f;

	if (expect(l, YAML_MAPPING_START_EVENT, "scenarios") < 0)
		return -1;
	memset(s, 0, sizeof *s);
	s->pos = mpos;
	while ((r = map_next_key(l)) > 0) {
		if ((f = field_lookup(l, scenario_fields, SF_COUNT,
		    "a scenario", &seen, kpos)) < 0 || ev_next(l) < 0)
			return -1;
		switch (f) {
		case SF_ID:
			if (read_id(l, "scenario", 0, &s->id) < 0)
				return -1;
			break;
		case SF_CALLER:
			r = parse_text(l, "caller", &s->caller);
			break;
		case SF_KEY:
			r = read_string(l, "key", &s->key);
			break;
		case SF_PATH:
			lpos = ev_pos(l);
			r = parse_strlist(l, "path", &s->path);
			if (r == 0 && s->path.n == 0)
				r = fail(l, lpos, "expected at least one node "
				    "in 'path'");
			break;
		case SF_ANSWERS:
			r = parse_strlist(l, "answers", &s->answers);
			break;
		}
		if (r < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	return missing(l, mpos, scenario_fields, SF_COUNT, 1u << SF_ID |
	    1u << SF_CALLER | 1u << SF_PATH | 1u << SF_ANSWERS, seen,
	    "a scenario");
}

static int
parse_scenarios(struct loader *l)
{
	struct kw_tree *t = l->t;
	int r;

	if (expect(l, YAML_SEQUENCE_START_EVENT, "scenarios") < 0)
		return -1;
	while ((r = seq_next(l)) > 0) {
		l->scens = xgrow(l->scens, &l->capscens, l->nscens + 1,
		    sizeof *l->scens);
		if (parse_scenario(l, &l->scens[l->nscens]) < 0)
			return -1;
		l->nscens++;
	}
	if (r < 0)
		return -1;
	t->nscenarios = l->nscens;
	t->scenarios = arena_copy(l, l->scens, l->nscens *
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
	struct kw_pos mpos = ev_pos(l), kpos[KF_COUNT];
	unsigned seen = 0;
	long long v;
	int r, f;

	if (expect(l, YAML_MAPPING_START_EVENT, "product_key") < 0)
		return -1;
	while ((r = map_next_key(l)) > 0) {
		if ((f = field_lookup(l, keyfmt_fields, KF_COUNT,
		    "product_key", &seen, kpos)) < 0 || ev_next(l) < 0)
			return -1;
		switch (f) {
		case KF_GROUPS:
		case KF_GROUP_LENGTH:
			if (read_int(l, keyfmt_fields[f], 1, KW_KEYFMT_MAX,
			    &v) < 0)
				return -1;
			*(f == KF_GROUPS ? &k->groups : &k->group_length) =
			    (unsigned)v;
			break;
		case KF_ALPHABET:
			if (l->ev.type != YAML_SCALAR_EVENT || is_null(l))
				return fail(l, ev_pos(l), "expected a string "
				    "for 'alphabet', found %s", found(l));
			if (l->ev.data.scalar.length > KW_ALPHABET_MAX)
				return fail(l, ev_pos(l), "alphabet longer "
				    "than %d characters", KW_ALPHABET_MAX);
			memcpy(k->alphabet, sval(l),
			    l->ev.data.scalar.length + 1);
			k->pos = ev_pos(l);
			break;
		}
	}
	if (r < 0 || missing(l, mpos, keyfmt_fields, KF_COUNT,
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
	struct kw_pos mpos = ev_pos(l), kpos[TF_COUNT];
	unsigned seen = 0;
	long long v;
	int r, f;

	if (expect_in(l, YAML_MAPPING_START_EVENT, "the tree") < 0)
		return -1;
	while ((r = map_next_key(l)) > 0) {
		if ((f = field_lookup(l, tree_fields, TF_COUNT, "the tree",
		    &seen, kpos)) < 0 || ev_next(l) < 0)
			return -1;
		switch (f) {
		case TF_KEYWIZ:
			if (l->ev.type == YAML_SCALAR_EVENT &&
			    l->ev.data.scalar.tag == NULL &&
			    l->ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE &&
			    l->ev.data.scalar.length > 18 &&
			    strspn(sval(l) + (sval(l)[0] == '-'),
			    "0123456789") == l->ev.data.scalar.length -
			    (sval(l)[0] == '-'))
				return fail(l, ev_pos(l), "unsupported format "
				    "version %s; this keywiz reads %d",
				    show(l, 0, sval(l),
				    l->ev.data.scalar.length),
				    KW_FORMAT_VERSION);
			if (read_int(l, "keywiz", LLONG_MIN, LLONG_MAX, &v) < 0)
				return -1;
			if (v != KW_FORMAT_VERSION)
				return fail(l, ev_pos(l), "unsupported format "
				    "version %lld; this keywiz reads %d", v,
				    KW_FORMAT_VERSION);
			t->format = (unsigned)v;
			break;
		case TF_ID:
			if (read_id(l, "tree", 1, &t->id) < 0)
				return -1;
			break;
		case TF_VERSION:
			r = read_string(l, "version", &t->version);
			break;
		case TF_TITLE:
			r = parse_text(l, "title", &t->title);
			break;
		case TF_LANGUAGES:
			r = parse_languages(l);
			break;
		case TF_PRODUCT_KEY:
			r = parse_keyfmt(l);
			break;
		case TF_START:
			t->start_pos = ev_pos(l);
			r = read_string(l, "start", &t->start_id);
			break;
		case TF_NODES:
			r = parse_nodes(l);
			break;
		case TF_SCENARIOS:
			r = parse_scenarios(l);
			break;
		}
		if (r < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	return missing(l, mpos, tree_fields, TF_COUNT, 1u << TF_KEYWIZ |
	    1u << TF_ID | 1u << TF_TITLE | 1u << TF_LANGUAGES |
	    1u << TF_START | 1u << TF_NODES, seen, "the tree");
}

/* The stream: exactly one document whose root is the tree's mapping. */
static int
parse_stream(struct loader *l)
{
	struct kw_pos top = { 1, 1 };

	if (l->rd.len == 0)
		return fail(l, top, "empty file");
	if (l->rd.fd < 0 && reader_vet(&l->rd) < 0)	/* a stream: as read */
		return -1;
	if (ev_next(l) < 0)	/* stream start */
		return -1;
	if (ev_next(l) < 0)
		return -1;
	if (l->ev.type == YAML_STREAM_END_EVENT)
		return fail(l, top, "empty file");
	if (ev_next(l) < 0 || parse_tree(l) < 0)
		return -1;
	if (ev_next(l) < 0 || ev_next(l) < 0)	/* document end, stream end */
		return -1;
	return 0;
}

static struct kw_tree *
load_run(const char *buf, size_t len, int fd, const struct kw_limits *lim,
    struct kw_diags *diags)
{
	struct loader *l = xcalloc(1, sizeof *l);
	struct kw_tree *t = tree_new();
	int r;

	reader_init(&l->rd, buf, len, fd, lim->max_bytes, diags);
	l->lim = lim;
	l->diags = diags;
	l->t = t;
	t->file = tree_strndup(t, diags->file, strlen(diags->file));
	if (len > lim->max_bytes) {
		struct kw_pos top = { 1, 1 };

		r = fail(l, top, "file too large: %zu bytes (at most %zu; see "
		    "KEYWIZ_MAX_TREE_BYTES)", len, lim->max_bytes);
	} else {
		if (!yaml_parser_initialize(&l->parser))
			fatal("out of memory while reading YAML");
		if (fd >= 0)
			yaml_parser_set_input(&l->parser, reader_read, &l->rd);
		else
			yaml_parser_set_input_string(&l->parser,
			    (const unsigned char *)buf, len);
		r = parse_stream(l);
		if (l->have_ev)
			yaml_event_delete(&l->ev);
		yaml_parser_delete(&l->parser);
	}
	if (l->capnodes > 0)
		free(l->nodes);
	if (l->capscens > 0)
		free(l->scens);
	free(l->strs);
	free(l->items);
	reader_done(&l->rd);
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
