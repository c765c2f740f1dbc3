/* SPDX-License-Identifier: MIT */
/* match-rank.c - ranking a text against the matcher's phrases */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match-index.h"
#include "xalloc.h"

/* How it works: see match.c. */

#define TEXT_TOKENS_MAX 4096	/* words of a text looked at */
#define NEAR_MAX 4		/* vocabulary words a typo may stand for */
#define NEAR_SIM 0.8f		/* what a near word counts for */
#define PREFIX_MAX 12		/* words a word being typed may begin; more
				 * says nothing */
#define PREFIX_CHARS 3		/* letters typed before they mean a word */
#define PREFIX_SIM 0.75f	/* what a begun word counts for (the same
				 * for each word it begins: equals go by the
				 * tree's order of languages) */
#define PREFIX_WHOLE 0.6f	/* ... times this when it is a word itself */
#define IDS_MAX (2 + NEAR_MAX + PREFIX_MAX)
#define RUN_MIN 3		/* words in a row that make a match plausible */
#define ALONE_TEXT 0.65		/* share of the text distinctive words must
				 * explain without a run of RUN_MIN */
#define UNKNOWN_W 0.6		/* a word of no phrase, against the rarest */
#define SHORT_CHARS 4		/* a text word shorter weighs less */
#define SCORE_MIN 0.5		/* below this, nothing is plausible */
#define PREFER_WITHIN 0.9	/* the preferred language is recognised when
				 * its phrase scores this much of the best */
#define SCORE_RELATIVE 0.6	/* keep candidates within this of the best */

/* Words around a pasted message that say nothing about which one it is
 * (when no phrase has them). */
static const char *const filler[] = {
	"error", "erreur", "message", "msg", "says", "said", "say", "saying",
	"reads", "shows", "showing", "displayed", "get", "got", "getting",
	"see", "saw", "i", "me", "my", "it", "the", "a", "says:", "dit",
	"indique", "affiche", "j", "ai", "je", "obtiens", "vois", "voici",
	"here", "hi", "hello", "bonjour", "when", "quand", "lorsque",
	"trying", "try", "essaie", "redeem", "redeeming", "echanger", NULL
};

/* The vocabulary words one text word stands for. */
struct tmatch {
	uint32_t id[IDS_MAX];
	float sim[IDS_MAX];
	unsigned n, near;
	double w;		/* what the text word weighs */
	float f;		/* less for a short word */
};

static void
add_id(struct tmatch *tm, uint32_t id, float sim)
{
	for (unsigned i = 0; i < tm->n; i++)
		if (tm->id[i] == id) {
			if (sim > tm->sim[i])
				tm->sim[i] = sim;
			return;
		}
	if (tm->n < IDS_MAX) {
		tm->id[tm->n] = id;
		tm->sim[tm->n++] = sim;
	}
}

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

	if (!near1(c->s, c->len, match_word_str(c->m, id), w->len))
		return 1;
	add_id(c->tm, id, NEAR_SIM);
	return ++c->tm->near < NEAR_MAX;
}

/* The words within one typo of s[0 .. len). */
static void
typos(const struct kw_matcher *m, const char *s, size_t len,
    struct tmatch *tm)
{
	struct near_ctx c = { m, s, len, tm };
	char buf[TOKEN_MAX];
	uint32_t id;

	/* a letter missing: the text word is a deletion of a word */
	match_htab_each(&m->dels, s, len, near_add, &c);
	for (size_t i = 0; i < len && tm->near < NEAR_MAX; i++) {
		if (i > 0 && s[i] == s[i - 1])
			continue;
		memcpy(buf, s, i);
		memcpy(buf + i, s + i + 1, len - i - 1);
		/* a letter extra or doubled */
		if (len - 1 >= 3 &&
		    (id = match_htab_get(&m->vocab, buf, len - 1)) != NONE)
			near_add(&c, id);
		/* a letter changed, two letters swapped */
		if (tm->near < NEAR_MAX)
			match_htab_each(&m->dels, buf, len - 1, near_add, &c);
	}
}

