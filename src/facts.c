/* SPDX-License-Identifier: MIT */
/* facts.c - the call's facts: placeholders filled, logic rules decided, field answers checked */
#include "config.h"

#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "facts.h"
#include "i18n.h"
#include "view.h"
#include "xalloc.h"

#define VALUE_MAX 4096		/* bytes of one fact's value shown */

const char *const kw_fact_names[] = {
	"key", "key.end", "key.verdict", "key.n-count",
	"error", "error.message", "error.typed", "error.number",
	"time.start", "time.error", "time.now",
	"tree.title", "tree.version", "agent", "ticket",
	NULL
};

enum {
	F_KEY, F_KEY_END, F_KEY_VERDICT, F_KEY_NCOUNT,
	F_ERROR, F_ERROR_MESSAGE, F_ERROR_TYPED, F_ERROR_NUMBER,
	F_TIME_START, F_TIME_ERROR, F_TIME_NOW,
	F_TREE_TITLE, F_TREE_VERSION, F_AGENT, F_TICKET
};

static int
name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

int
facts_name_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > KW_NAME_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!name_char((unsigned char)s[i]))
			return 0;
	return 1;
}

static int
builtin(const char *name, size_t n)
{
	for (int i = 0; kw_fact_names[i] != NULL; i++)
		if (strlen(kw_fact_names[i]) == n &&
		    memcmp(kw_fact_names[i], name, n) == 0)
			return i;
	return -1;
}

/* "answer.ID" or "field.ID": the node, or NULL. */
static const struct kw_node *
named_node(const struct kw_tree *t, const char *name, size_t n, int *field)
{
	char id[KW_NAME_MAX + 1];
	size_t skip;

	if (n > 7 && memcmp(name, "answer.", 7) == 0)
		skip = 7, *field = 0;
	else if (n > 6 && memcmp(name, "field.", 6) == 0)
		skip = 6, *field = 1;
	else
		return NULL;
	if (n - skip > KW_NAME_MAX)
		return NULL;
	memcpy(id, name + skip, n - skip);
	id[n - skip] = '\0';
	return tree_find(t, id);
}

enum kw_fact_src
facts_source(const struct kw_tree *t, const char *name, size_t n,
    const struct kw_node **node, char *buf, size_t size)
{
	int b = builtin(name, n), field = -1;
	const struct kw_node *nd;

	*node = NULL;
	if (b >= F_KEY && b <= F_KEY_NCOUNT)
		return KW_SRC_KEY;
	if (b >= F_ERROR && b <= F_ERROR_NUMBER)
		return KW_SRC_ERROR;
	if (b == F_TIME_ERROR)
		return KW_SRC_ERROR;
	if (b == F_TREE_VERSION)
		return KW_SRC_VERSION;
	if (b == F_AGENT || b == F_TICKET)
		return KW_SRC_GIVEN;
	if (b >= 0)
		return KW_SRC_ALWAYS;
	nd = named_node(t, name, n, &field);
	if (nd == NULL && field >= 0)
		snprintf(buf, size, "no node '%.*s'", (int)(n - (field ?
		    6 : 7)), name + (field ? 6 : 7));
	else if (nd == NULL)
		snprintf(buf, size, "unknown name");
	else if (field && nd->type != KW_NODE_FIELD)
		snprintf(buf, size, "node '%s' is a %s node, not a field",
		    nd->id, tree_type_name(nd->type));
	else if (nd->type == KW_NODE_OUTCOME || nd->type == KW_NODE_LOGIC)
		snprintf(buf, size, "node '%s' is an %s node: nothing is "
		    "answered there", nd->id, tree_type_name(nd->type));
	else {
		*node = nd;
		return KW_SRC_NODE;
	}
	return KW_SRC_UNKNOWN;
}

/* ---- values ---- */

static void
put_time(time_t t, char *buf, size_t size)
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M %Z", &tm);
}

