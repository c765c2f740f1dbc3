/* SPDX-License-Identifier: MIT */
/* match.c - ranking pasted error text against the tree's messages */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "match.h"
#include "xalloc.h"

/*
 * How it works. match_new() folds every phrase (case, accents, compatibility
 * forms, punctuation, quotes and apostrophes all go) into a list of word ids
 * from one vocabulary, weighs each word by how few candidates use it (so
 * "the" and "key" count for little, "expired" for much), and builds an
 * inverted index (word -> phrase positions) and a table of one-letter
 * deletions for typos. match_rank() folds the text the same way, maps each
 * text word to a vocabulary word (exactly, or within one letter missing,
 * extra, changed or swapped), then walks the index once: for each phrase it
 * follows runs of words that appear in the same order in the phrase and in
 * the text (a word may be skipped on either side). Only words in runs of
 * two or more count, so scattered common words prove nothing. A phrase is
 * plausible when it has a run of three words (or is all matched), and its
 * score mixes how much of the text it explains (a fragment, words around
 * it) with how much of it the text covers (a long paste).
 * Cost per query: the text's length plus the postings of its words.
 */

#define NONE UINT32_MAX
#define TOKEN_MAX 48		/* bytes of a word kept */
#define TEXT_TOKENS_MAX 4096	/* words of a text looked at */
#define NEAR_MAX 4		/* vocabulary words a typo may stand for */
#define NEAR_SIM 0.8		/* what a near word counts for */
#define RUN_MIN 3		/* words in a row that make a match plausible */
#define SCORE_MIN 0.4		/* below this, nothing is plausible */
#define SCORE_RELATIVE 0.6	/* keep candidates within this of the best */
#define NUM_TOKEN "#"		/* the word <x> and the like fold to */

/* Words around a pasted message that say nothing about which one it is. */
static const char *const filler[] = {
	"error", "erreur", "message", "msg", "says", "said", "say", "saying",
	"reads", "shows", "showing", "displayed", "get", "got", "getting",
	"see", "saw", "i", "me", "my", "it", "the", "a", "says:", "dit",
	"indique", "affiche", "j", "ai", "je", "obtiens", "vois", "voici",
	"here", "hi", "hello", "bonjour", "when", "quand", "lorsque",
	"trying", "try", "essaie", "redeem", "redeeming", "echanger", NULL
};

struct hent {
	uint32_t hash, off, len, val;	/* val NONE: empty */
};

/* Open addressing; keys live in `pool`. Several values may share a key. */
struct htab {
	struct hent *v;
	size_t cap, n;
	char *pool;
	size_t plen, pcap;
};

struct word {
	uint32_t off, len;	/* in the vocabulary's pool */
	uint32_t df;		/* candidates that use it */
	uint32_t last_cand;
	double w;
};

struct phrase {
	uint32_t cand;
	uint32_t lang;
	uint32_t first, n;	/* its words: m->ptok[first .. first + n) */
	double weight;		/* sum of its words' weights */
};

struct cand {
	const struct kw_node *node;
	size_t opt;
};

struct posting {
	uint32_t phrase;
	uint32_t pos;		/* in the phrase */
	uint32_t k;		/* in m->ptok */
};

struct kw_matcher {
	struct cand *cands;
	size_t ncands, capcands;
	struct phrase *phrases;
	size_t nphrases, capphrases;
	uint32_t *ptok;
	size_t nptok, capptok;
	float *pw;		/* the weight of each word of ptok */
	struct word *words;
	size_t nwords, capwords;
	struct htab vocab;	/* word -> id */
	struct htab dels;	/* a word less one letter -> ids */
	uint32_t *post_start;	/* postings of id i: post[post_start[i] ..
				 * post_start[i + 1]) */
	struct posting *post;
	uint32_t num_id;	/* the <x> placeholder, or NONE */
	double wmax;		/* weight of a word no phrase has */
};

