/* SPDX-License-Identifier: MIT */
/* load-text.c - the loader's languages and localised texts (a text read before `languages` is moved to its place after) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load.h"
#include "loader.h"
#include "xalloc.h"
#include "yamlcur.h"


static const char *
lang_list(struct loader *l)
{
	char *buf = l->langs_shown;
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < l->t->nlangs && n + 6 < sizeof l->langs_shown;
	    i++)
		n += (size_t)snprintf(buf + n, sizeof l->langs_shown - n,
		    "%s%s", i > 0 ? ", " : "", l->t->langs[i]);
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
		return load_fail(l, pos, "unknown language '%s' (a tree uses "
		    "at most %d languages, match-only ones included)",
		    ycur_show(l->c, 0, code, len), KW_LANG_MAX);
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
	const char *code = ycur_str(l->c);
	size_t len = ycur_len(l->c);

	if (!tree_lang_valid(code))
		return load_err(l, "invalid language code '%s' "
		    LANG_EXPECTED, ycur_show(l->c, 0, code, len));
	if (l->langs_known) {
		for (size_t i = 0; i < l->t->nlangs; i++)
			if (strcmp(code, l->t->langs[i]) == 0)
				return (int)i;
		if (in_match)
			return match_lang(l, code, len, ycur_pos(l->c));
		return load_err(l, "unknown language '%s' "
		    "(languages: %s)", ycur_show(l->c, 0, code, len),
		    lang_list(l));
	}
	for (size_t i = 0; i < l->npre; i++)
		if (strcmp(code, l->pre[i]) == 0) {
			if (!in_match && !l->pre_text[i]) {
				l->pre_text[i] = 1;
				l->pre_tpos[i] = ycur_pos(l->c);
			}
			return (int)i;
		}
	if (l->npre == KW_LANG_MAX) {
		l->langs_bad = 1;
		return load_err(l, "unknown language '%s' (a tree uses "
		    "at most %d languages, match-only ones included)", code,
		    KW_LANG_MAX);
	}
	memcpy(l->pre[l->npre], code, len + 1);
	l->pre_pos[l->npre] = ycur_pos(l->c);
	l->pre_text[l->npre] = !in_match;
	l->pre_tpos[l->npre] = ycur_pos(l->c);
	return (int)l->npre++;
}

int
load_lang_key(struct loader *l, int in_match, unsigned *seen,
    struct kw_pos *kpos)
{
	int i;

	if ((i = lang_index(l, in_match)) < 0)
		return -1;
	if (*seen & 1u << i)
		return load_err(l, "duplicate key '%s' (first at %u:%u)",
		    ycur_str(l->c), kpos[i].line, kpos[i].col);
	*seen |= 1u << i;
	kpos[i] = ycur_pos(l->c);
	return ycur_next(l->c) < 0 ? -1 : i;
}

int
load_text(struct loader *l, const char *what, struct kw_text *out)
{
	struct kw_pos kpos[KW_LANG_MAX];
	const char *s[KW_LANG_MAX];
	size_t depth = ycur_depth(l->c);
	unsigned seen = 0, n = 0;
	int r, i;

	memset(out, 0, sizeof *out);
	out->pos = ycur_pos(l->c);
	if (ycur_type(l->c) == YC_SCALAR && !ycur_is_null(l->c)) {
		/* one string: the text in the tree's first language (the
		 * checker wants a mapping when the tree has more) */
		out->s = tree_alloc(l->t, sizeof *out->s);
		out->s[0] = tree_strndup(l->t, ycur_str(l->c), ycur_len(l->c));
		out->n = 1;
		out->plain = 1;
		return load_placeholders(l, out->s[0]);
	}
	if (ycur_type(l->c) != YC_MAP)
		return load_err(l, "expected a string or a mapping by "
		    "language for '%s', found %s", what, ycur_found(l->c));
	while ((r = ycur_map_next_key(l->c)) > 0) {
		if ((i = load_lang_key(l, 0, &seen, kpos)) < 0 ||
		    load_string(l, what, &s[i]) < 0 ||
		    load_placeholders(l, s[i]) < 0) {
			if (i >= 0)
				seen &= ~(1u << i);
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
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
		out->s = load_copy(l, s, n * sizeof *s);
		out->n = n;
	}
	return 0;
}

