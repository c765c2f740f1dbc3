/* SPDX-License-Identifier: MIT */
/* yamlcur.c - the loader's YAML event cursor: libyaml's events one at a time, vetted */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "load.h"
#include "reader.h"
#include "tree.h"
#include "xalloc.h"
#include "yamlcur.h"

#define SHOW_MAX	40	/* bytes of a value quoted in a message */
#define CORE_TAG	"tag:yaml.org,2002:"

struct ycur {
	yaml_parser_t parser;
	yaml_event_t ev;
	int have_ev;
	struct kw_reader rd;	/* the bytes, vetted (reader.c) */
	const struct kw_limits *lim;
	struct kw_diags *diags;
	size_t depth, events, docs;
	size_t key_event;	/* events when the last key became current */
	int broken;		/* no reading on: the YAML or a limit failed */
	char show[3][SHOW_MAX + 8];
	size_t src_char, src_byte;	/* ycur_braces: character index
					 * src_char is at byte src_byte */
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

struct kw_pos
ycur_pos(const struct ycur *c)
{
	return mark_pos(c->ev.start_mark);
}

int
ycur_fail(struct ycur *c, struct kw_pos pos, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diags_add(c->diags, KW_SEV_ERROR, pos, "%s", msg);
	return -1;
}

/* An error after which the cursor does not read on. */
static int broken(struct ycur *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
broken(struct ycur *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->broken = 1;
	return ycur_fail(c, ycur_pos(c), "%s", msg);
}

const char *
ycur_show(struct ycur *c, int slot, const char *s, size_t n)
{
	char *buf = c->show[slot];

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
syntax_error(struct ycur *c)
{
	yaml_parser_t *p = &c->parser;
	const char *problem = p->problem != NULL ? p->problem :
	    "YAML syntax error";

	c->broken = 1;
	if (c->rd.stopped)
		return -1;	/* the reader has said why */

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		fatal("out of memory while reading YAML");
	case YAML_READER_ERROR:
		if (p->problem_value != -1)
			return ycur_fail(c, reader_pos(&c->rd,
			    p->problem_offset), "%s (0x%X)", problem,
			    (unsigned)p->problem_value);
		return ycur_fail(c, reader_pos(&c->rd, p->problem_offset),
		    "%s", problem);
	default:
		if (p->context != NULL)
			return ycur_fail(c, mark_pos(p->problem_mark),
			    "%s (%s at %u:%u)", problem, p->context,
			    mark_pos(p->context_mark).line,
			    mark_pos(p->context_mark).col);
		return ycur_fail(c, mark_pos(p->problem_mark), "%s", problem);
	}
}

static int
check_tag(struct ycur *c, const yaml_char_t *tag, yaml_event_type_t type)
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
			return broken(c, "tag '!!%s' does not fit %s", name, type == YAML_MAPPING_START_EVENT ?
			    "a mapping" : type == YAML_SEQUENCE_START_EVENT ?
			    "a list" : "a scalar");
		}
	}
	return broken(c, "tag '%s' is not allowed (only the core tags !!str, "
	    "!!int, !!bool, !!null, !!float, !!map, !!seq)",
	    ycur_show(c, 0, s, strlen(s)));
}

static int
check_scalar(struct ycur *c)
{
	const unsigned char *s = c->ev.data.scalar.value;
	size_t n = c->ev.data.scalar.length;

	if (n > c->lim->max_string)
		return ycur_fail(c, ycur_pos(c), "string longer than %zu "
		    "bytes", c->lim->max_string);
	/* Only an escape in double quotes can make a control character: any
	 * other scalar is text from the file, which the reader has vetted
	 * (and libyaml turns its CR and NEL line breaks into LF). */
	if (c->ev.data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t u = s[i];

		if (u == 0xC2 && i + 1 < n)	/* U+0080..U+00BF */
			u = (s[i + 1] & 0x3Fu) | 0x80u;
		else if (u >= 0x80)
			continue;
		if (!tree_char_valid(u, 0))
			return ycur_fail(c, ycur_pos(c),
			    "control character U+%04X is not allowed",
			    (unsigned)u);
	}
	return 0;
}