/* One folded word of a text: bytes [off, off + len) of the folded buffer. */
struct tok {
	uint32_t off, len;
};

struct folded {
	char *buf;
	size_t len, cap;
	struct tok *tok;
	size_t ntok, captok;
};

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

/* Calls fn(arg, val) for each value under key; stops when fn returns 0. */
static void
htab_each(const struct htab *h, const char *key, size_t len,
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

static uint32_t
htab_get(const struct htab *h, const char *key, size_t len)
{
	uint32_t val = NONE;

	htab_each(h, key, len, first_val, &val);
	return val;
}

static void
htab_free(struct htab *h)
{
	free(h->v);
	free(h->pool);
}

/* ---- folding ---- */

static void
fold_putc(struct folded *f, char c)
{
	f->buf = xgrow(f->buf, &f->cap, f->len + 1, 1);
	f->buf[f->len++] = c;
}

static void
fold_end_token(struct folded *f, size_t start)
{
	if (f->len == start)
		return;
	if (f->ntok == TEXT_TOKENS_MAX * 4) {
		f->len = start;
		return;
	}
	f->tok = xgrow(f->tok, &f->captok, f->ntok + 1, sizeof *f->tok);
	f->tok[f->ntok].off = (uint32_t)start;
	f->tok[f->ntok].len = (uint32_t)(f->len - start);
	f->ntok++;
}

/* Letters that do not decompose but have a plain spelling. */
static const char *
plain_spelling(ucs4_t uc)
{
	switch (uc) {
	case 0x00e6: return "ae";	/* æ */
	case 0x0153: return "oe";	/* œ */
	case 0x00f8: return "o";	/* ø */
	case 0x0142: return "l";	/* ł */
	case 0x0111: return "d";	/* đ */
	case 0x00fe: return "th";	/* þ */
	case 0x00f0: return "d";	/* ð */
	case 0x0131: return "i";	/* dotless i */
	default: return NULL;
	}
}

static int
is_word_char(ucs4_t uc)
{
	return uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N);
}

static int
is_mark(ucs4_t uc)
{
	return uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_M);
}

/* A placeholder such as <x>, <n>, \<x\> at s: its length, or 0. */
static size_t
placeholder(const uint8_t *s, const uint8_t *e)
{
	const uint8_t *p = s + 1;
	size_t letters = 0;

	while (p < e && letters <= 12) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p, (size_t)(e - p));

		if (uc == '>')
			return letters > 0 ? (size_t)(p + 1 - s) : 0;
		if (uc == '\\' || uc == ' ' || uc == '_')
			;
		else if (is_word_char(uc))
			letters++;
		else
			return 0;
		p += n;
	}
	return 0;
}

static int
is_ascii_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Fold the non-ASCII run [p, e) (with the ASCII letters and digits stuck
 * to it) into f, continuing the word that starts at *start. */
static void
fold_unicode(const uint8_t *p, const uint8_t *e, struct folded *f,
    size_t *start)
{
	size_t flen;
	uint8_t *cf = u8_casefold(p, (size_t)(e - p), NULL, UNINORM_NFKD,
	    NULL, &flen);

	if (cf == NULL)
		return;
	for (p = cf, e = cf + flen; p < e;) {
		ucs4_t uc;
		const char *plain;

		p += u8_mbtouc(&uc, p, (size_t)(e - p));
		if (is_mark(uc))
			continue;	/* an accent, once NFKD split it off */
		if ((plain = plain_spelling(uc)) != NULL) {
			for (; *plain != '\0'; plain++)
				fold_putc(f, *plain);
		} else if (is_word_char(uc)) {
			uint8_t enc[6];
			int m = u8_uctomb(enc, uc, sizeof enc);

			for (int i = 0; i < m; i++)
				fold_putc(f, (char)enc[i]);
		} else {
			fold_end_token(f, *start);
			*start = f->len;
			continue;
		}
		if (f->len - *start >= TOKEN_MAX) {
			fold_end_token(f, *start);
			*start = f->len;
		}
	}
	free(cf);
}

