/* SPDX-License-Identifier: MIT */
/* load-node.c - the loader's nodes: each type's fields, options, checklist items */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load.h"
#include "loader.h"
#include "xalloc.h"
#include "yamlcur.h"


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
	size_t depth = ycur_depth(l->c);
	unsigned seen = 0, n = 0;
	int r, i;

	if (ycur_expect(l->c, YC_MAP, "match") < 0)
		return -1;
	memset(match, 0, sizeof match);
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((i = load_lang_key(l, 1, &seen, kpos)) < 0 ||
		    load_strlist(l, "match", &match[i]) < 0) {
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		if ((unsigned)i >= n)
			n = (unsigned)i + 1;
	}
	if (r < 0)
		return -1;
	if (n > 0) {
		o->match = load_copy(l, match, n * sizeof *match);
		o->nmatch = n;
	}
	return 0;
}

static int
parse_option(struct loader *l, struct kw_option *o, size_t index)
{
	struct kw_pos mpos = ycur_pos(l->c), kpos[OF_COUNT];
	size_t depth = ycur_depth(l->c);
	unsigned seen = 0;
	char num[24];
	int r, f;

	memset(o, 0, sizeof *o);
	if (ycur_expect(l->c, YC_MAP, "options") < 0)
		return -1;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((f = load_field(l, option_fields, OF_COUNT, "an option",
		    &seen, kpos)) < 0 || ycur_next(l->c) < 0) {
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		switch (f) {
		case OF_ID:
			if ((r = load_string(l, "id", &o->id)) == 0 &&
			    !tree_option_id_valid(o->id))
				r = load_err(l, "invalid option id "
				    "'%s' (letters, digits, '.', '_' and '-', "
				    "at most %d)",
				    ycur_show(l->c, 0, o->id, strlen(o->id)),
				    KW_ID_MAX);
			break;
		case OF_LABEL:
			r = load_text(l, "label", &o->label);
			break;
		case OF_MESSAGE:
			r = load_text(l, "message", &o->message);
			break;
		case OF_MATCH:
			r = parse_match(l, o);
			break;
		case OF_NEXT:
			o->pos = ycur_pos(l->c);
			r = load_string(l, "next", &o->target);
			break;
		}
		if (r < 0 && load_recover(l, depth) < 0)
			return -1;
	}
	if (r < 0 || load_missing(l, mpos, option_fields, OF_COUNT,
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
	struct kw_pos lpos = ycur_pos(l->c);
	size_t n = 0, depth = ycur_depth(l->c);
	int r;

	if (ycur_expect(l->c, YC_SEQ, "options") < 0)
		return -1;
	while ((r = ycur_seq_next(l->c)) > 0) {
		if (n == KW_OPTIONS_MAX)
			return load_err(l, "too many options (at most "
			    "%d)", KW_OPTIONS_MAX);
		if (parse_option(l, &l->opts[n], n) < 0 &&
		    load_recover(l, depth) < 0)
			return -1;
		n++;
	}
	if (r < 0)
		return -1;
	if (n == 0)
		return load_fail(l, lpos, "expected at least one option in "
		    "'options'");
	nd->nopts = n;
	nd->opts = load_copy(l, l->opts, n * sizeof *nd->opts);
	return 0;
}

static int
parse_items(struct loader *l, struct kw_node *nd)
{
	size_t n = 0, depth = ycur_depth(l->c);
	int r;

	if (ycur_expect(l->c, YC_SEQ, "items") < 0)
		return -1;
	while ((r = ycur_seq_next(l->c)) > 0) {
		if (n == KW_ITEMS_MAX)
			return load_err(l, "too many items (at most "
			    "%d)", KW_ITEMS_MAX);
		l->items = xgrow(l->items, &l->capitems, n + 1,
		    sizeof *l->items);
		if (load_text(l, "items", &l->items[n]) < 0 &&
		    load_recover(l, depth) < 0)
			return -1;
		n++;
	}
	if (r < 0)
		return -1;
	nd->nitems = n;
	nd->items = load_copy(l, l->items, n * sizeof *nd->items);
	return 0;
}

enum {
	NF_TYPE, NF_TITLE, NF_TEXT, NF_WHY, NF_LINKS, NF_NEXT, NF_ITEMS,
	NF_YES, NF_NO, NF_MINUTES, NF_WORKED, NF_FAILING, NF_OPTIONS,
	NF_RESULT, NF_CONTACT, NF_TELL, NF_KIND, NF_PATTERN, NF_OPTIONAL,
	NF_RULES, NF_DEFAULT, NF_PRESET, NF_COUNT
};

static const char *const node_fields[NF_COUNT] = {
	"type", "title", "text", "why", "links", "next", "items", "yes", "no",
	"minutes", "worked", "failing", "options", "result", "contact", "tell",
	"kind", "pattern", "optional", "rules", "default", "preset"
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
	[KW_NODE_OUTCOME] = NB_ALL | NB(RESULT) | NB(CONTACT) | NB(TELL),
	[KW_NODE_FIELD] = NB_ALL | NB(WHY) | NB(NEXT) | NB(KIND) |
	    NB(PATTERN) | NB(OPTIONAL) | NB(PRESET),
	[KW_NODE_LOGIC] = NB(TYPE) | NB(TITLE) | NB(TEXT) | NB(RULES) |
	    NB(DEFAULT)
};

static const unsigned node_required[KW_NODE_TYPE_COUNT] = {
	[KW_NODE_KEY] = NB(TYPE) | NB(TEXT) | NB(NEXT),
	[KW_NODE_CHOICE] = NB(TYPE) | NB(TEXT) | NB(OPTIONS),
	[KW_NODE_QUESTION] = NB(TYPE) | NB(TEXT) | NB(YES) | NB(NO),
	[KW_NODE_STEP] = NB(TYPE) | NB(TEXT) | NB(NEXT),
	[KW_NODE_WAIT] = NB(TYPE) | NB(TEXT) | NB(MINUTES) | NB(WORKED) |
	    NB(FAILING),
	[KW_NODE_OUTCOME] = NB(TYPE) | NB(TEXT) | NB(RESULT),
	[KW_NODE_FIELD] = NB(TYPE) | NB(TEXT) | NB(NEXT),
	[KW_NODE_LOGIC] = NB(TYPE) | NB(RULES) | NB(DEFAULT)
};

int
load_enum(struct loader *l, const char *what, const char *const *names,
    size_t n)
{
	struct kw_suggest sg;
	char list[128];
	size_t used = 0;
	const char *s;

	if (ycur_type(l->c) != YC_SCALAR || ycur_is_null(l->c))
		return load_err(l, "expected a string for '%s', "
		    "found %s", what, ycur_found(l->c));
	s = ycur_str(l->c);
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	check_suggest_init(&sg, s);
	for (size_t i = 0; i < n; i++)
		check_suggest_try(&sg, names[i]);
	if (sg.best != NULL)
		return load_err(l, "unknown %s '%s' (did you mean "
		    "'%s'?)", what, ycur_show(l->c, 0, s, ycur_len(l->c)),
		    sg.best);
	for (size_t i = 0; i < n && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used,
		    "%s%s", i > 0 ? ", " : "", names[i]);
	return load_err(l, "unknown %s '%s' (expected one of: %s)",
	    what, ycur_show(l->c, 0, s, ycur_len(l->c)), list);
}

static int
not_allowed(struct loader *l, int f, struct kw_pos pos,
    enum kw_node_type type)
{
	return load_fail(l, pos, "field '%s' is not allowed in %s %s node",
	    node_fields[f], type == KW_NODE_OUTCOME ? "an" : "a",
	    tree_type_name(type));
}

static int
parse_node(struct loader *l, struct kw_node *nd)
{
	struct kw_pos mpos = ycur_pos(l->c), kpos[NF_COUNT];
	struct kw_pos tpos[NF_COUNT] = { { 0, 0 } };
	const char *target[NF_COUNT] = { NULL };
	unsigned char order[NF_COUNT];
	size_t norder = 0, depth = ycur_depth(l->c);
	unsigned seen = 0;
	int r, f, v, typed = 0;	/* -1: the type is wrong */
	long long minutes;
	char where[KW_ID_MAX + 32];
	const char *const *answer;
	size_t nfixed;

	snprintf(where, sizeof where, "node '%s'", nd->id);
	if (ycur_expect_in(l->c, YC_MAP, where) < 0)
		return -1;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((f = load_field(l, node_fields, NF_COUNT, where, &seen,
		    kpos)) < 0 || (typed > 0 &&
		    !(node_allowed[nd->type] & 1u << f) &&
		    not_allowed(l, f, kpos[f], nd->type) < 0) ||
		    ycur_next(l->c) < 0) {
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		order[norder++] = (unsigned char)f;
		switch (f) {
		case NF_TYPE:
			if ((v = load_enum(l, "node type", kw_type_names,
			    KW_NODE_TYPE_COUNT)) < 0) {
				typed = r = -1;
				break;
			}
			nd->type = (enum kw_node_type)v;
			typed = 1;
			for (size_t i = 0; i < norder; i++)
				if (!(node_allowed[v] & 1u << order[i]))
					r = not_allowed(l, order[i],
					    kpos[order[i]], nd->type);
			r = r < 0 ? 0 : r;	/* those values were read */
			break;
		case NF_TITLE:
			r = load_text(l, "title", &nd->title);
			break;
		case NF_TEXT:
			r = load_text(l, "text", &nd->text);
			break;
		case NF_WHY:
			r = load_text(l, "why", &nd->why);
			break;
		case NF_CONTACT:
			r = load_text(l, "contact", &nd->contact);
			break;
		case NF_TELL:
			r = load_text(l, "tell", &nd->tell);
			break;
		case NF_LINKS:
			r = load_strlist(l, "links", &nd->links);
			break;
		case NF_KIND:
			r = load_field_kind(l, nd);
			break;
		case NF_PATTERN:
			r = load_field_pattern(l, nd);
			break;
		case NF_OPTIONAL:
			r = load_field_optional(l, nd);
			break;
		case NF_RULES:
			r = load_rules(l, nd);
			break;
		case NF_PRESET:
			r = load_field_preset(l, nd);
			break;
		case NF_DEFAULT:
		case NF_NEXT:
		case NF_YES:
		case NF_NO:
		case NF_WORKED:
		case NF_FAILING:
			tpos[f] = ycur_pos(l->c);
			r = load_string(l, node_fields[f], &target[f]);
			break;
		case NF_ITEMS:
			r = parse_items(l, nd);
			break;
		case NF_MINUTES:
			if ((r = ycur_read_int(l->c, "minutes", 1,
			    KW_MINUTES_MAX, &minutes)) == 0)
				nd->minutes = (unsigned)minutes;
			break;
		case NF_OPTIONS:
			r = parse_options(l, nd);
			break;
		case NF_RESULT:
			if ((r = v = load_enum(l, "result", kw_result_names,
			    KW_RESULT_COUNT)) >= 0)
				nd->result = (enum kw_result)v;
			break;
		}
		if (r < 0 && load_recover(l, depth) < 0)
			return -1;
	}
	if (r < 0 || typed < 0)
		return -1;
	if (!typed)
		return load_fail(l, mpos, "missing required field 'type' in %s",
		    where);
	snprintf(where, sizeof where, "%s node '%s'",
	    tree_type_name(nd->type), nd->id);
	if (load_missing(l, mpos, node_fields, NF_COUNT,
	    node_required[nd->type], seen, where) < 0 ||
	    load_node_done(l, nd, mpos, target[NF_DEFAULT],
	    tpos[NF_DEFAULT]) < 0)
		return -1;
	/* the fixed answers, each named by the field that holds its target */
	if ((nfixed = tree_fixed_answers(nd->type, &answer)) == 0)
		return 0;
	nd->opts = tree_alloc(l->t, nfixed * sizeof *nd->opts);
	for (size_t i = 0; i < nfixed; i++) {
		struct kw_option *o = &nd->opts[nd->nopts++];

		for (f = 0; strcmp(node_fields[f], answer[i]) != 0; f++)
			;
		o->id = answer[i];
		o->target = target[f];
		o->pos = tpos[f];
	}
	return 0;
}

/* The nodes mapping: ids in file order; duplicates found by sorting. */
int
load_nodes(struct loader *l)
{
	struct kw_pos mpos = ycur_pos(l->c);
	const struct kw_node *dup;
	struct kw_tree *t = l->t;
	size_t depth = ycur_depth(l->c);
	int r;

	if (ycur_expect(l->c, YC_MAP, "nodes") < 0)
		return -1;
	while ((r = ycur_map_next_key(l->c)) > 0) {
		struct kw_node *nd;
		const char *id = ycur_str(l->c);

		if (!tree_id_valid(id, 0)) {
			load_err(l, "invalid node id '%s' "
			    "(letters, digits, '.', '_' and '-', starting "
			    "with a letter or digit, at most %d)",
			    ycur_show(l->c, 0, id, ycur_len(l->c)),
			    KW_ID_MAX);
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		if (l->nnodes == l->lim->max_nodes)
			return load_err(l, "too many nodes (more than "
			    "%zu)", l->lim->max_nodes);
		l->nodes = xgrow(l->nodes, &l->capnodes, l->nnodes + 1,
		    sizeof *l->nodes);
		nd = &l->nodes[l->nnodes];
		memset(nd, 0, sizeof *nd);
		nd->id = tree_strndup(t, id, ycur_len(l->c));
		nd->pos = ycur_pos(l->c);
		l->cur_node = l->nnodes++;
		if ((ycur_next(l->c) < 0 || parse_node(l, nd) < 0) &&
		    load_recover(l, depth) < 0)
			return -1;
		l->cur_node = SIZE_MAX;
	}
	if (r < 0)
		return -1;
	if (l->nnodes == 0)
		return load_fail(l, mpos, "expected at least one node in "
		    "'nodes'");
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
		return load_fail(l, dup->pos, "duplicate node id '%s' (first "
		    "at %u:%u)", dup->id, first->pos.line, first->pos.col);
	}
	return 0;
}
