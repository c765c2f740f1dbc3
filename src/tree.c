/* SPDX-License-Identifier: MIT */
/* tree.c - the tree's arena, text lookup and id index */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "tree.h"
#include "xalloc.h"

/*
 * Blocks double from ARENA_FIRST to ARENA_LAST, so the bundled tree takes a
 * few small blocks and a 150 MB one a few dozen large ones. (Offering the
 * large blocks to transparent huge pages was tried: 7,500 page faults
 * instead of 47,000 at 100,000 nodes, but the kernel's compaction to find
 * huge pages cost more system time than the faults saved.)
 */
#define ARENA_FIRST (16 * 1024)
#define ARENA_LAST (4 * 1024 * 1024)

struct arena_block {
	struct arena_block *prev;
	size_t used, size;
	max_align_t data[];
};

struct kw_arena {
	struct arena_block *top;
	size_t next;		/* size of the next shared block */
	void **adopted;		/* arrays built elsewhere (tree_adopt) */
	size_t nadopted, capadopted;
};

/* A block with `size` bytes of data, zeroed if `zero`. */
static struct arena_block *
block_new(size_t size, int zero)
{
	struct arena_block *b;

	if (size > SIZE_MAX - sizeof *b)
		fatal("arena block too large");
	b = zero ? xcalloc(1, sizeof *b + size) : xmalloc(sizeof *b + size);
	b->size = size;
	b->used = 0;
	return b;
}

/*
 * `n` bytes aligned to `align` (a power of two), zeroed if `zero`. Small
 * requests share blocks; a big one (a quarter of a block or more) gets a
 * block of its own, and the current block goes on being filled.
 */
static void *
arena_get(struct kw_tree *t, size_t n, size_t align, int zero)
{
	struct kw_arena *a = t->arena;
	struct arena_block *b = a->top;
	size_t used = 0;

	if (n == 0)
		n = 1;
	if (b != NULL)
		used = (b->used + align - 1) & ~(align - 1);
	if (b == NULL || used > b->size || b->size - used < n) {
		if (a->next < ARENA_FIRST)
			a->next = ARENA_FIRST;
		if (n >= a->next / 4) {
			b = block_new(n, zero);
			b->used = n;
			if (a->top != NULL) {
				b->prev = a->top->prev;
				a->top->prev = b;
			} else {
				b->prev = NULL;
				a->top = b;
			}
			return b->data;
		}
		b = block_new(a->next, 0);
		b->prev = a->top;
		a->top = b;
		used = 0;
		if (a->next < ARENA_LAST)
			a->next *= 2;
	}
	void *p = (char *)b->data + used;
	b->used = used + n;
	if (zero)
		memset(p, 0, n);
	return p;
}

void *
tree_alloc(struct kw_tree *t, size_t n)
{
	return arena_get(t, n, sizeof(max_align_t), 1);
}

/* Strings need neither alignment nor zeroing: most of a tree's bytes are
 * text, so this saves memory and time in proportion to the file. */
const char *
tree_strndup(struct kw_tree *t, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		fatal("string too long");
	p = arena_get(t, n + 1, 1, 0);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
tree_adopt(struct kw_tree *t, void *p)
{
	struct kw_arena *a = t->arena;

	a->adopted = xgrow(a->adopted, &a->capadopted, a->nadopted + 1,
	    sizeof *a->adopted);
	a->adopted[a->nadopted++] = p;
	return p;
}

struct kw_tree *
tree_new(void)
{
	struct kw_tree *t = xcalloc(1, sizeof *t);

	t->arena = xcalloc(1, sizeof *t->arena);
	t->version = "";
	return t;
}

void
tree_free(struct kw_tree *t)
{
	struct arena_block *b, *prev;

	if (t == NULL)
		return;
	for (b = t->arena->top; b != NULL; b = prev) {
		prev = b->prev;
		free(b);
	}
	for (size_t i = 0; i < t->arena->nadopted; i++)
		free(t->arena->adopted[i]);
	free(t->arena->adopted);
	free(t->arena);
	free(t->by_id);
	free(t);
}

const char *
tree_text(const struct kw_text *t, size_t lang)
{
	if (lang < t->n && t->s[lang] != NULL)
		return t->s[lang];
	for (size_t i = 0; i < t->n; i++)
		if (t->s[i] != NULL)
			return t->s[i];
	return "";
}

int
tree_text_set(const struct kw_text *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->s[i] != NULL)
			return 1;
	return 0;
}

const char *
tree_text_lang(const struct kw_text *t, size_t lang)
{
	return lang < t->n ? t->s[lang] : NULL;
}

const struct kw_strv *
tree_match(const struct kw_option *o, size_t lang)
{
	static const struct kw_strv none;

	return lang < o->nmatch ? &o->match[lang] : &none;
}

/* The first string set gets an array of one slot per language of the tree
 * (at least lang + 1, so a builder that sets langs late is still safe). */
