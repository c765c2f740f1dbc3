/* SPDX-License-Identifier: MIT */
/* match.c - ranking typed or pasted error text against the tree's messages: the matcher and its index */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match-index.h"
#include "xalloc.h"

/*
 * How it works. match_new() folds every phrase (match-fold.c: case,
 * accents, compatibility forms, punctuation, quotes and apostrophes all go;
 * Chinese, Japanese and Korean become character pairs) into a list of word
 * ids from one vocabulary, weighs each word by how few candidates use it
 * (so "the" and "key" count for little, "expired" for much), and builds an
 * inverted index (word -> phrase positions), a table of one-letter
 * deletions for typos and the vocabulary in order, for the word being
 * typed. match_rank() folds the text the same way and maps each text word
 * to vocabulary words: exactly, within one letter missing, extra, changed
 * or swapped, and, for the last word when the text ends inside it, every
 * word it begins (when there are few). It then walks the index once: for
 * each phrase it follows runs of words that appear in the same order in the
 * phrase and in the text (a word may be skipped on either side).
 *
 * What counts: words in runs of two or more, and a word on its own when it
 * is distinctive (few candidates use it; four letters or more, or a
 * character pair; or any word of a short answer). A phrase is plausible
 * when it has a run of three words (or is all matched), or when it has a
 * distinctive word and explains most of the text; so "expired" alone finds
 * its message, while "product key" (every message has it) and a sentence
 * with one rare word among words of no message find nothing (a word of
 * fewer than four letters weighs less in the text, known or not: "ma",
 * "il" say less than "expired"). The score mixes how much of the text the
 * phrase explains (a fragment, words around it) with how much of the
 * phrase the text covers (a long paste). A candidate's language is that
 * of its best phrase, or the preferred one (match_prefer: the interface's)
 * when its phrase scores nearly as well.
 *
 * Cost per query: the text's length plus the postings of its words; the
 * per-phrase state lives in the matcher between queries and is cleared by
 * an epoch, not a pass over it (match-rank.c).
 */

#define ALONE_CHARS 4		/* letters of a word that counts on its own */
#define ALONE_SHARE 3		/* ... used by at most 1/ALONE_SHARE of the
				 * candidates */
#define SHORT_PHRASE 3		/* words of an answer short enough that any
				 * of them counts on its own */

/* ---- hash table ---- */

static uint32_t
hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static void
htab_grow(struct htab *h)
{
	size_t cap = h->cap ? h->cap * 2 : 256;
	struct hent *v = xmalloc(cap * sizeof *v);

	for (size_t i = 0; i < cap; i++)
		v[i].val = NONE;
	for (size_t i = 0; i < h->cap; i++) {
		size_t j;

		if (h->v[i].val == NONE)
			continue;
		for (j = h->v[i].hash & (cap - 1); v[j].val != NONE;
		    j = (j + 1) & (cap - 1))
			;
		v[j] = h->v[i];
	}
	free(h->v);
	h->v = v;
	h->cap = cap;
}

static void
htab_add(struct htab *h, const char *key, size_t len, uint32_t hash,
    uint32_t val)
{
	size_t j;

	if ((h->n + 1) * 2 > h->cap)
		htab_grow(h);
	h->pool = xgrow(h->pool, &h->pcap, h->plen + len + 1, 1);
	memcpy(h->pool + h->plen, key, len);
	h->pool[h->plen + len] = '\0';
	for (j = hash & (h->cap - 1); h->v[j].val != NONE;
	    j = (j + 1) & (h->cap - 1))
		;
	h->v[j].hash = hash;
	h->v[j].off = (uint32_t)h->plen;
	h->v[j].len = (uint32_t)len;
	h->v[j].val = val;
	h->plen += len + 1;
	h->n++;
}

void
match_htab_each(const struct htab *h, const char *key, size_t len,
    int (*fn)(void *, uint32_t), void *arg)
{
	uint32_t hash;

	if (h->cap == 0)
		return;
	hash = hash_bytes(key, len);
	for (size_t j = hash & (h->cap - 1); h->v[j].val != NONE;
	    j = (j + 1) & (h->cap - 1)) {
		const struct hent *e = &h->v[j];

		if (e->hash == hash && e->len == len &&
		    memcmp(h->pool + e->off, key, len) == 0 &&
		    !fn(arg, e->val))
			return;
	}
}

static int
first_val(void *arg, uint32_t val)
{
	*(uint32_t *)arg = val;
	return 0;
}

