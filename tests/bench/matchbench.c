/* SPDX-License-Identifier: MIT */
/* matchbench.c - time match_rank: a 2,000-character paste against a tree's messages */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "load.h"
#include "match.h"
#include "tree.h"

/*
 * usage: matchbench TREE [RUNS [BUNDLED]]
 *
 * Loads TREE and gives every message fifteen more languages (match
 * phrases: the English message with its letters shifted, a vocabulary of
 * its own per language, as many words as the bundled tree's match-only
 * languages bring), prepares the matcher over every choice option that
 * has a message (match_new with no choice node), then ranks two pastes of
 * exactly PASTE_LEN bytes, RUNS times each (default 101):
 *   hit:   the English message of the option two thirds down the list, with
 *          two typos, inside the page text a user copies around it;
 *   noise: page text only, no message in it.
 * Prints key=value lines for bench.py: the number of messages and
 * languages, the time of match_new, the median and worst match_rank time
 * in milliseconds, and whether the hit paste ranked its message first.
 *
 * With BUNDLED (the bundled tree): the time of match_new at its error
 * list (median of RUNS), and the typed filter: each of its messages in
 * each of its languages typed character by character, match_rank after
 * every character; the median and worst time of one keystroke.
 */

#define PASTE_LEN 2000
#define RESULTS_MAX 10
#define MORE_LANGS 15

static const char *const page_words[] = {
	"Microsoft", "365", "admin", "center", "Home", "Users", "Active",
	"users", "Billing", "Your", "products", "Licenses", "Bills", "&",
	"payments", "Payment", "methods", "Billing", "accounts", "Settings",
	"Org", "settings", "Setup", "Reports", "Health", "Show", "all",
	"Search", "Add", "a", "product", "key", "Enter", "your", "25-character",
	"Redeem", "Cancel", "Need", "help?", "Give", "feedback", "Dark", "mode",
	"The", "new", "admin", "center", "Sign", "out", "Contoso", "Ltd",
	"Subscriptions", "Purchase", "services", "Domains", "Message", "center"
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Append page words to `buf` (holding `n` bytes) up to `upto` bytes. */
static size_t
add_page(char *buf, size_t n, size_t upto, unsigned *seed)
{
	const size_t nw = sizeof page_words / sizeof page_words[0];

	while (n < upto) {
		const char *w = page_words[(*seed = *seed * 1103515245 + 12345)
		    / 65536 % nw];
		size_t len = strlen(w);

		if (n + 1 + len > upto)
			len = upto - n - 1;
		buf[n] = n % 61 == 0 ? '\n' : ' ';
		n++;
		memcpy(buf + n, w, len);
		n += len;
	}
	buf[n] = '\0';
	return n;
}

/* Two typos: swap letters inside the 3rd and the 9th long word. */
static void
typos(char *s)
{
	size_t word = 0;

	for (char *p = s; *p != '\0'; ) {
		size_t len = strcspn(p, " \n");

		if (len >= 5 && (++word == 3 || word == 9)) {
			char c = p[1];

			p[1] = p[2];
			p[2] = c;
		}
		p += len;
		p += strspn(p, " \n");
	}
}

static void
time_rank(struct kw_matcher *m, const char *text, int runs,
    double *median, double *worst, struct kw_match *out, size_t *nout)
{
	double *t = calloc((size_t)runs, sizeof *t);

	if (t == NULL) {
		perror("matchbench");
		exit(71);
	}
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();

		*nout = match_rank(m, text, out, RESULTS_MAX);
		t[i] = now_ms() - t0;
	}
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	*median = t[runs / 2];
	*worst = t[runs - 1];
	free(t);
}

/* The English message of every option, shifted by `k` letters. */
static void
add_languages(struct kw_tree *t)
{
	static const char *const codes[MORE_LANGS] = { "l1", "l2", "l3",
	    "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13",
	    "l14", "l15" };
	size_t base = tree_nlangs_all(t);

	for (size_t l = 0; l < MORE_LANGS && base + l < KW_LANG_MAX; l++)
		t->langs[base + l] = codes[l];
	t->nlangs_all = base + MORE_LANGS;
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t j = 0; j < t->nodes[i].nopts; j++) {
			struct kw_option *o = &t->nodes[i].opts[j];
			const char *en;

			if (!tree_text_set(&o->message))
				continue;
			en = tree_text(&o->message, 0);
			for (size_t l = 0; l < MORE_LANGS; l++) {
				size_t len = strlen(en);
				char *s = tree_alloc(t, len + 1);
				struct kw_strv v;

				memcpy(s, en, len + 1);
				for (char *p = s; *p != '\0'; p++)
					if (*p >= 'a' && *p <= 'z')
						*p = (char)('a' + (*p - 'a' +
						    (int)l + 1) % 26);
				v.v = tree_alloc(t, sizeof *v.v);
				v.v[0] = s;
				v.n = 1;
				tree_match_put(t, o, base + l, &v);
			}
		}
}