void
tree_text_put(struct kw_tree *tr, struct kw_text *x, size_t lang,
    const char *s)
{
	if (lang >= x->n) {
		size_t n = tr->nlangs > lang ? tr->nlangs : lang + 1;
		const char **v = tree_alloc(tr, n * sizeof *v);

		for (size_t i = 0; i < n; i++)
			v[i] = i < x->n ? x->s[i] : NULL;
		x->s = v;
		x->n = (unsigned)n;
	}
	x->s[lang] = s;
}

void
tree_match_put(struct kw_tree *tr, struct kw_option *o, size_t lang,
    const struct kw_strv *v)
{
	if (lang >= o->nmatch) {
		size_t n = tr->nlangs > lang ? tr->nlangs : lang + 1;
		struct kw_strv *m = tree_alloc(tr, n * sizeof *m);

		for (size_t i = 0; i < n; i++) {
			m[i].v = i < o->nmatch ? o->match[i].v : NULL;
			m[i].n = i < o->nmatch ? o->match[i].n : 0;
		}
		o->match = m;
		o->nmatch = (unsigned)n;
	}
	o->match[lang] = *v;
}

/* The language in `code` ("zh" of "zh_TW.UTF-8"), with its region when
 * `region` ("zh-TW"), as the tree writes it, into buf; its length. */
static size_t
lang_part(const char *code, int region, char *buf)
{
	size_t n = strcspn(code, "_.@-"), r = 0;

	if (n > 3)
		return 0;
	memcpy(buf, code, n);
	if (region && (code[n] == '_' || code[n] == '-')) {
		r = strcspn(code + n + 1, "_.@-");
		if (r != 2)
			return 0;
		buf[n] = '-';
		memcpy(buf + n + 1, code + n + 1, 2);
		r = 3;
	} else if (region)
		return 0;
	buf[n + r] = '\0';
	return n + r;
}

int
tree_lang(const struct kw_tree *t, const char *code)
{
	char buf[KW_LANG_CODE_MAX + 1];

	for (int region = 1; region >= 0; region--) {
		if (lang_part(code, region, buf) == 0)
			continue;
		for (size_t i = 0; i < t->nlangs; i++)
			if (strcmp(t->langs[i], buf) == 0)
				return (int)i;
	}
	return -1;
}

size_t
tree_nlangs_all(const struct kw_tree *t)
{
	return t->nlangs_all > t->nlangs ? t->nlangs_all : t->nlangs;
}

static size_t
id_hash(const char *id)
{
	uint64_t h = hash_fnv1a64(HASH_FNV1A64_INIT, id, strlen(id));

	return (size_t)(h ^ h >> 32);
}

/* The slot of `id` in the index: the one holding its node, or the free
 * one where it would go. An open-addressing table at most half full: an
 * id hashes to a slot and probes on from there. (A sorted array and binary
 * search cost 17 string comparisons per lookup at 100,000 nodes, and a
 * sort to build.) */
static size_t
id_slot(const struct kw_tree *t, const char *id)
{
	size_t h = id_hash(id) & t->by_id_mask;

	while (t->by_id[h] != 0 && strcmp(t->nodes[t->by_id[h] - 1].id,
	    id) != 0)
		h = (h + 1) & t->by_id_mask;
	return h;
}

const struct kw_node *
tree_index(struct kw_tree *t)
{
	size_t size = 16;
	const struct kw_node *dup = NULL;

	while (size < 2 * t->nnodes)
		size *= 2;
	free(t->by_id);
	t->by_id = xcalloc(size, sizeof *t->by_id);
	t->by_id_mask = size - 1;
	for (size_t i = 0; i < t->nnodes; i++) {
		size_t h = id_slot(t, t->nodes[i].id);

		t->nodes[i].index = i;
		if (t->by_id[h] == 0)
			t->by_id[h] = i + 1;
		else if (dup == NULL)
			dup = &t->nodes[i];	/* the later one */
	}
	return dup;
}

const struct kw_node *
tree_find(const struct kw_tree *t, const char *id)
{
	size_t h;

	if (t->by_id == NULL) {
		for (size_t i = 0; i < t->nnodes; i++)
			if (strcmp(t->nodes[i].id, id) == 0)
				return &t->nodes[i];
		return NULL;
	}
	h = id_slot(t, id);
	return t->by_id[h] != 0 ? &t->nodes[t->by_id[h] - 1] : NULL;
}

void
tree_link(struct kw_tree *t)
{
	for (size_t i = 0; i < t->nnodes; i++) {
		struct kw_node *nd = &t->nodes[i];

		for (size_t j = 0; j < nd->nopts; j++)
			nd->opts[j].next = (struct kw_node *)tree_find(t,
			    nd->opts[j].target);
		for (size_t j = 0; j < nd->nrules; j++)
			for (size_t k = 0; k < nd->rules[j].nconds; k++) {
				struct kw_cond *c = &nd->rules[j].conds[k];

				if (c->id != NULL)
					c->node = tree_find(t, c->id);
			}
	}
	t->start = (struct kw_node *)tree_find(t, t->start_id);
}