/* A copy of s with invalid UTF-8 bytes as spaces, or NULL if s is valid. */
static uint8_t *
clean_utf8(const char *s, size_t *n)
{
	const uint8_t *q = (const uint8_t *)s, *qe = q + *n;
	uint8_t *clean;
	size_t o = 0;

	if (u8_check(q, *n) == NULL)
		return NULL;
	clean = xmalloc(*n + 1);
	while (q < qe) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, q, (size_t)(qe - q));

		if (uc == 0xfffd && (k != 3 || memcmp(q, "\xef\xbf\xbd", 3)
		    != 0))
			clean[o++] = ' ';
		else {
			memcpy(clean + o, q, (size_t)k);
			o += (size_t)k;
		}
		q += k;
	}
	*n = o;
	return clean;
}

/* Fold `s` into words: case folded, NFKD with the accents dropped, cut at
 * anything that is not a letter or digit; placeholders become "#". ASCII
 * is done here; runs with other characters go through libunistring. */
static void
fold(const char *s, struct folded *f)
{
	size_t n = strlen(s), start = 0;
	uint8_t *clean = clean_utf8(s, &n);
	const uint8_t *p = clean != NULL ? clean : (const uint8_t *)s;
	const uint8_t *e = p + n;

	memset(f, 0, sizeof *f);
	f->cap = n + 1;
	f->buf = xmalloc(f->cap);
	while (p < e) {
		size_t ph;

		if (*p >= 0x80) {
			const uint8_t *q = p;

			while (q < e && (*q >= 0x80 || is_ascii_alnum(*q)))
				q++;
			fold_unicode(p, q, f, &start);
			p = q;
			continue;
		}
		if (*p == '<' && (ph = placeholder(p, e)) > 0) {
			fold_end_token(f, start);
			start = f->len;
			fold_putc(f, NUM_TOKEN[0]);
			fold_end_token(f, start);
			start = f->len;
			p += ph;
			continue;
		}
		if (is_ascii_alnum(*p)) {
			fold_putc(f, (char)(*p >= 'A' && *p <= 'Z' ?
			    *p + ('a' - 'A') : *p));
			if (f->len - start >= TOKEN_MAX) {
				fold_end_token(f, start);
				start = f->len;
			}
		} else {
			fold_end_token(f, start);
			start = f->len;
		}
		p++;
	}
	fold_end_token(f, start);
	free(clean);
}

static void
folded_free(struct folded *f)
{
	free(f->buf);
	free(f->tok);
}

/* ---- building ---- */

static uint32_t
word_id(struct kw_matcher *m, const char *s, size_t len)
{
	uint32_t id = htab_get(&m->vocab, s, len);
	struct word *w;

	if (id != NONE)
		return id;
	id = (uint32_t)m->nwords;
	m->words = xgrow(m->words, &m->capwords, m->nwords + 1,
	    sizeof *m->words);
	htab_add(&m->vocab, s, len, hash_bytes(s, len), id);
	w = &m->words[m->nwords++];
	memset(w, 0, sizeof *w);
	w->len = (uint32_t)len;
	w->last_cand = NONE;
	/* where htab_add put the key: the end of its pool */
	w->off = (uint32_t)(m->vocab.plen - len - 1);
	return id;
}