/* The bundled tree: preparing its error list, and typing. */
static void
bench_bundled(const char *path, int runs, const struct kw_limits *lim)
{
	struct kw_diags d;
	struct kw_tree *t;
	const struct kw_node *node = NULL;
	struct kw_matcher *m = NULL;
	struct kw_match out[RESULTS_MAX];
	double *bt = calloc((size_t)runs, sizeof *bt), *kt = NULL;
	size_t nk = 0, capk = 0;
	int cant_open;

	memset(&d, 0, sizeof d);
	diags_init(&d, path);
	if (bt == NULL || (t = load_tree(path, lim, &d, &cant_open)) == NULL) {
		diags_print(&d, stderr);
		exit(65);
	}
	for (size_t i = 0; i < t->nnodes && node == NULL; i++)
		if (t->nodes[i].type == KW_NODE_CHOICE &&
		    t->nodes[i].nopts > 0 &&
		    tree_text_set(&t->nodes[i].opts[0].message))
			node = &t->nodes[i];
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();

		match_free(m);
		m = match_new(t, node);
		bt[r] = now_ms() - t0;
	}
	for (size_t i = 0; node != NULL && i < node->nopts; i++)
		for (size_t l = 0; l < tree_nlangs_all(t); l++) {
			const char *msg = tree_text_lang(&node->opts[i].message,
			    l);
			const struct kw_strv *more = tree_match(&node->opts[i],
			    l);
			char typed[1024];

			if (msg == NULL && more->n > 0)
				msg = more->v[0];
			if (msg == NULL || strlen(msg) >= sizeof typed)
				continue;
			for (size_t k = 1; k <= strlen(msg); k++) {
				double t0;

				if ((msg[k] & 0xc0) == 0x80)
					continue;	/* inside a character */
				memcpy(typed, msg, k);
				typed[k] = '\0';
				t0 = now_ms();
				match_rank(m, typed, out, RESULTS_MAX);
				if (nk == capk) {
					capk = capk ? capk * 2 : 1024;
					kt = realloc(kt, capk * sizeof *kt);
					if (kt == NULL)
						exit(71);
				}
				kt[nk++] = now_ms() - t0;
			}
		}
	qsort(bt, (size_t)runs, sizeof *bt, cmp_double);
	qsort(kt, nk, sizeof *kt, cmp_double);
	printf("bundled_langs=%zu\nbundled_build_ms=%.3f\n"
	    "keys=%zu\nkey_median_ms=%.4f\nkey_max_ms=%.4f\n",
	    tree_nlangs_all(t), bt[runs / 2], nk, nk ? kt[nk / 2] : 0.0,
	    nk ? kt[nk - 1] : 0.0);
	free(bt);
	free(kt);
	match_free(m);
	tree_free(t);
	diags_free(&d);
}

int
main(int argc, char **argv)
{
	struct kw_match out[RESULTS_MAX];
	const struct kw_node *want_node = NULL;
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	struct kw_matcher *m;
	char hit[PASTE_LEN + 1], noise[PASTE_LEN + 1], *msg;
	size_t nmsg = 0, want = 0, want_opt = 0, n, nout;
	unsigned seed = 42;
	double build, med, worst;
	int cant_open, runs = argc > 2 ? atoi(argv[2]) : 101;

	if (argc < 2 || argc > 4 || runs < 1) {
		fprintf(stderr, "usage: matchbench TREE [RUNS [BUNDLED]]\n");
		return 64;
	}
	load_default_limits(&lim);
	memset(&d, 0, sizeof d);
	diags_init(&d, argv[1]);
	if ((t = load_tree(argv[1], &lim, &d, &cant_open)) == NULL) {
		diags_print(&d, stderr);
		return 65;
	}
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t j = 0; j < t->nodes[i].nopts; j++)
			nmsg += tree_text_set(&t->nodes[i].opts[j].message);
	want = nmsg * 2 / 3;
	for (size_t i = 0, k = 0; i < t->nnodes && want_node == NULL; i++)
		for (size_t j = 0; j < t->nodes[i].nopts; j++)
			if (tree_text_set(&t->nodes[i].opts[j].message) &&
			    k++ == want) {
				want_node = &t->nodes[i];
				want_opt = j;
				break;
			}
	if (want_node == NULL) {
		fprintf(stderr, "matchbench: %s has no messages\n", argv[1]);
		return 65;
	}

	/* The pastes: page text, the message, page text; exactly PASTE_LEN. */
	msg = strdup(tree_text(&want_node->opts[want_opt].message, 0));
	if (msg == NULL || strlen(msg) > PASTE_LEN / 2) {
		fprintf(stderr, "matchbench: message too long\n");
		return 65;
	}
	typos(msg);
	n = add_page(hit, 0, PASTE_LEN / 3, &seed);
	hit[n++] = '\n';
	memcpy(hit + n, msg, strlen(msg));
	n += strlen(msg);
	add_page(hit, n, PASTE_LEN, &seed);
	add_page(noise, 0, PASTE_LEN, &seed);
	free(msg);

	add_languages(t);
	build = now_ms();
	m = match_new(t, NULL);
	build = now_ms() - build;

	printf("messages=%zu\nlangs=%zu\npaste_bytes=%zu\nruns=%d\n"
	    "build_ms=%.3f\n", nmsg, tree_nlangs_all(t), strlen(hit), runs,
	    build);
	time_rank(m, hit, runs, &med, &worst, out, &nout);
	printf("hit_median_ms=%.4f\nhit_max_ms=%.4f\nhit_found=%d\n", med,
	    worst, nout > 0 && out[0].node == want_node &&
	    out[0].opt == want_opt);
	time_rank(m, noise, runs, &med, &worst, out, &nout);
	printf("noise_median_ms=%.4f\nnoise_max_ms=%.4f\nnoise_results=%zu\n",
	    med, worst, nout);
	match_free(m);
	tree_free(t);
	diags_free(&d);
	if (argc > 3)
		bench_bundled(argv[3], runs, &lim);
	return 0;
}