uint32_t
match_htab_get(const struct htab *h, const char *key, size_t len)
{
	uint32_t val = NONE;

	match_htab_each(h, key, len, first_val, &val);
	return val;
}

static void
htab_free(struct htab *h)
{
	free(h->v);
	free(h->pool);
}

/* ---- building ---- */

static uint32_t
word_id(struct kw_matcher *m, const char *s, const struct ftok *t)
{
	uint32_t id = match_htab_get(&m->vocab, s, t->len);
	struct word *w;

	if (id != NONE)
		return id;
	id = (uint32_t)m->nwords;
	m->words = xgrow(m->words, &m->capwords, m->nwords + 1,
	    sizeof *m->words);
	htab_add(&m->vocab, s, t->len, hash_bytes(s, t->len), id);
	w = &m->words[m->nwords++];
	memset(w, 0, sizeof *w);
	w->len = t->len;
	w->chars = t->chars;
	w->cjk = t->cjk;
	w->last_cand = NONE;
	/* where htab_add put the key: the end of its pool */
	w->off = (uint32_t)(m->vocab.plen - t->len - 1);
	return id;
}

static void
add_phrase(struct kw_matcher *m, uint32_t cand, size_t lang, const char *s)
{
	struct folded f;
	struct phrase *ph;

	fold(s, &f);
	if (f.ntok == 0) {
		folded_free(&f);
		return;
	}
	m->phrases = xgrow(m->phrases, &m->capphrases, m->nphrases + 1,
	    sizeof *m->phrases);
	ph = &m->phrases[m->nphrases++];
	ph->cand = cand;
	ph->lang = (uint32_t)lang;
	ph->first = (uint32_t)m->nptok;
	ph->n = (uint32_t)f.ntok;
	ph->weight = 0;
	ph->short_answer = f.ntok <= SHORT_PHRASE;
	m->ptok = xgrow(m->ptok, &m->capptok, m->nptok + f.ntok,
	    sizeof *m->ptok);
	for (size_t i = 0; i < f.ntok; i++) {
		uint32_t id = word_id(m, f.buf + f.tok[i].off, &f.tok[i]);

		m->ptok[m->nptok++] = id;
		if (m->words[id].last_cand != cand) {
			m->words[id].last_cand = cand;
			m->words[id].df++;
		}
	}
	folded_free(&f);
}

static int
option_has_phrases(const struct kw_option *o)
{
	if (tree_text_set(&o->message))
		return 1;
	for (size_t l = 0; l < o->nmatch; l++)
		if (o->match[l].n > 0)
			return 1;
	return 0;
}

/* The options of a choice node as candidates: their messages, match
 * phrases and labels in every language; with `all`, the options without a
 * message too (on their label). */
static void
add_node(struct kw_matcher *m, const struct kw_node *node, int all)
{
	if (node->type != KW_NODE_CHOICE)
		return;
	for (size_t i = 0; i < node->nopts; i++) {
		const struct kw_option *o = &node->opts[i];
		uint32_t cand = (uint32_t)m->ncands;

		if (!all && !option_has_phrases(o))
			continue;
		m->cands = xgrow(m->cands, &m->capcands, m->ncands + 1,
		    sizeof *m->cands);
		m->cands[m->ncands].node = node;
		m->cands[m->ncands].opt = i;
		m->ncands++;
		for (size_t l = 0; l < KW_LANG_MAX; l++) {
			const char *msg = tree_text_lang(&o->message, l);
			const char *label = tree_text_lang(&o->label, l);
			const struct kw_strv *more = tree_match(o, l);

			if (msg != NULL)
				add_phrase(m, cand, l, msg);
			for (size_t j = 0; j < more->n; j++)
				if (more->v[j] != NULL)
					add_phrase(m, cand, l, more->v[j]);
			if (label != NULL)
				add_phrase(m, cand, l, label);
		}
	}
}

/* Index every word's one-letter deletions (words of four letters or more),
 * for typos. */
static void
index_deletions(struct kw_matcher *m)
{
	char buf[TOKEN_MAX];

	for (uint32_t id = 0; id < m->nwords; id++) {
		const char *s = match_word_str(m, id);
		size_t len = m->words[id].len;

		if (len < 4 || len > TOKEN_MAX || id == m->num_id ||
		    m->words[id].cjk)
			continue;
		for (size_t i = 0; i < len; i++) {
			if (i > 0 && s[i] == s[i - 1])
				continue;	/* the same deletion again */
			memcpy(buf, s, i);
			memcpy(buf + i, s + i + 1, len - i - 1);
			htab_add(&m->dels, buf, len - 1,
			    hash_bytes(buf, len - 1), id);
		}
	}
}