static const char *
word_str(const struct kw_matcher *m, uint32_t id)
{
	return m->vocab.pool + m->words[id].off;
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
	m->ptok = xgrow(m->ptok, &m->capptok, m->nptok + f.ntok,
	    sizeof *m->ptok);
	for (size_t i = 0; i < f.ntok; i++) {
		uint32_t id = word_id(m, f.buf + f.tok[i].off, f.tok[i].len);

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

static void
add_node(struct kw_matcher *m, const struct kw_node *node)
{
	if (node->type != KW_NODE_CHOICE)
		return;
	for (size_t i = 0; i < node->nopts; i++) {
		const struct kw_option *o = &node->opts[i];
		uint32_t cand = (uint32_t)m->ncands;

		if (!option_has_phrases(o))
			continue;
		m->cands = xgrow(m->cands, &m->capcands, m->ncands + 1,
		    sizeof *m->cands);
		m->cands[m->ncands].node = node;
		m->cands[m->ncands].opt = i;
		m->ncands++;
		for (size_t l = 0; l < KW_LANG_MAX; l++) {
			const char *msg = tree_text_lang(&o->message, l);
			const struct kw_strv *more = tree_match(o, l);

			if (msg != NULL)
				add_phrase(m, cand, l, msg);
			for (size_t j = 0; j < more->n; j++)
				if (more->v[j] != NULL)
					add_phrase(m, cand, l, more->v[j]);
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
		const char *s = word_str(m, id);
		size_t len = m->words[id].len;

		if (len < 4 || len > TOKEN_MAX || id == m->num_id)
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
		add_node(m, choice);
	else
		for (size_t i = 0; i < t->nnodes; i++)
			add_node(m, &t->nodes[i]);
	m->num_id = htab_get(&m->vocab, NUM_TOKEN, strlen(NUM_TOKEN));
	m->wmax = weight(1, m->ncands);
	for (size_t i = 0; i < m->nwords; i++)
		m->words[i].w = weight(m->words[i].df, m->ncands);
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
	free(m);
}

/* ---- ranking ---- */

/* The vocabulary words one text word stands for. */
struct tmatch {
	uint32_t id[NEAR_MAX + 1];
	double sim[NEAR_MAX + 1];
	unsigned n;
	double w;		/* what the text word weighs */
};

/* Whether a and b are at most one edit apart (a letter missing, extra,
 * changed, or two neighbours swapped). */
static int
near1(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0;

	if (na > nb + 1 || nb > na + 1)
		return 0;
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (na == nb) {
		if (i == na)
			return 1;
		if (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    memcmp(a + i + 2, b + i + 2, na - i - 2) == 0)
			return 1;
		return memcmp(a + i + 1, b + i + 1, na - i - 1) == 0;
	}
	if (na > nb)
		return memcmp(a + i + 1, b + i, nb - i) == 0;
	return memcmp(a + i, b + i + 1, na - i) == 0;
}

struct near_ctx {
	const struct kw_matcher *m;
	const char *s;
	size_t len;
	struct tmatch *tm;
};

static int
near_add(void *arg, uint32_t id)
{
	struct near_ctx *c = arg;
	const struct word *w = &c->m->words[id];

	for (unsigned i = 0; i < c->tm->n; i++)
		if (c->tm->id[i] == id)
			return 1;
	if (!near1(c->s, c->len, word_str(c->m, id), w->len))
		return 1;
	c->tm->id[c->tm->n] = id;
	c->tm->sim[c->tm->n] = NEAR_SIM;
	c->tm->n++;
	return c->tm->n < NEAR_MAX;
}

static int
is_filler(const char *s, size_t len)
{
	for (size_t i = 0; filler[i] != NULL; i++)
		if (strlen(filler[i]) == len && memcmp(filler[i], s, len) == 0)
			return 1;
	return 0;
}

static int
all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return len > 0;
}

static void
resolve(const struct kw_matcher *m, const char *s, size_t len,
    struct tmatch *tm)
{
	struct near_ctx c = { m, s, len, tm };
	uint32_t id = htab_get(&m->vocab, s, len);
	char buf[TOKEN_MAX];

	tm->n = 0;
	tm->w = 0;
	if (id != NONE) {
		tm->id[tm->n] = id;
		tm->sim[tm->n++] = 1.0;
	}
	if (m->num_id != NONE && id != m->num_id && all_digits(s, len)) {
		tm->id[tm->n] = m->num_id;
		tm->sim[tm->n++] = 1.0;
	}
	if (tm->n == 0 && len >= 3 && len <= TOKEN_MAX) {
		/* a letter missing: the text word is a deletion of a word */
		htab_each(&m->dels, s, len, near_add, &c);
		for (size_t i = 0; i < len && tm->n < NEAR_MAX; i++) {
			if (i > 0 && s[i] == s[i - 1])
				continue;
			memcpy(buf, s, i);
			memcpy(buf + i, s + i + 1, len - i - 1);
			/* a letter extra or doubled */
			if ((id = htab_get(&m->vocab, buf, len - 1)) != NONE &&
			    len - 1 >= 3)
				near_add(&c, id);
			/* a letter changed, two letters swapped */
			if (tm->n < NEAR_MAX)
				htab_each(&m->dels, buf, len - 1, near_add, &c);
		}
	}
	for (unsigned i = 0; i < tm->n; i++)
		if (m->words[tm->id[i]].w * tm->sim[i] > tm->w)
			tm->w = m->words[tm->id[i]].w * tm->sim[i];
	if (tm->n == 0)
		tm->w = is_filler(s, len) ? m->wmax * 0.1 : m->wmax * 0.6;
}

/* Per-query state of one phrase word (k: its index in m->ptok). */
struct kstate {
	uint32_t last_j;	/* 1 + the text word that last matched it */
	uint32_t run;		/* words in the run ending there */
	float sim;		/* how well it matched */
	uint32_t covered;	/* counted in its phrase's cov */
};

/* Per-query state of one phrase. */
struct pstate {
	double cov;		/* phrase weight covered by runs */
	double txt;		/* text weight explained by runs */
	uint32_t text_done;	/* 1 + the last text word counted in txt */
	uint32_t best_run;
};

struct scratch {
	struct kstate *k;
	struct pstate *p;
	uint32_t *touched;	/* phrases with a run, in the order found */
	size_t ntouched;
};

static void
credit_phrase(const struct kw_matcher *m, struct kstate *ks, uint32_t k,
    struct pstate *ps)
{
	if (!ks->covered) {
		ks->covered = 1;
		ps->cov += m->pw[k] * ks->sim;
	}
}

static void
credit_text(struct pstate *ps, uint32_t j, const struct tmatch *tm)
{
	if (ps->text_done < j + 1) {
		ps->text_done = j + 1;
		ps->txt += tm[j].w;
	}
}

/* Text word j matched phrase word k (word `pos` of phrase p). */
static void
step(const struct kw_matcher *m, struct scratch *s, const struct tmatch *tm,
    uint32_t j, const struct posting *po, float sim)
{
	struct kstate *ks = &s->k[po->k], *from = NULL;
	uint32_t prev = 0, from_j = 0;

	/* the run this word extends: the phrase's previous word matched by
	 * the previous text word, or by the one before (a word added to the
	 * text); else the phrase word before that (a word left out of the
	 * text, or replaced by another) */
	if (po->pos >= 1 && ks[-1].last_j != 0 && ks[-1].last_j <= j &&
	    ks[-1].last_j + 1 >= j)
		from = &ks[-1];
	else if (po->pos >= 2 && ks[-2].last_j != 0 && ks[-2].last_j <= j &&
	    ks[-2].last_j + 1 >= j)
		from = &ks[-2];
	if (from != NULL) {
		prev = from->run;
		from_j = from->last_j - 1;
	}
	if (ks->last_j == j + 1 && ks->run >= prev + 1)
		return;		/* already as good from this text word */
	ks->last_j = j + 1;
	ks->run = prev + 1;
	ks->sim = sim;
	if (from != NULL) {
		struct pstate *ps = &s->p[po->phrase];

		if (ps->best_run == 0)
			s->touched[s->ntouched++] = po->phrase;
		if (ks->run > ps->best_run)
			ps->best_run = ks->run;
		credit_phrase(m, from, po->k - (uint32_t)(ks - from), ps);
		credit_phrase(m, ks, po->k, ps);
		credit_text(ps, from_j, tm);
		credit_text(ps, j, tm);
	}
}

static double
phrase_score(const struct kw_matcher *m, const struct scratch *s, uint32_t p,
    double text_weight)
{
	const struct phrase *ph = &m->phrases[p];
	double r, t;
	uint32_t need = ph->n < RUN_MIN ? ph->n : RUN_MIN;

	if (s->p[p].best_run < need || ph->weight <= 0 || text_weight <= 0)
		return 0;
	r = s->p[p].cov / ph->weight;
	t = s->p[p].txt / text_weight;
	if (r > 1)
		r = 1;
	if (t > 1)
		t = 1;
	/* a fragment explains the text; a long paste covers the phrase */
	if (t * (0.75 + 0.25 * r) > r * (0.75 + 0.25 * t))
		return t * (0.75 + 0.25 * r);
	return r * (0.75 + 0.25 * t);
}

static int
by_score(const void *a, const void *b)
{
	const struct kw_match *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	if (x->node != y->node)
		return x->node->index < y->node->index ? -1 : 1;
	return x->opt < y->opt ? -1 : x->opt > y->opt;
}

size_t
match_rank(const struct kw_matcher *m, const char *text,
    struct kw_match *out, size_t max)
{
	struct folded f;
	struct tmatch *tm;
	struct scratch s;
	struct kw_match *best;
	double text_weight = 0, top = 0;
	size_t ntok, n = 0;

	if (m->nphrases == 0 || max == 0)
		return 0;
	fold(text, &f);
	ntok = f.ntok < TEXT_TOKENS_MAX ? f.ntok : TEXT_TOKENS_MAX;
	if (ntok == 0) {
		folded_free(&f);
		return 0;
	}
	tm = xcalloc(ntok, sizeof *tm);
	for (size_t j = 0; j < ntok; j++) {
		resolve(m, f.buf + f.tok[j].off, f.tok[j].len, &tm[j]);
		text_weight += tm[j].w;
	}
	folded_free(&f);

	memset(&s, 0, sizeof s);
	s.k = xcalloc(m->nptok, sizeof *s.k);
	s.p = xcalloc(m->nphrases, sizeof *s.p);
	s.touched = xcalloc(m->nphrases, sizeof *s.touched);

	for (uint32_t j = 0; j < ntok; j++)
		for (unsigned i = 0; i < tm[j].n; i++) {
			uint32_t id = tm[j].id[i];

			/* backwards, so a word repeated in a phrase sees
			 * the state of its previous occurrence first */
			for (uint32_t q = m->post_start[id + 1];
			    q > m->post_start[id]; q--) {
				const struct posting *po = &m->post[q - 1];

				step(m, &s, tm, j, po, (float)tm[j].sim[i]);
			}
		}

	best = xcalloc(m->ncands, sizeof *best);
	for (size_t i = 0; i < s.ntouched; i++) {
		uint32_t p = s.touched[i];
		const struct phrase *ph = &m->phrases[p];
		double sc = phrase_score(m, &s, p, text_weight);

		if (sc > best[ph->cand].score) {
			best[ph->cand].score = sc;
			best[ph->cand].lang = ph->lang;
		}
		if (sc > top)
			top = sc;
	}
	for (size_t c = 0; c < m->ncands; c++) {
		if (best[c].score < SCORE_MIN ||
		    best[c].score < top * SCORE_RELATIVE)
			continue;
		best[n] = best[c];
		best[n].node = m->cands[c].node;
		best[n].opt = m->cands[c].opt;
		n++;
	}
	qsort(best, n, sizeof *best, by_score);
	if (n > max)
		n = max;
	memcpy(out, best, n * sizeof *out);

	free(best);
	free(tm);
	free(s.k);
	free(s.p);
	free(s.touched);
	return n;
}
