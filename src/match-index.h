/* SPDX-License-Identifier: MIT */
/* match-index.h - the matcher's index, shared by match.c (building) and match-rank.c (ranking) */
#ifndef KW_MATCH_INDEX_H
#define KW_MATCH_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "match-fold.h"
#include "match.h"

#define NONE UINT32_MAX
#define TOKEN_MAX FOLD_TOKEN_MAX

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
	uint16_t chars;
	uint8_t cjk;
	uint8_t alone;		/* distinctive: counts on its own */
	double w;
};

struct phrase {
	uint32_t cand;
	uint32_t lang;
	uint32_t first, n;	/* its words: m->ptok[first .. first + n) */
	double weight;		/* sum of its words' weights */
	int short_answer;	/* SHORT_PHRASE words or fewer */
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

/* The matcher; match.c builds it, match-rank.c reads it. */
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
	uint32_t *sorted;	/* word ids in byte order of the words */
	uint32_t num_id;	/* the <x> placeholder, or NONE */
	size_t share;		/* the most candidates a word may be used by
				 * and count on its own */
	double wmax;		/* weight of a word no phrase has */
	struct scratch *scratch;	/* match-rank.c's, between queries */
	size_t prefer;		/* the language that names a match when it
				 * is about as good (match_prefer) */
};

struct scratch;
void match_scratch_free(struct scratch *s);

/* The first value under `key`, or NONE. */
uint32_t match_htab_get(const struct htab *h, const char *key, size_t len);
/* Calls fn(arg, val) for each value under key; stops when fn returns 0. */
void match_htab_each(const struct htab *h, const char *key, size_t len,
    int (*fn)(void *, uint32_t), void *arg);

/* Word `id` of the vocabulary, NUL-terminated. */
static inline const char *
match_word_str(const struct kw_matcher *m, uint32_t id)
{
	return m->vocab.pool + m->words[id].off;
}

#endif