/* Compare vocabulary word `id` with the prefix s[0 .. len). */
static int
cmp_prefix(const struct kw_matcher *m, uint32_t id, const char *s,
    size_t len)
{
	const struct word *w = &m->words[id];
	int c = memcmp(match_word_str(m, id), s, w->len < len ? w->len : len);

	if (c != 0)
		return c;
	return w->len < len ? -1 : 0;
}

/* The word being typed: the words it begins, if there are few; for less
 * than the word itself when it is one (`whole`). */
static void
prefixes(const struct kw_matcher *m, const char *s, size_t len, int whole,
    struct tmatch *tm)
{
	size_t lo = 0, hi = m->nwords, end;
	float f = whole ? PREFIX_WHOLE : 1.0f;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_prefix(m, m->sorted[mid], s, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < m->nwords &&
	    cmp_prefix(m, m->sorted[end], s, len) == 0; end++)
		;
	if (end - lo > PREFIX_MAX + 1)
		return;
	for (size_t i = lo; i < end; i++) {
		const struct word *w = &m->words[m->sorted[i]];

		if (w->len > len)
			add_id(tm, m->sorted[i], f * PREFIX_SIM);
	}
}

static int
is_filler(const char *s, size_t len)
{
	for (size_t i = 0; filler[i] != NULL; i++)
		if (strlen(filler[i]) == len && memcmp(filler[i], s, len) == 0)
			return 1;
	return 0;
}

/* What text word `t` stands for; `typing`: it may be a word not finished. */
static void
resolve(const struct kw_matcher *m, const char *s, const struct ftok *t,
    int typing, struct tmatch *tm)
{
	uint32_t id = match_htab_get(&m->vocab, s, t->len);

	memset(tm, 0, sizeof *tm);
	if (id != NONE)
		add_id(tm, id, 1.0f);
	if (t->num && m->num_id != NONE)
		add_id(tm, m->num_id, 1.0f);
	if (tm->n == 0 && !t->cjk && t->len >= 3 && t->len <= TOKEN_MAX)
		typos(m, s, t->len, tm);
	if (typing && (t->chars >= PREFIX_CHARS || t->cjk))
		prefixes(m, s, t->len, id != NONE, tm);
	for (unsigned i = 0; i < tm->n; i++)
		if (m->words[tm->id[i]].w * tm->sim[i] > tm->w)
			tm->w = m->words[tm->id[i]].w * tm->sim[i];
	/* a lone character of a spaceless script, the end of a pair cut
	 * off, says as little as a filler */
	if (tm->n == 0 && (is_filler(s, t->len) || (t->cjk && t->chars == 1)))
		tm->w = m->wmax * 0.1;
	else if (tm->n == 0)
		tm->w = m->wmax * UNKNOWN_W;
	/* short words say less, known or not: ma, il, to */
	tm->f = t->cjk || t->chars >= SHORT_CHARS ? 1.0f :
	    (float)t->chars / SHORT_CHARS;
	tm->w *= tm->f;
}

/* Per-query state of one phrase word (k: its index in m->ptok). */
struct kstate {
	uint32_t last_j;	/* 1 + the text word that last matched it */
	uint32_t run;		/* words in the run ending there */
	float sim;		/* how well it matched */
	float tw;		/* what that text word explains */
	uint32_t covered;	/* counted in its phrase's cov */
	uint32_t epoch;		/* the query it belongs to */
};

/* Per-query state of one phrase. */
struct pstate {
	double cov;		/* phrase weight covered */
	double txt;		/* text weight explained */
	uint32_t text_done[4];	/* 1 + the last text words counted in txt
				 * (a run reaches back two words at most) */
	uint32_t best_run;
	uint8_t touched;
	uint8_t distinct;	/* a word that counts on its own matched */
	uint32_t epoch;		/* the query it belongs to */
};

/* Kept in the matcher from one query to the next, so that a query pays
 * for the states it touches, not for clearing them all: a state whose
 * epoch is not the query's is taken as zero. */
