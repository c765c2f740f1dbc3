/* SPDX-License-Identifier: MIT */
/* load-logic.c - the loader's field and logic nodes: a field's kind, pattern and optional; a logic node's rules and default */
#include "config.h"

#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts.h"
#include "load.h"
#include "loader.h"
#include "xalloc.h"
#include "yamlcur.h"

#define CONDS_MAX	16	/* tests in one rule */
#define SHOWN_MAX	512	/* a rule's tests as written, for records */

static const char *const key_verdicts[] = {
	"invalid", "doubtful", "well-formed", "missing"
};

int
load_field_kind(struct loader *l, struct kw_node *nd)
{
	int v = load_enum(l, "field kind", kw_field_kind_names,
	    KW_FIELD_KIND_COUNT);

	if (v < 0)
		return -1;
	nd->kind = (enum kw_field_kind)v;
	return 0;
}

int
load_field_pattern(struct loader *l, struct kw_node *nd)
{
	char msg[256], *whole;
	regex_t re;
	int rc;

	if (load_string(l, "pattern", &nd->pattern) < 0)
		return -1;
	whole = xasprintf("^(%s)$", nd->pattern);
	rc = regcomp(&re, whole, REG_EXTENDED | REG_NOSUB);
	free(whole);
	if (rc != 0) {
		regerror(rc, &re, msg, sizeof msg);
		return load_err(l, "invalid pattern '%s': %s",
		    ycur_show(l->c, 0, nd->pattern, strlen(nd->pattern)), msg);
	}
	regfree(&re);
	return 0;
}

int
load_field_optional(struct loader *l, struct kw_node *nd)
{
	static const char *const truth[] = { "false", "true" };
	const char *s = ycur_str(l->c);

	if (ycur_type(l->c) == YC_SCALAR && ycur_is_plain(l->c))
		for (int i = 0; i < 2; i++)
			if (strcasecmp(s, truth[i]) == 0) {
				nd->optional = i;
				return 0;
			}
	return load_err(l, "expected true or false for 'optional', found %s",
	    ycur_found(l->c));
}

int
load_field_preset(struct loader *l, struct kw_node *nd)
{
	if (load_string(l, "preset", &nd->preset) < 0)
		return -1;
	if (!facts_name_valid(nd->preset))
		return load_err(l, "invalid name '%s' in 'preset' (a "
		    "placeholder's name, such as error.number)",
		    ycur_show(l->c, 0, nd->preset, strlen(nd->preset)));
	l->uses = xgrow(l->uses, &l->capuses, l->nuses + 1, sizeof *l->uses);
	l->uses[l->nuses].name = nd->preset;
	l->uses[l->nuses].fallback = 1;	/* unset: the field is asked */
	l->uses[l->nuses].node = l->cur_node;
	l->uses[l->nuses++].pos = ycur_pos(l->c);
	return 0;
}

/* A node id as a test's value (`what`), copied into the tree. */
static int
cond_id(struct loader *l, const char *what, const char **out)
{
	if (load_string(l, what, out) < 0)
		return -1;
	if (!tree_id_valid(*out, 0))
		return load_err(l, "invalid node id '%s' in '%s'",
		    ycur_show(l->c, 0, *out, strlen(*out)), what);
	return 0;
}

/* n-count: a number, or {min: A, max: B} (either may be left out). */
static int
cond_count(struct loader *l, struct kw_cond *c)
{
	struct kw_pos mpos = ycur_pos(l->c);
	int r, seen = 0;

	c->min = 0;
	c->max = KW_NCOUNT_MAX;
	if (ycur_type(l->c) == YC_SCALAR) {
		if (ycur_read_int(l->c, "n-count", 0, KW_NCOUNT_MAX,
		    &c->min) < 0)
			return -1;
		c->max = c->min;
		return 0;
	}
	if (ycur_expect(l->c, YC_MAP, "n-count") < 0)
		return -1;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		const char *k = ycur_str(l->c);
		int is_min = strcmp(k, "min") == 0;

		if (!is_min && strcmp(k, "max") != 0)
			return load_err(l, "unknown field '%s' in 'n-count' "
			    "(expected min or max)",
			    ycur_show(l->c, 0, k, ycur_len(l->c)));
		if (ycur_next(l->c) < 0 || ycur_read_int(l->c, "n-count", 0,
		    KW_NCOUNT_MAX, is_min ? &c->min : &c->max) < 0)
			return -1;
		seen = 1;
	}
	if (r < 0)
		return -1;
	if (!seen)
		return load_fail(l, mpos, "expected min or max in 'n-count'");
	if (c->min > c->max)
		return load_fail(l, mpos, "n-count: min %lld is above max %lld",
		    c->min, c->max);
	return 0;
}