int
ycur_next(struct ycur *c)
{
	yaml_event_t *e = &c->ev;

	if (c->have_ev) {
		yaml_event_delete(e);
		c->have_ev = 0;
	}
	if (c->broken)
		return -1;
	if (!yaml_parser_parse(&c->parser, e))
		return syntax_error(c);
	c->have_ev = 1;
	/* Past a limit, a second document or a YAML feature a tree may not
	 * use (anchors, aliases, other tags), the cursor stops; a bad scalar
	 * is an error at its place, and the schema may read on. */
	if (++c->events > c->lim->max_events)
		return broken(c, "too many YAML events (more than %zu)",
		    c->lim->max_events);
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (c->docs++ > 0)
			return broken(c, "several YAML documents in one file; "
			    "a tree is a single document");
		break;
	case YAML_ALIAS_EVENT:
		return broken(c, "anchors and aliases are not allowed");
	case YAML_SCALAR_EVENT:
		if (e->data.scalar.anchor != NULL)
			return broken(c, "anchors and aliases are not "
			    "allowed");
		if (check_tag(c, e->data.scalar.tag, e->type) < 0)
			return -1;
		return check_scalar(c);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if ((e->type == YAML_MAPPING_START_EVENT ?
		    e->data.mapping_start.anchor :
		    e->data.sequence_start.anchor) != NULL)
			return broken(c, "anchors and aliases are not "
			    "allowed");
		if (check_tag(c, e->type == YAML_MAPPING_START_EVENT ?
		    e->data.mapping_start.tag : e->data.sequence_start.tag,
		    e->type) < 0)
			return -1;
		if (++c->depth > c->lim->max_depth)
			return broken(c, "nesting deeper than %zu levels",
			    c->lim->max_depth);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		c->depth--;
		break;
	default:
		break;
	}
	return 0;
}

/* ---- the current event ---- */

enum ycur_type
ycur_type(const struct ycur *c)
{
	switch (c->ev.type) {
	case YAML_STREAM_END_EVENT:
		return YC_STREAM_END;
	case YAML_MAPPING_START_EVENT:
		return YC_MAP;
	case YAML_MAPPING_END_EVENT:
		return YC_MAP_END;
	case YAML_SEQUENCE_START_EVENT:
		return YC_SEQ;
	case YAML_SEQUENCE_END_EVENT:
		return YC_SEQ_END;
	case YAML_SCALAR_EVENT:
		return YC_SCALAR;
	default:
		return YC_OTHER;
	}
}

const char *
ycur_str(const struct ycur *c)
{
	if (c->ev.type != YAML_SCALAR_EVENT)
		return "";
	return (const char *)c->ev.data.scalar.value;
}

size_t
ycur_len(const struct ycur *c)
{
	return c->ev.type == YAML_SCALAR_EVENT ? c->ev.data.scalar.length : 0;
}

static int
has_tag(const struct ycur *c, const char *name)
{
	const char *tag = (const char *)c->ev.data.scalar.tag;

	return tag != NULL && strncmp(tag, CORE_TAG, strlen(CORE_TAG)) == 0 &&
	    strcmp(tag + strlen(CORE_TAG), name) == 0;
}