struct scratch {
	struct kstate *k;	/* m->nptok */
	struct pstate *p;	/* m->nphrases */
	uint32_t *touched;	/* phrases credited, in the order found */
	size_t ntouched;
	uint32_t epoch;
};

static struct kstate *
kst(struct scratch *s, uint32_t k)
{
	struct kstate *ks = &s->k[k];

	if (ks->epoch != s->epoch) {
		memset(ks, 0, sizeof *ks);
		ks->epoch = s->epoch;
	}
	return ks;
}

static struct pstate *
pst(struct scratch *s, uint32_t p)
{
	struct pstate *ps = &s->p[p];

	if (ps->epoch != s->epoch) {
		memset(ps, 0, sizeof *ps);
		ps->epoch = s->epoch;
	}
	return ps;
}

/* The matcher's scratch, ready for a new query. */
static struct scratch *
scratch_begin(struct kw_matcher *m)
{
	struct scratch *s = m->scratch;

	if (s == NULL) {
		s = m->scratch = xcalloc(1, sizeof *s);
		s->k = xcalloc(m->nptok ? m->nptok : 1, sizeof *s->k);
		s->p = xcalloc(m->nphrases ? m->nphrases : 1, sizeof *s->p);
		s->touched = xcalloc(m->nphrases ? m->nphrases : 1,
		    sizeof *s->touched);
	}
	if (++s->epoch == 0) {
		memset(s->k, 0, m->nptok * sizeof *s->k);
		memset(s->p, 0, m->nphrases * sizeof *s->p);
		s->epoch = 1;
	}
	s->ntouched = 0;
	return s;
}

void
match_scratch_free(struct scratch *s)
{
	if (s == NULL)
		return;
	free(s->k);
	free(s->p);
	free(s->touched);
	free(s);
}

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
credit_text(struct pstate *ps, uint32_t j, float tw)
{
	for (size_t i = 0; i < 4; i++)
		if (ps->text_done[i] == j + 1)
			return;
	memmove(ps->text_done + 1, ps->text_done, 3 * sizeof *ps->text_done);
	ps->text_done[0] = j + 1;
	ps->txt += tw;
}

/* Whether phrase word k counts on its own. */
static int
counts_alone(const struct kw_matcher *m, const struct phrase *ph, uint32_t k)
{
	const struct word *w = &m->words[m->ptok[k]];

	return w->alone || (ph->short_answer && w->df <= m->share &&
	    m->ptok[k] != m->num_id);
}

/* Text word j matched phrase word k (word `pos` of phrase p) as well as
 * `sim`, explaining `tw` of the text. */
static void
step(const struct kw_matcher *m, struct scratch *s, uint32_t j,
    const struct posting *po, float sim, float tw)
{
	struct kstate *ks = kst(s, po->k), *from = NULL;
	struct kstate *k1 = po->pos >= 1 ? kst(s, po->k - 1) : NULL;
	struct kstate *k2 = po->pos >= 2 ? kst(s, po->k - 2) : NULL;
	struct pstate *ps = pst(s, po->phrase);
	const struct phrase *ph = &m->phrases[po->phrase];
	uint32_t prev = 0, from_j = 0, from_k = 0;
	int alone;

	/* the run this word extends: the phrase's previous word matched by
	 * the previous text word, or by the one before (a word added to the
	 * text); else the phrase word before that (a word left out of the
	 * text, or replaced by another) */
	if (k1 != NULL && k1->last_j != 0 && k1->last_j <= j &&
	    k1->last_j + 1 >= j)
		from = k1;
	else if (k2 != NULL && k2->last_j != 0 && k2->last_j <= j &&
	    k2->last_j + 1 >= j)
		from = k2;
	if (from != NULL) {
		prev = from->run;
		from_j = from->last_j - 1;
		from_k = po->k - (from == k1 ? 1 : 2);
	}
	if (ks->last_j == j + 1 && ks->run >= prev + 1)
		return;		/* already as good from this text word */
	ks->last_j = j + 1;
	ks->run = prev + 1;
	ks->sim = sim;
	ks->tw = tw;
	alone = counts_alone(m, ph, po->k);
	if (from == NULL && !alone)
		return;
	if (!ps->touched) {
		ps->touched = 1;
		s->touched[s->ntouched++] = po->phrase;
	}
	if (ks->run > ps->best_run)
		ps->best_run = ks->run;
	if (alone || (from != NULL && counts_alone(m, ph, from_k)))
		ps->distinct = 1;
	if (from != NULL) {
		credit_phrase(m, from, from_k, ps);
		credit_text(ps, from_j, from->tw);
	}
	credit_phrase(m, ks, po->k, ps);
	credit_text(ps, j, tw);
}