static int
put(char *buf, size_t size, const char *s)
{
	snprintf(buf, size, "%s", s);
	return 1;
}

/* The last five letters or digits of the masked key. */
static int
key_end(const char *masked, char *buf, size_t size)
{
	size_t n = strlen(masked), k = 0, i = n;
	char end[6];

	end[5] = '\0';
	while (i > 0 && k < 5) {
		unsigned char c = (unsigned char)masked[--i];

		if (isalnum(c))
			end[4 - k++] = (char)c;
	}
	if (k == 0)
		return 0;
	return put(buf, size, end + 5 - k);
}

static int
error_fact(const struct kw_session *s, int which, char *buf, size_t size)
{
	const struct kw_node *n;
	const struct kw_step *st;
	const struct kw_option *o;
	size_t opt, lang = session_lang(s);

	if (!session_error(s, &n, &opt) ||
	    (st = session_answered(s, n)) == NULL)
		return 0;
	o = &n->opts[opt];
	switch (which) {
	case F_ERROR:
		return put(buf, size, tree_text(&o->label, lang));
	case F_ERROR_MESSAGE:
		return put(buf, size, tree_text(&o->message, lang));
	case F_ERROR_TYPED:
		return st->text != NULL && put(buf, size, st->text);
	case F_ERROR_NUMBER:
		return st->text != NULL && facts_number(o, st->text, buf, size);
	default:
		put_time(st->answered, buf, size);
		return 1;
	}
}

static int
node_fact(const struct kw_session *s, const struct kw_node *n, char *buf,
    size_t size)
{
	const struct kw_step *st = session_answered(s, n);

	if (st == NULL)
		return 0;
	if (n->type == KW_NODE_FIELD)
		return st->text != NULL && st->text[0] != '\0' &&
		    put(buf, size, st->text);
	return put(buf, size, view_option_label(n, (size_t)st->opt,
	    session_lang(s)));
}

int
facts_value(const struct kw_session *s, const char *name, size_t n,
    char *buf, size_t size)
{
	const struct kw_tree *t = session_tree(s);
	const struct kw_keyinfo *k = session_key(s);
	const struct kw_node *nd;
	int b = builtin(name, n), field;

	buf[0] = '\0';
	if (b >= F_KEY && b <= F_KEY_NCOUNT && !k->entered)
		return 0;
	switch (b) {
	case F_KEY:
		return put(buf, size, k->masked);
	case F_KEY_END:
		return key_end(k->masked, buf, size);
	case F_KEY_VERDICT:
		return put(buf, size, !k->valid ? _("invalid") :
		    k->doubtful ? _("doubtful") : _("well-formed"));
	case F_KEY_NCOUNT:
		snprintf(buf, size, "%u", k->n_count);
		return 1;
	case F_ERROR:
	case F_ERROR_MESSAGE:
	case F_ERROR_TYPED:
	case F_ERROR_NUMBER:
	case F_TIME_ERROR:
		return error_fact(s, b, buf, size);
	case F_TIME_START:
		put_time(session_started(s), buf, size);
		return 1;
	case F_TIME_NOW:
		put_time(session_now(s), buf, size);
		return 1;
	case F_TREE_TITLE:
		return put(buf, size, tree_text(&t->title, session_lang(s)));
	case F_TREE_VERSION:
		return t->version[0] != '\0' && put(buf, size, t->version);
	case F_AGENT:
		return session_agent(s) != NULL && put(buf, size,
		    session_agent(s));
	case F_TICKET:
		return session_ticket(s) != NULL && put(buf, size,
		    session_ticket(s));
	default:
		break;
	}
	if ((nd = named_node(t, name, n, &field)) == NULL ||
	    (field && nd->type != KW_NODE_FIELD))
		return 0;
	return node_fact(s, nd, buf, size);
}

/* ---- filling a text ---- */

