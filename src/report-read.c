/* SPDX-License-Identifier: MIT */
/* report-read.c - one JSON record read for --report: a JSON scanner, strict
 * about the structure, that decodes only the fields the statistics need (in
 * place, in the file's own buffer) and skips the rest without looking
 * inside; nothing in the file is trusted */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record-int.h"
#include "record-json.h"
#include "record.h"
#include "report-int.h"
#include "xalloc.h"

#define DEPTH_MAX 64		/* arrays and objects inside each other */
#define ID_MAX 256		/* a tree, node or answer id */

struct scan {
	char *start, *p, *end;
	const char *why;	/* the first error, translated */
	char *at;		/* where it was found */
	int depth;
};

static int
fail(struct scan *s, const char *why)
{
	if (s->why == NULL) {
		s->why = why;
		s->at = s->p;
	}
	s->p = s->end;
	return -1;
}

static void
ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' ||
	    *s->p == '\t' || *s->p == '\r'))
		s->p++;
}

static int
eat(struct scan *s, char c)
{
	ws(s);
	if (s->p >= s->end || *s->p != c)
		return fail(s, _("not valid JSON"));
	s->p++;
	return 0;
}

static int
hex4(const char *p, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		unsigned d;

		if (p[i] >= '0' && p[i] <= '9')
			d = (unsigned)(p[i] - '0');
		else if ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'f')
			d = (unsigned)((p[i] | 0x20) - 'a' + 10);
		else
			return -1;
		*v = *v << 4 | d;
	}
	return 0;
}