int
load_placeholders(struct loader *l, const char *s)
{
	struct kw_pos *pos, at = ycur_pos(l->c);
	size_t nb = 0, found, done = 0, seen = 0, i = 0;
	struct kw_piece pc;
	enum kw_piece_type ty;
	int rc = 0;

	for (const char *q = s; (q = strpbrk(q, "{}")) != NULL; q++)
		nb++;
	if (nb == 0)
		return 0;
	pos = xcalloc(nb, sizeof *pos);
	found = ycur_braces(l->c, pos, nb);
	while ((ty = tree_template_next(s, &i, &pc)) != KW_PIECE_END) {
		size_t off = ty == KW_PIECE_BAD ? pc.bad :
		    (size_t)(pc.text - s);
		struct kw_pos p;

		if (ty == KW_PIECE_TEXT)
			continue;
		for (; done < off; done++)
			seen += s[done] == '{' || s[done] == '}';
		/* the brace's place, or the string's when an escape made
		 * braces the file does not show */
		p = found == nb ? pos[seen] : at;
		if (ty == KW_PIECE_BAD) {
			rc = load_fail(l, p, "%s", pc.why);
			break;
		}
		if (ty != KW_PIECE_NAME)
			continue;
		l->uses = xgrow(l->uses, &l->capuses, l->nuses + 1,
		    sizeof *l->uses);
		l->uses[l->nuses].name = tree_strndup(l->t, pc.name, pc.nlen);
		l->uses[l->nuses].fallback = pc.fallback != NULL;
		l->uses[l->nuses].node = l->cur_node;
		l->uses[l->nuses++].pos = p;
	}
	free(pos);
	return rc;
}

/* A list of strings into the arena (e.g. links, match phrases). */
int
load_strlist(struct loader *l, const char *what, struct kw_strv *out)
{
	size_t n = 0, depth = ycur_depth(l->c);
	int r;

	if (ycur_expect(l->c, YC_SEQ, what) < 0)
		return -1;
	while ((r = ycur_seq_next(l->c)) > 0) {
		l->strs = xgrow(l->strs, &l->capstrs, n + 1, sizeof *l->strs);
		if (load_string(l, what, &l->strs[n]) == 0)
			n++;
		else if (load_recover(l, depth) < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	out->n = n;
	out->v = load_copy(l, l->strs, n * sizeof *out->v);
	return 0;
}

/* Texts read before `languages` are indexed in order of first use; give
 * them the tree's order (their new array may be longer). */
static void
remap_text(struct loader *l, struct kw_text *x, const int *map)
{
	const char *s[KW_LANG_MAX] = { NULL };
	unsigned n = 0;

	if (x->plain)
		return;		/* the first language, whichever it is */
	for (unsigned i = 0; i < x->n; i++) {
		s[map[i]] = x->s[i];
		if ((unsigned)map[i] >= n)
			n = (unsigned)map[i] + 1;
	}
	if (n > 0)
		x->s = load_copy(l, s, n * sizeof *s);
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
		o->match = load_copy(l, s, n * sizeof *s);
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
			return load_fail(l, l->pre_tpos[i], "unknown "
			    "language '%s' (languages: %s)", l->pre[i],
			    lang_list(l));
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

int
load_languages(struct loader *l)
{
	struct kw_tree *t = l->t;
	struct kw_pos lpos = ycur_pos(l->c);
	size_t depth = ycur_depth(l->c);
	int r;

	if (ycur_expect(l->c, YC_SEQ, "languages") < 0)
		return -1;
	while ((r = ycur_seq_next(l->c)) > 0) {
		const char *code;
		size_t i = 0;

		if (load_string(l, "languages", &code) < 0)
			r = -1;
		else if (!tree_lang_valid(code))
			r = load_err(l, "invalid language code '%s' "
			    LANG_EXPECTED, ycur_show(l->c, 0, code,
			    strlen(code)));
		else {
			while (i < t->nlangs && strcmp(code, t->langs[i]) != 0)
				i++;
			if (i < t->nlangs)
				r = load_err(l, "duplicate language '%s'",
				    code);
		}
		if (r < 0) {
			l->langs_bad = 1;
			if (load_recover(l, depth) < 0)
				return -1;
			continue;
		}
		if (t->nlangs == KW_LANG_MAX)
			return load_err(l, "too many languages (at "
			    "most %d)", KW_LANG_MAX);
		t->langs[t->nlangs++] = code;
	}
	if (r < 0 || l->langs_bad)
		return -1;	/* the texts stay unmatched */
	if (t->nlangs == 0)
		return load_fail(l, lpos, "expected at least one language in "
		    "'languages'");
	return resolve_langs(l);
}