int
ycur_is_plain(const struct ycur *c)
{
	return c->ev.type == YAML_SCALAR_EVENT &&
	    c->ev.data.scalar.tag == NULL &&
	    c->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

int
ycur_is_null(const struct ycur *c)
{
	const char *s = ycur_str(c);

	if (c->ev.type != YAML_SCALAR_EVENT)
		return 0;
	if (has_tag(c, "null"))
		return 1;
	if (!ycur_is_plain(c))
		return 0;
	if (*s != '\0' && *s != '~' && *s != 'n' && *s != 'N')
		return 0;	/* most scalars: no comparison at all */
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

const char *
ycur_found(struct ycur *c)
{
	switch (c->ev.type) {
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a list";
	case YAML_SCALAR_EVENT:
		if (ycur_is_null(c))
			return "nothing";
		snprintf(c->show[2], sizeof c->show[2], "'%s'",
		    ycur_show(c, 1, ycur_str(c), ycur_len(c)));
		return c->show[2];
	default:
		return "nothing";
	}
}

/* ---- reading values ---- */

int
ycur_expect_in(struct ycur *c, enum ycur_type type, const char *desc)
{
	if (ycur_type(c) == type)
		return 0;
	return ycur_fail(c, ycur_pos(c), "expected %s for %s, found %s",
	    type == YC_MAP ? "a mapping" : "a list", desc, ycur_found(c));
}

int
ycur_expect(struct ycur *c, enum ycur_type type, const char *what)
{
	char desc[32];

	if (ycur_type(c) == type)
		return 0;
	snprintf(desc, sizeof desc, "'%s'", what);
	return ycur_expect_in(c, type, desc);
}

int
ycur_want_string(struct ycur *c, const char *what)
{
	if (c->ev.type != YAML_SCALAR_EVENT || ycur_is_null(c))
		return ycur_fail(c, ycur_pos(c), "expected a string for '%s', "
		    "found %s", what, ycur_found(c));
	return 0;
}

int
ycur_read_int(struct ycur *c, const char *what, long long min,
    long long max, long long *out)
{
	const char *s = ycur_str(c);
	size_t len = ycur_len(c), i = 0;
	int neg = 0, plain;
	unsigned long long v = 0;

	plain = ycur_is_plain(c) || (c->ev.type == YAML_SCALAR_EVENT &&
	    has_tag(c, "int"));
	if (plain && (s[0] == '-' || s[0] == '+'))
		neg = s[i++] == '-';
	if (!plain || s[i] < '0' || s[i] > '9' ||
	    strspn(s + i, "0123456789") != len - i)
		return ycur_fail(c, ycur_pos(c), "expected an integer for "
		    "'%s', found %s", what, ycur_found(c));
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
		return ycur_fail(c, ycur_pos(c), "integer out of range for "
		    "'%s': %s (expected %lld..%lld)", what,
		    ycur_show(c, 0, s, len), min, max);
	*out = neg ? -(long long)v : (long long)v;
	if (*out < min)
		return ycur_fail(c, ycur_pos(c), "integer out of range for "
		    "'%s': %s (expected %lld..%lld)", what,
		    ycur_show(c, 0, s, len), min, max);
	return 0;
}

int
ycur_map_next_key(struct ycur *c)
{
	if (ycur_next(c) < 0)
		return -1;
	if (c->ev.type == YAML_MAPPING_END_EVENT)
		return 0;
	c->key_event = c->events;
	if (c->ev.type != YAML_SCALAR_EVENT || ycur_is_null(c))
		return ycur_fail(c, ycur_pos(c), "expected a key, found %s",
		    ycur_found(c));
	return 1;
}

size_t
ycur_depth(const struct ycur *c)
{
	return c->depth;
}

int
ycur_skip(struct ycur *c, size_t depth)
{
	enum ycur_type ty;

	if (c->broken)
		return -1;
	/* from a key: to its value (a bad one adds its error) */
	if (c->events == c->key_event && ycur_next(c) < 0 && c->broken)
		return -1;
	for (;;) {
		ty = ycur_type(c);
		if (c->depth == depth && (ty == YC_SCALAR || ty == YC_MAP_END ||
		    ty == YC_SEQ_END))
			return 0;
		if (ty == YC_STREAM_END)
			return -1;	/* not in a value */
		if (ycur_next(c) < 0 && c->broken)
			return -1;
	}
}

int
ycur_seq_next(struct ycur *c)
{
	if (ycur_next(c) < 0)
		return -1;
	return c->ev.type != YAML_SEQUENCE_END_EVENT;
}

/* ---- braces in the source ---- */

/* Up to `n` bytes of the input from byte `off` into `buf`: how many. */
static size_t
src_read(struct ycur *c, size_t off, unsigned char *buf, size_t n)
{
	ssize_t got;

	if (c->rd.fd < 0) {
		if (off >= c->rd.len)
			return 0;
		if (n > c->rd.len - off)
			n = c->rd.len - off;
		memcpy(buf, c->rd.buf + off, n);
		return n;
	}
	got = pread(c->rd.fd, buf, n, (off_t)off);
	return got > 0 ? (size_t)got : 0;
}

/* The byte offset of character `index` (libyaml counts characters), moving
 * on from the last one asked for: scalars come in file order, so the
 * whole file is read at most once. */
static size_t
src_byte(struct ycur *c, size_t index)
{
	unsigned char buf[4096];
	size_t n, i;

	if (c->src_char == 0 && c->src_byte == 0) {
		n = src_read(c, 0, buf, 3);
		if (n == 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			c->src_byte = 3;
	}
	if (index < c->src_char) {	/* not expected: start again */
		c->src_char = 0;
		c->src_byte = 0;
		return src_byte(c, index);
	}
	while (c->src_char < index &&
	    (n = src_read(c, c->src_byte, buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++) {
			if ((buf[i] & 0xC0) == 0x80)
				continue;
			if (c->src_char == index)
				break;
			c->src_char++;
		}
		while (i < n && (buf[i] & 0xC0) == 0x80)
			i++;
		c->src_byte += i;
		if (i < n)
			break;
	}
	return c->src_byte;
}

size_t
ycur_braces(struct ycur *c, struct kw_pos *out, size_t max)
{
	yaml_scalar_style_t style = c->ev.data.scalar.style;
	size_t from, to, n, k = 0, i = 0;
	struct kw_pos p = ycur_pos(c);
	unsigned char *raw;

	if (c->ev.type != YAML_SCALAR_EVENT)
		return 0;
	from = src_byte(c, c->ev.start_mark.index);
	to = src_byte(c, c->ev.end_mark.index);
	if (to <= from)
		return 0;
	raw = xmalloc(to - from);
	n = src_read(c, from, raw, to - from);
	if (style == YAML_LITERAL_SCALAR_STYLE ||
	    style == YAML_FOLDED_SCALAR_STYLE) {
		/* the header line may hold a comment */
		while (i < n && raw[i] != '\n' && raw[i] != '\r')
			i++;
	}
	for (; i < n && k < max; i++) {
		unsigned char b = raw[i];

		if (b == '{' || b == '}')
			out[k++] = p;
		if (b == '\n' || (b == '\r' && (i + 1 >= n ||
		    raw[i + 1] != '\n')) || (b == 0xC2 && i + 1 < n &&
		    raw[i + 1] == 0x85) || (b == 0xE2 && i + 2 < n &&
		    raw[i + 1] == 0x80 && (raw[i + 2] & 0xFE) == 0xA8)) {
			p.line++;
			p.col = 1;
		} else if (b != '\r' && (b & 0xC0) != 0x80)
			p.col++;
	}
	free(raw);
	return k;
}

/* ---- the stream ---- */

struct ycur *
ycur_new(const char *buf, size_t len, int fd, const struct kw_limits *lim,
    struct kw_diags *diags)
{
	struct ycur *c = xcalloc(1, sizeof *c);

	reader_init(&c->rd, buf, len, fd, lim->max_bytes, diags);
	c->lim = lim;
	c->diags = diags;
	if (!yaml_parser_initialize(&c->parser))
		fatal("out of memory while reading YAML");
	if (fd >= 0)
		yaml_parser_set_input(&c->parser, reader_read, &c->rd);
	else
		yaml_parser_set_input_string(&c->parser,
		    (const unsigned char *)buf, len);
	return c;
}

void
ycur_free(struct ycur *c)
{
	if (c == NULL)
		return;
	if (c->have_ev)
		yaml_event_delete(&c->ev);
	yaml_parser_delete(&c->parser);
	reader_done(&c->rd);
	free(c);
}

/* To the root's first event: 1; 0 when the stream is empty (no byte, or
 * only comments) and `empty_ok`; -1 after an error. */
static int
begin(struct ycur *c, int empty_ok)
{
	struct kw_pos top = { 1, 1 };

	if (c->rd.len == 0)
		return empty_ok ? 0 : ycur_fail(c, top, "empty file");
	if (c->rd.fd < 0 && reader_vet(&c->rd) < 0)	/* a stream: as read */
		return -1;
	if (ycur_next(c) < 0)	/* stream start */
		return -1;
	if (ycur_next(c) < 0)
		return -1;
	if (c->ev.type == YAML_STREAM_END_EVENT)
		return empty_ok ? 0 : ycur_fail(c, top, "empty file");
	return ycur_next(c) < 0 ? -1 : 1;	/* the root's first event */
}

int
ycur_begin(struct ycur *c)
{
	return begin(c, 0) < 0 ? -1 : 0;
}

int
ycur_begin_maybe(struct ycur *c)
{
	return begin(c, 1);
}

int
ycur_end(struct ycur *c)
{
	if (ycur_next(c) < 0 || ycur_next(c) < 0)	/* document, stream */
		return -1;
	return 0;
}