static void
shown_add(char *buf, size_t *used, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
shown_add(char *buf, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= SHOWN_MAX)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *used, SHOWN_MAX - *used, fmt, ap);
	va_end(ap);
	if (n > 0)
		*used += (size_t)n < SHOWN_MAX - *used ? (size_t)n :
		    SHOWN_MAX - *used - 1;
}

/* One test: the key `f` of an `if` mapping, its value current. Adds one
 * condition (answer: one per pair) to conds[*n]. */
static int
parse_cond(struct loader *l, int f, struct kw_pos kpos, struct kw_cond *conds,
    size_t *n, char *shown, size_t *used)
{
	struct kw_cond *c = &conds[*n];
	const char *sep = *used > 0 ? ", " : "";
	int r, v;

	if (*n == CONDS_MAX)
		return load_fail(l, kpos, "too many tests in one rule (at "
		    "most %d)", CONDS_MAX);
	memset(c, 0, sizeof *c);
	c->fact = (enum kw_cond_fact)f;
	c->pos = kpos;
	switch (c->fact) {
	case KW_COND_KEY:
		if ((v = load_enum(l, "key verdict", key_verdicts,
		    sizeof key_verdicts / sizeof key_verdicts[0])) < 0)
			return -1;
		c->value = key_verdicts[v];
		shown_add(shown, used, "%skey: %s", sep, c->value);
		break;
	case KW_COND_NCOUNT:
		if (cond_count(l, c) < 0)
			return -1;
		if (c->min == c->max)
			shown_add(shown, used, "%sn-count: %lld", sep, c->min);
		else
			shown_add(shown, used, "%sn-count: %lld..%lld", sep,
			    c->min, c->max);
		break;
	case KW_COND_ERROR:
		if (load_string(l, "error", &c->value) < 0)
			return -1;
		if (!tree_option_id_valid(c->value))
			return load_err(l, "invalid option id '%s' in 'error'",
			    ycur_show(l->c, 0, c->value, strlen(c->value)));
		shown_add(shown, used, "%serror: %s", sep, c->value);
		break;
	case KW_COND_SET:
	case KW_COND_EMPTY:
		if (load_string(l, kw_cond_fact_names[f], &c->value) < 0)
			return -1;
		if (!facts_name_valid(c->value))
			return load_err(l, "invalid name '%s' in '%s' (a "
			    "placeholder's name, such as field.order-number)",
			    ycur_show(l->c, 0, c->value, strlen(c->value)),
			    kw_cond_fact_names[f]);
		shown_add(shown, used, "%s%s: %s", sep, kw_cond_fact_names[f],
		    c->value);
		break;
	case KW_COND_ANSWER:
		if (ycur_expect(l->c, YC_MAP, "answer") < 0)
			return -1;
		while ((r = ycur_map_next_key(l->c)) > 0) {
			if (*n == CONDS_MAX)
				return load_err(l, "too many tests in one "
				    "rule (at most %d)", CONDS_MAX);
			c = &conds[*n];
			memset(c, 0, sizeof *c);
			c->fact = KW_COND_ANSWER;
			c->pos = ycur_pos(l->c);
			if (cond_id(l, "answer", &c->id) < 0 ||
			    ycur_next(l->c) < 0 ||
			    load_string(l, "answer", &c->value) < 0)
				return -1;
			shown_add(shown, used, "%sanswer: %s = %s",
			    *used > 0 ? ", " : "", c->id, c->value);
			(*n)++;
		}
		if (r < 0)
			return -1;
		if (c == &conds[*n])
			return load_fail(l, kpos, "expected a node and its "
			    "answer in 'answer'");
		return 0;
	case KW_COND_FACT_COUNT:
		break;
	}
	(*n)++;
	return 0;
}