int
tree_id_valid(const char *s, int lower_only)
{
	size_t n = strlen(s);

	if (n == 0 || n > KW_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (!lower_only && c >= 'A' && c <= 'Z');

		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return 0;
	}
	return 1;
}

int
tree_lang_valid(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");

	if (n < 2 || n > 3)
		return 0;
	if (s[n] == '\0')
		return 1;
	return s[n] == '-' && strspn(s + n + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	    == 2 && s[n + 3] == '\0';
}

int
tree_option_id_valid(const char *s)
{
	size_t n = strlen(s);

	return n <= KW_ID_MAX && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

size_t
tree_fixed_answers(enum kw_node_type type, const char *const **names)
{
	static const char *const next[] = { "next" };
	static const char *const yesno[] = { "yes", "no" };
	static const char *const wait[] = { "worked", "failing" };

	switch (type) {
	case KW_NODE_KEY:
	case KW_NODE_STEP:
	case KW_NODE_FIELD:
		*names = next;
		return 1;
	case KW_NODE_QUESTION:
		*names = yesno;
		return 2;
	case KW_NODE_WAIT:
		*names = wait;
		return 2;
	default:
		*names = NULL;
		return 0;
	}
}

int
tree_char_valid(uint32_t c, int in_file)
{
	if (c == '\t' || c == '\n')
		return 1;
	if (in_file && (c == '\r' || c == 0x85))
		return 1;	/* line breaks in the file itself */
	return !(c < 0x20 || (c >= 0x7F && c < 0xA0));
}

int
tree_text_empty(const struct kw_text *x)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->s[i] != NULL && x->s[i][0] != '\0')
			return 0;
	return 1;
}

const char *const kw_type_names[KW_NODE_TYPE_COUNT] = {
	"key", "choice", "question", "step", "wait", "outcome", "field",
	"logic"
};

const char *const kw_field_kind_names[KW_FIELD_KIND_COUNT] = {
	"text", "date", "e-mail", "domain", "number", "pattern"
};

const char *const kw_cond_fact_names[KW_COND_FACT_COUNT] = {
	"key", "n-count", "error", "answer", "set", "empty"
};

static int
name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

static enum kw_piece_type
piece_bad(struct kw_piece *p, size_t at, const char *why)
{
	p->type = KW_PIECE_BAD;
	p->bad = at;
	p->why = why;
	return p->type;
}

enum kw_piece_type
tree_template_next(const char *s, size_t *at, struct kw_piece *p)
{
	size_t i = *at, j;

	memset(p, 0, sizeof *p);
	if (s[i] == '\0')
		return p->type = KW_PIECE_END;
	p->text = s + i;
	if ((s[i] == '{' && s[i + 1] == '{') ||
	    (s[i] == '}' && s[i + 1] == '}')) {
		p->len = 1;
		*at = i + 2;
		return p->type = KW_PIECE_TEXT;
	}
	if (s[i] == '}')
		return piece_bad(p, i, "'}' without '{' (write }} for a "
		    "brace)");
	if (s[i] != '{') {
		j = i + strcspn(s + i, "{}");
		p->len = j - i;
		*at = j;
		return p->type = KW_PIECE_TEXT;
	}
	for (j = i + 1; name_char((unsigned char)s[j]); j++)
		;
	p->name = s + i + 1;
	p->nlen = j - i - 1;
	if (p->nlen == 0)
		return piece_bad(p, i, s[j] == '}' ? "empty placeholder '{}' "
		    "(write {{ for a brace)" : "'{' not followed by a name "
		    "(write {{ for a brace)");
	if (p->nlen > KW_NAME_MAX)
		return piece_bad(p, i, "placeholder name too long");
	if (s[j] == '|') {
		p->fallback = s + j + 1;
		p->flen = strcspn(p->fallback, "{}");
		j += 1 + p->flen;
		if (s[j] == '{')
			return piece_bad(p, i, "a brace in a placeholder's "
			    "fallback text");
	}
	if (s[j] != '}')
		return piece_bad(p, i, s[j] == '\0' ? "'{' without '}' "
		    "(write {{ for a brace)" : "a placeholder name is "
		    "letters, digits, '.', '_' and '-' (write {{ for a "
		    "brace)");
	*at = j + 1;
	return p->type = KW_PIECE_NAME;
}

const char *const kw_result_names[KW_RESULT_COUNT] = {
	"resolved", "escalate", "redirect", "unresolved"
};

const char *
tree_type_name(enum kw_node_type type)
{
	return (unsigned)type < KW_NODE_TYPE_COUNT ? kw_type_names[type] : "?";
}

const char *
tree_result_name(enum kw_result r)
{
	return (unsigned)r < KW_RESULT_COUNT ? kw_result_names[r] : "?";
}