/* UTF-8 of code point `c` at `w`; returns the bytes written. */
static size_t
put_utf8(char *w, unsigned c)
{
	if (c < 0x80) {
		w[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		w[0] = (char)(0xc0 | c >> 6);
		w[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		w[0] = (char)(0xe0 | c >> 12);
		w[1] = (char)(0x80 | (c >> 6 & 0x3f));
		w[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	w[0] = (char)(0xf0 | c >> 18);
	w[1] = (char)(0x80 | (c >> 12 & 0x3f));
	w[2] = (char)(0x80 | (c >> 6 & 0x3f));
	w[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * A string at s->p (after white space). With `keep`, it is decoded in
 * place (never longer than its JSON form) and returned NUL-terminated; it
 * is NULL when it holds a NUL. Without, it is only checked; returns "".
 * NULL with s->why set on a JSON error.
 */
static char *
string(struct scan *s, int keep)
{
	char *start, *w;
	int nul = 0;

	if (eat(s, '"') < 0)
		return NULL;
	start = w = s->p;
	{
		/* the common case, fast: no escape, no control character;
		 * kept, the closing quote becomes the NUL */
		char *q = memchr(s->p, '"', (size_t)(s->end - s->p));
		char *b = q != NULL ? memchr(s->p, '\\', (size_t)(q - s->p)) :
		    NULL;

		if (q == NULL) {
			s->p = start - 1;
			return fail(s, _("not valid JSON (a string that does not "
			    "end)")), NULL;
		}
		if (b == NULL) {
			/* control characters matter only in what is kept
			 * (the rest is never looked at) */
			if (!keep) {
				s->p = q + 1;
				return "";
			}
			for (char *c = s->p; c < q; c++)
				if ((unsigned char)*c < 0x20)
					return fail(s, _("not valid JSON")),
					    NULL;
			s->p = q + 1;
			*q = '\0';
			return start;
		}
		/* an escape: decoded from there, in place */
		w = b;
		s->p = b;
	}
	while (s->p < s->end && *s->p != '"') {
		unsigned char c = (unsigned char)*s->p++;
		unsigned u, lo;

		if (c < 0x20)
			return fail(s, _("not valid JSON")), NULL;
		if (c != '\\') {
			*w++ = (char)c;
			continue;
		}
		if (s->p >= s->end)
			break;
		switch (c = (unsigned char)*s->p++) {
		case '"': case '\\': case '/':
			*w++ = (char)c;
			break;
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'u':
			if (s->end - s->p < 4 || hex4(s->p, &u) < 0)
				return fail(s, _("not valid JSON")), NULL;
			s->p += 4;
			if (u >= 0xd800 && u < 0xdc00 && s->end - s->p >= 6 &&
			    s->p[0] == '\\' && s->p[1] == 'u' &&
			    hex4(s->p + 2, &lo) == 0 && lo >= 0xdc00 &&
			    lo < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
				s->p += 6;
			} else if (u >= 0xd800 && u < 0xe000)
				u = 0xfffd;	/* a lone surrogate */
			if (u == 0)
				nul = 1;
			w += put_utf8(w, u);
			break;
		default:
			return fail(s, _("not valid JSON")), NULL;
		}
	}
	if (s->p >= s->end)
		return fail(s, _("not valid JSON")), NULL;
	s->p++;
	if (!keep)
		return "";
	*w = '\0';
	return nul ? NULL : start;
}

static int value(struct scan *s, int (*member)(struct scan *, void *,
    const char *), void *ctx);

/* The members of an object, each handed to `member` (which reads the
 * value or skips it with value(s, NULL, NULL)). */
static int
object(struct scan *s, int (*member)(struct scan *, void *, const char *),
    void *ctx)
{
	if (eat(s, '{') < 0)
		return -1;
	ws(s);
	if (s->p < s->end && *s->p == '}') {
		s->p++;
		return 0;
	}
	for (;;) {
		const char *key = string(s, 1);

		if (s->why != NULL || eat(s, ':') < 0)
			return -1;
		if (key == NULL || member == NULL ? value(s, NULL, NULL) < 0 :
		    member(s, ctx, key) < 0)
			return -1;
		ws(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			continue;
		}
		return eat(s, '}');
	}
}

/* The elements of an array, each handed to `each`. */
static int
array(struct scan *s, int (*each)(struct scan *, void *), void *ctx)
{
	if (eat(s, '[') < 0)
		return -1;
	ws(s);
	if (s->p < s->end && *s->p == ']') {
		s->p++;
		return 0;
	}
	for (;;) {
		if (each(s, ctx) < 0)
			return -1;
		ws(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			continue;
		}
		return eat(s, ']');
	}
}

/* An array's element as value() reads it, its objects' members through
 * the same `member`. */
struct members {
	int (*member)(struct scan *, void *, const char *);
	void *ctx;
};

static int
element(struct scan *s, void *ctx)
{
	struct members *m = ctx;

	return value(s, m->member, m->ctx);
}

/* Any value, checked and skipped (arrays' objects through `member`). */
static int
value(struct scan *s, int (*member)(struct scan *, void *, const char *),
    void *ctx)
{
	struct members m = { member, ctx };

	static const char *const lit[] = { "true", "false", "null" };

	ws(s);
	if (s->p >= s->end)
		return fail(s, _("not valid JSON"));
	if (++s->depth > DEPTH_MAX)
		return fail(s, _("nested too deep"));
	switch (*s->p) {
	case '{':
		object(s, member, ctx);
		break;
	case '[':
		array(s, element, &m);
		break;
	case '"':
		string(s, 0);
		break;
	default:
		for (size_t i = 0; i < 3; i++)
			if ((size_t)(s->end - s->p) >= strlen(lit[i]) &&
			    memcmp(s->p, lit[i], strlen(lit[i])) == 0) {
				s->p += strlen(lit[i]);
				s->depth--;
				return 0;
			}
		if (*s->p == '-')
			s->p++;
		if (s->p >= s->end || *s->p < '0' || *s->p > '9')
			return fail(s, _("not valid JSON"));
		while (s->p < s->end && ((*s->p >= '0' && *s->p <= '9') ||
		    *s->p == '.' || *s->p == 'e' || *s->p == 'E' ||
		    *s->p == '+' || *s->p == '-'))
			s->p++;
		break;
	}
	s->depth--;
	return s->why != NULL ? -1 : 0;
}

/* A string member kept when it is a non-empty string of at most `max`
 * bytes; anything else leaves *out NULL. */
static int
field(struct scan *s, const char **out, size_t max)
{
	const char *v;

	ws(s);
	if (s->p >= s->end || *s->p != '"') {
		*out = NULL;
		return value(s, NULL, NULL);
	}
	v = string(s, 1);
	if (s->why != NULL)
		return -1;
	*out = v != NULL && *v != '\0' && strlen(v) <= max ? v : NULL;
	return 0;
}

/* ---- the record's own shape ---- */

/* Whether member `key` is `name` (the first letter settles most). */
static inline int
is(const char *key, const char *name)
{
	return key[0] == name[0] && strcmp(key, name) == 0;
}

struct reader {
	struct rrec *rec;
	struct report *r;
	long long version;	/* keywiz_record, or -1 */
	const char *started, *ended;
	int in_event;
	struct revent ev;
	const char *ev_time;
};

static int
m_tree(struct scan *s, void *ctx, const char *key)
{
	struct rrec *rec = ((struct reader *)ctx)->rec;

	if (is(key, RF_ID))
		return field(s, &rec->tree, ID_MAX);
	if (is(key, RF_VERSION))
		return field(s, &rec->version, ID_MAX);
	if (is(key, RF_HASH))
		return field(s, &rec->hash, 64);
	return value(s, NULL, NULL);
}

static int
m_outcome(struct scan *s, void *ctx, const char *key)
{
	struct rrec *rec = ((struct reader *)ctx)->rec;

	if (is(key, RF_NODE))
		return field(s, &rec->out_node, ID_MAX);
	if (is(key, RF_RESULT))
		return field(s, &rec->out_result, 32);
	if (is(key, RF_CONTACT))
		return field(s, &rec->out_contact, KW_RECORD_MAX);
	return value(s, NULL, NULL);
}

static int
m_error(struct scan *s, void *ctx, const char *key)
{
	struct rrec *rec = ((struct reader *)ctx)->rec;

	if (is(key, RF_OPTION))
		return field(s, &rec->err_option, ID_MAX);
	if (is(key, RF_LABEL))
		return field(s, &rec->err_label, KW_RECORD_MAX);
	return value(s, NULL, NULL);
}

/* A step of the path: the last one's node is where the call stopped. */
static int
m_step(struct scan *s, void *ctx, const char *key)
{
	struct rrec *rec = ((struct reader *)ctx)->rec;

	if (is(key, RF_NODE))
		return field(s, &rec->last_node, ID_MAX);
	return value(s, NULL, NULL);
}

static int
m_event(struct scan *s, void *ctx, const char *key)
{
	struct reader *rd = ctx;
	struct revent *ev = &rd->ev;

	if (is(key, RF_TYPE))
		return field(s, &ev->type, 32);
	if (is(key, RF_NODE))
		return field(s, &ev->node, ID_MAX);
	if (is(key, RF_TIME))
		return field(s, &rd->ev_time, 64);
	if (is(key, RF_ANSWER) || is(key, RF_RULE))
		return field(s, &ev->answer, ID_MAX);
	if (is(key, RF_TEXT))
		return field(s, &ev->text, KW_RECORD_MAX);
	if (is(key, RF_SKIPPED)) {
		ws(s);
		ev->skipped = s->end - s->p >= 4 && memcmp(s->p, "true",
		    4) == 0;
	}
	return value(s, NULL, NULL);
}

/* Whether event `ev` can be counted: its time parsed when the statistics
 * use it (start, show, answer: the time at each node), else only there. */
static int
timed(struct revent *ev, const char *t)
{
	if (strcmp(ev->type, "show") != 0 && strcmp(ev->type, "answer") != 0 &&
	    strcmp(ev->type, "start") != 0)
		return 1;
	return record_parse_time(t, &ev->t) == 0;
}

/* An element of "events": an event object kept in the reader's list
 * when it has what the statistics need; anything else skipped. */
static int
event(struct scan *s, void *ctx)
{
	struct reader *rd = ctx;
	struct report *r = rd->r;

	ws(s);
	if (s->p >= s->end || *s->p != '{')
		return value(s, NULL, NULL);
	memset(&rd->ev, 0, sizeof rd->ev);
	rd->ev_time = NULL;
	if (object(s, m_event, rd) < 0)
		return -1;
	/* a field answered and a logic node's route are answers too: the
	 * field's one way on, the rule taken ("1"..., "default") */
	if (rd->ev.type != NULL && (strcmp(rd->ev.type, "field") == 0 ||
	    strcmp(rd->ev.type, "route") == 0)) {
		if (rd->ev.type[0] == 'f')
			rd->ev.answer = "next";
		rd->ev.type = "answer";
	}
	if (rd->ev.type != NULL && rd->ev.node != NULL && rd->ev_time != NULL &&
	    timed(&rd->ev, rd->ev_time)) {
		r->ev = xgrow(r->ev, &r->evcap, r->nev + 1, sizeof *r->ev);
		r->ev[r->nev++] = rd->ev;
	}
	return 0;
}

static int
events(struct scan *s, struct reader *rd)
{
	ws(s);
	if (s->p >= s->end || *s->p != '[')
		return value(s, NULL, NULL);
	return array(s, event, rd);
}

static int
m_root(struct scan *s, void *ctx, const char *key)
{
	struct reader *rd = ctx;
	struct rrec *rec = rd->rec;

	if (is(key, RF_RECORD)) {
		ws(s);
		rd->version = s->p < s->end && *s->p == '1' &&
		    (s->end - s->p == 1 || strchr("0123456789.eE",
		    s->p[1]) == NULL) ? 1 : 0;
		return value(s, NULL, NULL);
	}
	if (is(key, RF_TREE))
		return value(s, m_tree, rd);
	if (is(key, RF_STARTED))
		return field(s, &rd->started, 64);
	if (is(key, RF_ENDED))
		return field(s, &rd->ended, 64);
	if (is(key, RF_STATUS))
		return field(s, &rec->status, 32);
	if (is(key, RF_AGENT))
		return field(s, &rec->agent, ID_MAX);
	if (is(key, RF_OUTCOME))
		return value(s, m_outcome, rd);
	if (is(key, RF_ERROR))
		return value(s, m_error, rd);
	if (is(key, RF_PATH))
		return value(s, m_step, rd);
	if (is(key, RF_EVENTS))
		return events(s, rd);
	return value(s, NULL, NULL);
}

/* The head checked: a reason (translated) when the record cannot count. */
static const char *
check_head(struct reader *rd)
{
	struct rrec *rec = rd->rec;

	if (rd->version < 0)
		return _("not a keywiz session record (no \"keywiz_record\" "
		    "field)");
	if (rd->version != KW_RECORD_VERSION)
		return _("not a record version this keywiz reads");
	if (rec->tree == NULL)
		return _("'tree' or its 'id' is missing");
	if (rd->started == NULL ||
	    record_parse_time(rd->started, &rec->started) < 0)
		return _("'started' is missing or not a time");
	rec->has_ended = rd->ended != NULL &&
	    record_parse_time(rd->ended, &rec->ended) == 0;
	if (rec->status == NULL || (strcmp(rec->status, "completed") != 0 &&
	    strcmp(rec->status, "quit") != 0 &&
	    strcmp(rec->status, "interrupted") != 0))
		return _("'status' is not completed, quit or interrupted");
	return NULL;
}

/* "not valid JSON: line L, column C" for the error the scan met. */
static int
json_error(struct scan *s, char *err, size_t errsize)
{
	unsigned line = 1, col = 1;

	for (const char *c = s->start; c < s->at; c++) {
		if (*c == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)*c & 0xc0) != 0x80)
			col++;
	}
	/* TRANSLATORS: the reason (not valid JSON), then where */
	snprintf(err, errsize, _("%s: line %u, column %u"), s->why, line, col);
	return -1;
}

int
report_scan(struct report *r, char *buf, size_t len, struct rrec *rec,
    char *err, size_t errsize)
{
	struct scan s = { .start = buf, .p = buf, .end = buf + len };
	struct reader rd = { .rec = rec, .r = r, .version = -1 };
	const char *why;

	memset(rec, 0, sizeof *rec);
	r->nev = 0;
	ws(&s);
	if (s.p >= s.end || *s.p != '{') {
		if (value(&s, NULL, NULL) < 0)
			return json_error(&s, err, errsize);
		snprintf(err, errsize, "%s", _("not a keywiz session record "
		    "(no \"keywiz_record\" field)"));
		return -1;
	}
	if (object(&s, m_root, &rd) < 0)
		return json_error(&s, err, errsize);
	ws(&s);
	if (s.p != s.end) {
		fail(&s, _("not valid JSON (more after the record)"));
		return json_error(&s, err, errsize);
	}
	if ((why = check_head(&rd)) != NULL) {
		snprintf(err, errsize, "%s", why);
		return -1;
	}
	return 0;
}

void
report_read_file(struct report *r, const char *path)
{
	struct rrec rec;
	struct rgroup *g;
	char err[256];
	char *buf;
	size_t len = 0;

	if ((buf = record_read(path, &len, err, sizeof err)) == NULL) {
		report_skip(r, path, "%s", err);
		return;
	}
	if (report_scan(r, buf, len, &rec, err, sizeof err) < 0)
		report_skip(r, path, "%s", err);
	else if ((g = report_begin(r, &rec)) != NULL) {
		for (size_t i = 0; i < r->nev; i++)
			report_event(g, &r->ev[i]);
		report_end(g, &rec);
	}
	free(buf);
}