struct sbuf {
	char *s;
	size_t len, cap;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

char *
facts_fill(const struct kw_session *s, const char *text)
{
	struct sbuf b = { NULL, 0, 0 };
	struct kw_piece pc;
	enum kw_piece_type ty;
	char *val = xmalloc(VALUE_MAX);
	size_t at = 0;

	sb_add(&b, "", 0);
	while ((ty = tree_template_next(text, &at, &pc)) != KW_PIECE_END) {
		if (ty == KW_PIECE_TEXT)
			sb_add(&b, pc.text, pc.len);
		else if (ty == KW_PIECE_BAD) {
			/* not in a checked tree: the rest as written */
			sb_add(&b, text + pc.bad, strlen(text + pc.bad));
			break;
		} else if (facts_value(s, pc.name, pc.nlen, val, VALUE_MAX))
			sb_add(&b, val, strlen(val));
		else if (pc.fallback != NULL)
			sb_add(&b, pc.fallback, pc.flen);
		else
			sb_add(&b, pc.text, (size_t)(pc.name + pc.nlen + 1 -
			    pc.text));
	}
	explicit_bzero(val, VALUE_MAX);
	free(val);
	return b.s;
}

char *
facts_fill_text(const struct kw_session *s, const struct kw_text *x)
{
	return facts_fill(s, tree_text(x, session_lang(s)));
}

/* ---- logic ---- */

static int
cond_holds(const struct kw_session *s, const struct kw_cond *c)
{
	const struct kw_keyinfo *k = session_key(s);
	const struct kw_node *n;
	const struct kw_step *st;
	char val[64];
	size_t opt;

	switch (c->fact) {
	case KW_COND_KEY:
		if (!k->entered)
			return strcmp(c->value, "missing") == 0;
		return strcmp(c->value, !k->valid ? "invalid" : k->doubtful ?
		    "doubtful" : "well-formed") == 0;
	case KW_COND_NCOUNT:
		return k->entered && k->n_count >= c->min &&
		    k->n_count <= c->max;
	case KW_COND_ERROR:
		return session_error(s, &n, &opt) &&
		    strcmp(n->opts[opt].id, c->value) == 0;
	case KW_COND_ANSWER:
		return c->node != NULL &&
		    (st = session_answered(s, c->node)) != NULL &&
		    strcmp(c->node->opts[st->opt].id, c->value) == 0;
	case KW_COND_SET:
	case KW_COND_EMPTY:
		return facts_value(s, c->value, strlen(c->value), val,
		    sizeof val) == (c->fact == KW_COND_SET);
	case KW_COND_FACT_COUNT:
		break;
	}
	return 0;
}

int
facts_rule_holds(const struct kw_session *s, const struct kw_rule *r)
{
	for (size_t i = 0; i < r->nconds; i++)
		if (!cond_holds(s, &r->conds[i]))
			return 0;
	return 1;
}

size_t
facts_route(const struct kw_session *s, const struct kw_node *n)
{
	for (size_t i = 0; i < n->nrules; i++)
		if (facts_rule_holds(s, &n->rules[i]))
			return i;
	return n->nrules;
}

/* ---- the number for <x> ---- */

/* Whether the digits `d` (`n` bytes) stand alone in `s`. */
static int
has_number(const char *s, const char *d, size_t n)
{
	for (const char *p = s; (p = strstr(p, d)) != NULL; p++)
		if ((p == s || !isdigit((unsigned char)p[-1])) &&
		    !isdigit((unsigned char)p[n]))
			return 1;
	return 0;
}

static int
wording_has(const struct kw_option *o, const char *d, size_t n)
{
	for (size_t i = 0; i < o->message.n; i++)
		if (o->message.s[i] != NULL &&
		    has_number(o->message.s[i], d, n))
			return 1;
	for (size_t i = 0; i < o->nmatch; i++)
		for (size_t j = 0; j < o->match[i].n; j++)
			if (has_number(o->match[i].v[j], d, n))
				return 1;
	return 0;
}

int
facts_number(const struct kw_option *o, const char *text, char *buf,
    size_t size)
{
	char d[32];

	for (const char *p = text; *p != '\0';) {
		size_t n = strspn(p, "0123456789");

		if (n == 0) {
			p++;
			continue;
		}
		if (n < sizeof d) {
			memcpy(d, p, n);
			d[n] = '\0';
			if (!wording_has(o, d, n))
				return put(buf, size, d);
		}
		p += n;
	}
	return 0;
}

/* ---- field answers ---- */

static int
is_date(const char *v)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int y, m, d, n = 0;