static double
phrase_score(const struct kw_matcher *m, struct scratch *s, uint32_t p,
    double text_weight)
{
	const struct phrase *ph = &m->phrases[p];
	const struct pstate *ps = pst(s, p);
	double r, t;
	uint32_t need = ph->n < RUN_MIN ? ph->n : RUN_MIN;

	if (ph->weight <= 0 || text_weight <= 0)
		return 0;
	r = ps->cov / ph->weight;
	t = ps->txt / text_weight;
	if (r > 1)
		r = 1;
	if (t > 1)
		t = 1;
	if (ps->best_run < need && !(ps->distinct && t >= ALONE_TEXT))
		return 0;
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

void
match_prefer(struct kw_matcher *m, size_t lang)
{
	m->prefer = lang;
}

size_t
match_rank(struct kw_matcher *m, const char *text,
    struct kw_match *out, size_t max)
{
	struct folded f;
	struct tmatch *tm;
	struct scratch *s;
	struct kw_match *best;
	uint32_t *bestp;
	double *pref;
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
		resolve(m, f.buf + f.tok[j].off, &f.tok[j],
		    j + 1 == f.ntok && f.open_end, &tm[j]);
		text_weight += tm[j].w;
	}
	folded_free(&f);

	s = scratch_begin(m);

	for (uint32_t j = 0; j < ntok; j++)
		for (unsigned i = 0; i < tm[j].n; i++) {
			uint32_t id = tm[j].id[i];
			float tw = (float)(m->words[id].w * tm[j].sim[i]) *
			    tm[j].f;

			/* backwards, so a word repeated in a phrase sees
			 * the state of its previous occurrence first */
			for (uint32_t q = m->post_start[id + 1];
			    q > m->post_start[id]; q--)
				step(m, s, j, &m->post[q - 1], tm[j].sim[i],
				    tw);
		}

	best = xcalloc(m->ncands, sizeof *best);
	bestp = xcalloc(m->ncands, sizeof *bestp);
	pref = xcalloc(m->ncands, sizeof *pref);
	for (size_t i = 0; i < s->ntouched; i++) {
		uint32_t p = s->touched[i];
		const struct phrase *ph = &m->phrases[p];
		double sc = phrase_score(m, s, p, text_weight);

		if (ph->lang == m->prefer && sc > pref[ph->cand])
			pref[ph->cand] = sc;
		/* equal scores: the first phrase (the tree's order of
		 * languages, a message before its label) names the language */
		if (sc > best[ph->cand].score || (sc > 0 &&
		    sc == best[ph->cand].score && p < bestp[ph->cand])) {
			best[ph->cand].score = sc;
			best[ph->cand].lang = ph->lang;
			bestp[ph->cand] = p;
		}
		if (sc > top)
			top = sc;
	}
	for (size_t c = 0; c < m->ncands; c++) {
		if (best[c].score < SCORE_MIN ||
		    best[c].score < top * SCORE_RELATIVE)
			continue;
		/* the preferred language names it when it is about as good */
		if (pref[c] >= best[c].score * PREFER_WITHIN)
			best[c].lang = m->prefer;
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
	free(bestp);
	free(pref);
	free(tm);
	return n;
}