static void
index_postings(struct kw_matcher *m)
{
	uint32_t *fill;

	m->post_start = xcalloc(m->nwords + 1, sizeof *m->post_start);
	m->post = xcalloc(m->nptok ? m->nptok : 1, sizeof *m->post);
	for (size_t k = 0; k < m->nptok; k++)
		m->post_start[m->ptok[k] + 1]++;
	for (size_t i = 0; i < m->nwords; i++)
		m->post_start[i + 1] += m->post_start[i];
	fill = xcalloc(m->nwords ? m->nwords : 1, sizeof *fill);
	for (uint32_t p = 0; p < m->nphrases; p++) {
		const struct phrase *ph = &m->phrases[p];

		for (uint32_t i = 0; i < ph->n; i++) {
			uint32_t id = m->ptok[ph->first + i];
			struct posting *po = &m->post[m->post_start[id] +
			    fill[id]++];

			po->phrase = p;
			po->pos = i;
			po->k = ph->first + i;
		}
	}
	free(fill);
}

struct sortent {
	const char *s;
	uint32_t id;
};

static int
by_word(const void *a, const void *b)
{
	return strcmp(((const struct sortent *)a)->s,
	    ((const struct sortent *)b)->s);
}

/* The vocabulary in byte order: the words a prefix begins are together. */
static void
index_sorted(struct kw_matcher *m)
{
	struct sortent *e = xcalloc(m->nwords ? m->nwords : 1, sizeof *e);

	for (uint32_t i = 0; i < m->nwords; i++) {
		e[i].s = match_word_str(m, i);
		e[i].id = i;
	}
	qsort(e, m->nwords, sizeof *e, by_word);
	m->sorted = xcalloc(m->nwords ? m->nwords : 1, sizeof *m->sorted);
	for (uint32_t i = 0; i < m->nwords; i++)
		m->sorted[i] = e[i].id;
	free(e);
}

/* What a word used by df of n candidates weighs: from about 10 for a word
 * only one candidate uses, down to about 1 for one they all use (an inverse
 * document frequency without the logarithm). */
static double
weight(size_t df, size_t n)
{
	return 1.0 / ((double)df / (double)(n ? n : 1) + 0.1);
}

struct kw_matcher *
match_new(const struct kw_tree *t, const struct kw_node *choice)
{
	struct kw_matcher *m = xcalloc(1, sizeof *m);

	if (choice != NULL)
		add_node(m, choice, 1);
	else
		for (size_t i = 0; i < t->nnodes; i++)
			add_node(m, &t->nodes[i], 0);
	m->num_id = match_htab_get(&m->vocab, FOLD_NUM, strlen(FOLD_NUM));
	m->wmax = weight(1, m->ncands);
	m->share = m->ncands / ALONE_SHARE > 1 ? m->ncands / ALONE_SHARE : 1;
	for (size_t i = 0; i < m->nwords; i++) {
		struct word *w = &m->words[i];

		w->w = weight(w->df, m->ncands);
		w->alone = w->df <= m->share && i != m->num_id &&
		    (w->cjk || w->chars >= ALONE_CHARS);
	}
	m->pw = xcalloc(m->nptok ? m->nptok : 1, sizeof *m->pw);
	for (size_t k = 0; k < m->nptok; k++)
		m->pw[k] = (float)m->words[m->ptok[k]].w;
	for (size_t p = 0; p < m->nphrases; p++) {
		struct phrase *ph = &m->phrases[p];

		for (uint32_t i = 0; i < ph->n; i++)
			ph->weight += m->pw[ph->first + i];
	}
	index_deletions(m);
	index_postings(m);
	index_sorted(m);
	return m;
}

void
match_free(struct kw_matcher *m)
{
	if (m == NULL)
		return;
	free(m->cands);
	free(m->phrases);
	free(m->ptok);
	free(m->pw);
	free(m->words);
	htab_free(&m->vocab);
	htab_free(&m->dels);
	free(m->post_start);
	free(m->post);
	free(m->sorted);
	match_scratch_free(m->scratch);
	free(m);
}

char *
match_fold(const char *s)
{
	struct folded f;
	char *out, *o;

	fold(s, &f);
	o = out = xmalloc(f.len + f.ntok + 1);
	for (size_t i = 0; i < f.ntok; i++) {
		if (i > 0)
			*o++ = ' ';
		memcpy(o, f.buf + f.tok[i].off, f.tok[i].len);
		o += f.tok[i].len;
	}
	*o = '\0';
	folded_free(&f);
	return out;
}