	if (strlen(v) != 10 || sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3
	    || n != 10 || v[4] != '-' || v[7] != '-' ||
	    strspn(v, "0123456789-") != 10)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1] || y < 1900)
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return 0;
	return 1;
}

static int
is_domain(const char *v, size_t n)
{
	size_t label = 0, labels = 1;

	if (n == 0 || n > 253)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];

		if (c == '.') {
			if (label == 0 || v[i - 1] == '-')
				return 0;
			label = 0;
			labels++;
			continue;
		}
		if (!(isalnum(c) || c == '-' || c >= 0x80) ||
		    (c == '-' && label == 0) || ++label > 63)
			return 0;
	}
	return label > 0 && v[n - 1] != '-' && labels >= 2;
}

static int
is_email(const char *v)
{
	const char *at = strrchr(v, '@');

	if (at == NULL || at == v || strchr(v, ' ') != NULL ||
	    memchr(v, '@', (size_t)(at - v)) != NULL)
		return 0;
	return is_domain(at + 1, strlen(at + 1));
}

static int
matches(const char *pattern, const char *v)
{
	char *whole = xasprintf("^(%s)$", pattern);
	regex_t re;
	int ok = 0;

	if (regcomp(&re, whole, REG_EXTENDED | REG_NOSUB) == 0) {
		ok = regexec(&re, v, 0, NULL, 0) == 0;
		regfree(&re);
	}
	free(whole);
	return ok;
}

int
facts_field_check(const struct kw_node *n, const char *value, char *msg,
    size_t size)
{
	size_t len;
	char *v;
	int ok = 1, d;

	while (*value == ' ' || *value == '\t')
		value++;
	len = strlen(value);
	while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t'))
		len--;
	msg[0] = '\0';
	if (len == 0) {
		if (n->optional)
			return 0;
		snprintf(msg, size, "%s", _("An answer is needed here."));
		return -1;
	}
	v = xstrndup(value, len);
	switch (n->kind) {
	case KW_FIELD_DATE:
		if ((d = is_date(v)) < 0)
			snprintf(msg, size, "%s", _("Not a date: write it as "
			    "YYYY-MM-DD, for example 2026-11-24."));
		else if (d == 0)
			snprintf(msg, size, _("There is no such date as %s."),
			    v);
		ok = d > 0;
		break;
	case KW_FIELD_EMAIL:
		if (!(ok = is_email(v)))
			snprintf(msg, size, "%s", _("Not an e-mail address: "
			    "expected name@example.com."));
		break;
	case KW_FIELD_DOMAIN:
		if (!(ok = is_domain(v, len)))
			snprintf(msg, size, "%s", _("Not a domain name: "
			    "expected, for example, contoso.onmicrosoft.com."));
		break;
	case KW_FIELD_NUMBER:
		if (!(ok = strspn(v, "0123456789") == len))
			snprintf(msg, size, "%s", _("Not a number: digits "
			    "only."));
		break;
	case KW_FIELD_PATTERN:
		if (!(ok = n->pattern != NULL && matches(n->pattern, v)))
			snprintf(msg, size, _("Not in the form this answer "
			    "takes (%s)."), n->pattern);
		break;
	case KW_FIELD_TEXT:
	case KW_FIELD_KIND_COUNT:
		break;
	}
	free(v);
	return ok ? 0 : -1;
}