/* One rule: {if: {tests}, next: id}. */
static int
parse_rule(struct loader *l, struct kw_rule *rule, struct kw_option *o)
{
	static const char *const rule_fields[] = { "if", "next" };
	struct kw_pos mpos = ycur_pos(l->c), kpos[2], fpos;
	struct kw_cond conds[CONDS_MAX];
	char shown[SHOWN_MAX];
	size_t n = 0, used = 0;
	unsigned seen = 0, fseen = 0;
	struct kw_pos fk[KW_COND_FACT_COUNT];
	int r, f;

	shown[0] = '\0';
	if (ycur_expect(l->c, YC_MAP, "rules") < 0)
		return -1;
	memset(rule, 0, sizeof *rule);
	memset(o, 0, sizeof *o);
	rule->pos = mpos;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((f = load_field(l, rule_fields, 2, "a rule", &seen,
		    kpos)) < 0 || ycur_next(l->c) < 0)
			return -1;
		if (f == 1) {
			o->pos = ycur_pos(l->c);
			if (load_string(l, "next", &o->target) < 0)
				return -1;
			continue;
		}
		if (ycur_expect(l->c, YC_MAP, "if") < 0)
			return -1;
		while ((r = ycur_map_next_key(l->c)) > 0) {
			fpos = ycur_pos(l->c);
			if ((f = load_field(l, kw_cond_fact_names,
			    KW_COND_FACT_COUNT, "a rule's 'if'", &fseen,
			    fk)) < 0 || ycur_next(l->c) < 0 ||
			    parse_cond(l, f, fpos, conds, &n, shown,
			    &used) < 0)
				return -1;
		}
		if (r < 0)
			return -1;
		if (n == 0)
			return load_fail(l, kpos[0], "expected at least one "
			    "test in 'if'");
	}
	if (r < 0 || load_missing(l, mpos, rule_fields, 2, 3u, seen,
	    "a rule") < 0)
		return -1;
	rule->conds = load_copy(l, conds, n * sizeof *conds);
	rule->nconds = n;
	rule->shown = tree_strndup(l->t, shown, strlen(shown));
	return 0;
}

int
load_rules(struct loader *l, struct kw_node *nd)
{
	struct kw_rule rules[KW_OPTIONS_MAX - 1];
	struct kw_pos lpos = ycur_pos(l->c);
	size_t n = 0;
	int r;

	if (ycur_expect(l->c, YC_SEQ, "rules") < 0)
		return -1;
	while ((r = ycur_seq_next(l->c)) > 0) {
		if (n == KW_OPTIONS_MAX - 1)
			return load_err(l, "too many rules (at most %d)",
			    KW_OPTIONS_MAX - 1);
		if (parse_rule(l, &rules[n], &l->opts[n]) < 0)
			return -1;
		n++;
	}
	if (r < 0)
		return -1;
	if (n == 0)
		return load_fail(l, lpos, "expected at least one rule in "
		    "'rules'");
	nd->rules = load_copy(l, rules, n * sizeof *rules);
	nd->nrules = n;
	return 0;
}

int
load_node_done(struct loader *l, struct kw_node *nd, struct kw_pos mpos,
    const char *dflt, struct kw_pos dpos)
{
	char num[24];

	if (nd->type == KW_NODE_FIELD && (nd->kind == KW_FIELD_PATTERN) !=
	    (nd->pattern != NULL))
		return load_fail(l, mpos, nd->pattern == NULL ? "field node "
		    "'%s' of kind pattern needs a 'pattern'" : "field node "
		    "'%s' has a 'pattern' but is not of kind pattern",
		    nd->id);
	if (nd->type != KW_NODE_LOGIC)
		return 0;
	nd->nopts = nd->nrules + 1;
	nd->opts = tree_alloc(l->t, nd->nopts * sizeof *nd->opts);
	for (size_t i = 0; i < nd->nrules; i++) {
		nd->opts[i] = l->opts[i];
		snprintf(num, sizeof num, "%zu", i + 1);
		nd->opts[i].id = tree_strndup(l->t, num, strlen(num));
	}
	memset(&nd->opts[nd->nrules], 0, sizeof *nd->opts);
	nd->opts[nd->nrules].id = "default";
	nd->opts[nd->nrules].target = dflt;
	nd->opts[nd->nrules].pos = dpos;
	return 0;
}
