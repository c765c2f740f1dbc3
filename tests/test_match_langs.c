/* SPDX-License-Identifier: MIT */
/* test_match_langs.c - the bundled tree's nine messages in every language: verbatim, sloppy, fragments, single words, unrelated text, typed and pasted */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <unicase.h>

#include "interact.h"
#include "match.h"
#include "session.h"
#include "testutil.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

/*
 * Each row of the tables below is one language of the bundled tree (the
 * two it is translated into and its match-only ones): for each of the
 * nine messages, every wording in that language, verbatim, as a sloppy
 * copy (lower case, no accents, no punctuation) and as its short
 * fragments, must rank its message first, over the whole tree (--match)
 * and at the error list (both front ends).
 */

static const struct kw_tree *tree;
static const struct kw_node *choice;
static struct kw_matcher *whole, *here;

static void
setup(void)
{
	tree = tu_bundled();
	choice = tree_find(tree, "which-error");
	cr_assert_not_null(choice);
	whole = match_new(tree, NULL);
	here = match_new(tree, choice);
}

static void
teardown(void)
{
	match_free(whole);
	match_free(here);
}

#define LANG_TEST(name) \
	ParameterizedTestParameters(match_langs, name) \
	{ \
		return tu_indexes(KW_LANG_MAX); \
	} \
	ParameterizedTest(size_t *ip, match_langs, name, .init = setup, \
	    .fini = teardown)

/* The wordings of option `o` in language `l`. */
static size_t
wordings(const struct kw_option *o, size_t l, const char *out[], size_t max)
{
	const struct kw_strv *more = tree_match(o, l);
	const char *msg = tree_text_lang(&o->message, l);
	size_t n = 0;

	if (msg != NULL && n < max)
		out[n++] = msg;
	for (size_t j = 0; j < more->n && n < max; j++)
		out[n++] = more->v[j];
	return n;
}

/* `text` ranks option `opt` of the error list first, strictly ahead of
 * the next, with both matchers; in language `lang` unless (size_t)-1. */
static void
assert_first(const char *what, const char *text, size_t opt, size_t lang)
{
	struct kw_match out[16];
	struct kw_matcher *ms[2] = { here, whole };
	/* an option without a message is a candidate at its node only */
	size_t nm = tree_text_set(&choice->opts[opt].message) ? 2 : 1;

	for (size_t k = 0; k < nm; k++) {
		size_t n = match_rank(ms[k], text, out, 16);

		cr_assert_geq(n, 1, "%s: nothing matches \"%s\" (%s)", what,
		    text, choice->opts[opt].id);
		cr_assert(out[0].node == choice && out[0].opt == opt,
		    "%s: \"%s\": %s %.2f first, not %s", what, text,
		    out[0].node->opts[out[0].opt].id, out[0].score,
		    choice->opts[opt].id);
		if (n > 1)
			cr_assert_gt(out[0].score, out[1].score, "%s: \"%s\": "
			    "%s ties with %s", what, text,
			    choice->opts[opt].id,
			    out[1].node->opts[out[1].opt].id);
		if (lang != (size_t)-1)
			cr_assert_str_eq(tree->langs[out[0].lang],
			    tree->langs[lang], "%s: \"%s\"", what, text);
	}
}

/* A sloppy copy: lower case, accents and other marks gone, punctuation
 * gone (the way an agent types what a caller reads out). Caller frees. */
static char *
sloppy(const char *s)
{
	size_t n, lo;
	uint8_t *low = u8_tolower((const uint8_t *)s, strlen(s), NULL,
	    UNINORM_NFD, NULL, &lo);
	char *out = xmalloc(lo + 1), *o = out;

	cr_assert_not_null(low);
	for (size_t i = 0; i < lo; i += n) {
		ucs4_t uc;

		n = (size_t)u8_mbtouc(&uc, low + i, lo - i);
		if (uc_is_general_category(uc, UC_CATEGORY_M) ||
		    uc_is_general_category(uc, UC_CATEGORY_P))
			continue;
		memcpy(o, low + i, n);
		o += n;
	}
	*o = '\0';
	free(low);
	return out;
}

static int
in_language(size_t l)
{
	return l < tree_nlangs_all(tree);
}

/* Every wording of every option in language `l`, verbatim (the language
 * recognised must be `l`) or as a sloppy copy, ranks its option first. */
static void
each_wording(size_t l, int sloppy_copy)
{
	if (!in_language(l))
		return;
	for (size_t i = 0; i < choice->nopts; i++) {
		const char *w[8];
		size_t n = wordings(&choice->opts[i], l, w, 8);

		for (size_t k = 0; k < n; k++) {
			char *s = sloppy_copy ? sloppy(w[k]) : xstrdup(w[k]);

			assert_first(sloppy_copy ? "sloppy" : "verbatim", s, i,
			    sloppy_copy ? (size_t)-1 : l);
			free(s);
		}
	}
}

LANG_TEST(verbatim)
{
	each_wording(*ip, 0);
}

LANG_TEST(sloppy)
{
	each_wording(*ip, 1);
}

/* ---- words, fragments ---- */

/* The folded words of every wording of every option, and which options
 * use each word. */
struct vocab {
	char **word;
	uint32_t *opts;		/* bit i: option i uses it */
	size_t n, cap;
};

static void
vocab_add(struct vocab *v, const char *w, size_t len, size_t opt)
{
	for (size_t i = 0; i < v->n; i++)
		if (strlen(v->word[i]) == len &&
		    memcmp(v->word[i], w, len) == 0) {
			v->opts[i] |= 1u << opt;
			return;
		}
	v->word = xgrow(v->word, &v->cap, v->n + 1, sizeof *v->word);
	v->opts = xrealloc(v->opts, v->cap * sizeof *v->opts);
	v->word[v->n] = xstrndup(w, len);
	v->opts[v->n++] = 1u << opt;
}

static void
vocab_build(struct vocab *v)
{
	memset(v, 0, sizeof *v);
	for (size_t i = 0; i < choice->nopts; i++)
		for (size_t l = 0; l < tree_nlangs_all(tree); l++) {
			const char *w[8];
			size_t n = wordings(&choice->opts[i], l, w, 8);

			if (tree_text_lang(&choice->opts[i].label, l) != NULL)
				w[n++] = tree_text_lang(&choice->opts[i].label,
				    l);
			for (size_t k = 0; k < n; k++) {
				char *f = match_fold(w[k]);

				for (char *p = f; *p != '\0'; ) {
					size_t len = strcspn(p, " ");

					vocab_add(v, p, len, i);
					p += len;
					p += *p == ' ';
				}
				free(f);
			}
		}
}

static void
vocab_free(struct vocab *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->word[i]);
	free(v->word);
	free(v->opts);
}

static unsigned
popcount(uint32_t x)
{
	unsigned n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* Characters of a folded word. */
static size_t
chars(const char *w)
{
	return u8_mbsnlen((const uint8_t *)w, strlen(w));
}

static int
is_number(const char *w)
{
	return strspn(w, "0123456789#") == strlen(w);
}

/* Each word that only one message has (in any of its languages), of four
 * letters or more or a character pair, ranks that message first alone. */
Test(match_langs, each_distinctive_word, .init = setup, .fini = teardown)
{
	struct vocab v;
	size_t tested = 0;

	vocab_build(&v);
	for (size_t i = 0; i < v.n; i++) {
		const char *w = v.word[i];
		size_t opt = 0;

		if (popcount(v.opts[i]) != 1 || is_number(w) ||
		    (chars(w) < 4 && (unsigned char)w[0] < 0xe1))
			continue;
		while (!(v.opts[i] & (1u << opt)))
			opt++;
		assert_first("distinctive word", w, opt, (size_t)-1);
		tested++;
	}
	cr_assert_gt(tested, 300, "%zu words", tested);
	vocab_free(&v);
}

/* A word two or three messages share lists each of them. */
Test(match_langs, a_shared_word_lists_its_messages, .init = setup,
    .fini = teardown)
{
	struct vocab v;
	struct kw_match out[16];
	size_t tested = 0;

	vocab_build(&v);
	for (size_t i = 0; i < v.n; i++) {
		const char *w = v.word[i];
		unsigned k = popcount(v.opts[i]);
		size_t n;

		if (k < 2 || k > 3 || is_number(w) ||
		    (chars(w) < 4 && (unsigned char)w[0] < 0xe1))
			continue;
		n = match_rank(whole, w, out, 16);
		for (size_t opt = 0; opt < choice->nopts; opt++) {
			size_t j = 0;

			if (!(v.opts[i] & (1u << opt)))
				continue;
			while (j < n && out[j].opt != opt)
				j++;
			cr_assert_lt(j, n, "\"%s\" does not list %s", w,
			    choice->opts[opt].id);
		}
		tested++;
	}
	cr_assert_gt(tested, 20, "%zu words", tested);
	vocab_free(&v);
}

/* Whether the folded `text` is in the folded wordings (and labels) of
 * option `opt` only, as a run of words. */
static int
own_fragment(const char *text, size_t opt)
{
	char *f = match_fold(text);
	size_t owners = 0;
	int mine = 0;

	if (*f == '\0') {
		free(f);
		return 0;
	}
	for (size_t i = 0; i < choice->nopts; i++) {
		int has = 0;

		for (size_t l = 0; l < tree_nlangs_all(tree) && !has; l++) {
			const char *w[9];
			size_t n = wordings(&choice->opts[i], l, w, 8);

			if (tree_text_lang(&choice->opts[i].label, l) != NULL)
				w[n++] = tree_text_lang(&choice->opts[i].label,
				    l);
			for (size_t k = 0; k < n && !has; k++) {
				char *g = match_fold(w[k]), *p = g;
				size_t len = strlen(f);

				while ((p = strstr(p, f)) != NULL && !has) {
					has = (p == g || p[-1] == ' ') &&
					    (p[len] == ' ' || p[len] == '\0');
					p++;
				}
				free(g);
			}
		}
		owners += has;
		if (has && i == opt)
			mine = 1;
	}
	free(f);
	return mine && owners == 1;
}

/* Whether `s` is written without spaces between words (Chinese,
 * Japanese). */
static int
spaceless(const char *s)
{
	return strstr(s, "\xe3\x80\x82") != NULL ||	/* 。 */
	    strstr(s, "\xef\xbc\x8c") != NULL;		/* ， */
}

/* The short fragments of `s`: three words in a row, or four characters
 * in a row in a spaceless script. fn(arg, fragment) for each. */
static void
fragments(const char *s, void (*fn)(void *, const char *), void *arg)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t len = strlen(s);

	if (spaceless(s)) {
		for (size_t i = 0; i < len; ) {
			size_t end = i;
			int cjk = 1;
			ucs4_t uc;

			for (int c = 0; c < 4 && end < len; c++) {
				end += (size_t)u8_mbtouc(&uc, p + end,
				    len - end);
				cjk = cjk && uc >= 0x3040;
			}
			if (cjk) {
				char *f = xstrndup(s + i, end - i);

				fn(arg, f);
				free(f);
			}
			i += (size_t)u8_mbtouc(&uc, p + i, len - i);
		}
		return;
	}
	for (const char *w = s; *w != '\0'; ) {
		const char *e = w;

		for (int k = 0; k < 3 && *e != '\0'; k++) {
			e += strcspn(e, " ");
			if (k < 2)
				e += strspn(e, " ");
		}
		{
			char *f = xstrndup(w, (size_t)(e - w));

			fn(arg, f);
			free(f);
		}
		w += strcspn(w, " ");
		w += strspn(w, " ");
		if (*e == '\0')
			break;
	}
}

/* Whether `w` (folded) is a word that counts on its own: four letters or
 * more, or a character pair of a spaceless script; not a number. */
static int
alone_word(const char *w)
{
	return !is_number(w) && (chars(w) >= 4 ||
	    (unsigned char)w[0] >= 0xe3);
}

/* Whether the folded `text` has a word (that counts on its own) only
 * option `opt` uses. */
static int
has_own_word(const struct vocab *v, const char *text, size_t opt)
{
	char *f = match_fold(text);
	int own = 0;

	for (char *p = f; *p != '\0' && !own; ) {
		size_t len = strcspn(p, " ");

		for (size_t i = 0; i < v->n; i++)
			if (strlen(v->word[i]) == len &&
			    memcmp(v->word[i], p, len) == 0)
				own = v->opts[i] == 1u << opt &&
				    alone_word(v->word[i]);
		p += len;
		p += *p == ' ';
	}
	free(f);
	return own;
}

struct fragctx {
	const struct vocab *v;
	size_t opt;
	size_t tested;		/* with a word of their own, ranked first */
	size_t own;		/* others that no other message has */
	size_t first;		/* of these, ranked first */
};

static void
check_fragment(void *arg, const char *frag)
{
	struct fragctx *c = arg;
	struct kw_match out[4];

	if (has_own_word(c->v, frag, c->opt)) {
		assert_first("fragment", frag, c->opt, (size_t)-1);
		c->tested++;
	} else if (own_fragment(frag, c->opt)) {
		c->own++;
		if (match_rank(here, frag, out, 4) > 0 && out[0].opt == c->opt)
			c->first++;
	}
}

/* Every short fragment with a word no other message has ranks its
 * message first; every wording has fragments that rank it first. */
LANG_TEST(fragment)
{
	size_t l = *ip, tested = 0;
	struct vocab v;

	if (!in_language(l))
		return;
	vocab_build(&v);
	for (size_t i = 0; i < choice->nopts; i++) {
		const char *w[8];
		size_t n = wordings(&choice->opts[i], l, w, 8);

		for (size_t k = 0; k < n; k++) {
			struct fragctx c = { &v, i, 0, 0, 0 };

			fragments(w[k], check_fragment, &c);
			cr_assert(c.tested + c.first > 0 || c.own == 0,
			    "no fragment of \"%s\" ranks it first", w[k]);
			tested += c.tested + c.first;
		}
	}
	cr_assert_geq(tested, 18, "%s: %zu fragments", tree->langs[l], tested);
	vocab_free(&v);
}

/* ---- text of no message ---- */

Test(match_langs, unrelated_text_matches_nothing, .init = setup,
    .fini = teardown)
{
	char *corpus = tu_slurp(tu_src("tests/fixtures/match/unrelated.txt"),
	    NULL), *line, *save = NULL;
	size_t tested = 0;

	for (line = strtok_r(corpus, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		struct kw_match out[4];

		if (line[0] == '#')
			continue;
		for (size_t k = 0; k < 2; k++) {
			size_t n = match_rank(k ? here : whole, line, out, 4);

			cr_assert_eq(n, 0, "\"%s\" matches %s (%.2f)", line,
			    n ? out[0].node->opts[out[0].opt].id : "",
			    n ? out[0].score : 0.0);
		}
		tested++;
	}
	cr_assert_gt(tested, 50);
	free(corpus);
}

/* ---- typed and pasted ---- */

/* Typed key by key (the list's filter after each key) or pasted at once
 * (or read from the plain prompt): the same first answer, and the list
 * follows every key. */
LANG_TEST(typed_as_pasted)
{
	size_t l = *ip;
	struct kw_session *s;
	struct kw_matching mc = { 0 };

	if (!in_language(l))
		return;
	s = session_new(tree, 0, tu_fake_clock);
	cr_assert_eq(interact_continue(s), 0);
	cr_assert_eq(session_node(s), choice);
	for (size_t i = 0; i < choice->nopts; i++) {
		const char *w[8];
		size_t n = wordings(&choice->opts[i], l, w, 8), len;
		const struct kw_match *found;
		struct kw_match m[4];
		size_t nm;
		char *typed;

		if (n == 0)
			continue;
		len = strlen(w[0]);
		typed = xmalloc(len + 1);
		for (size_t k = 0; k < len; ) {
			ucs4_t uc;

			k += (size_t)u8_mbtouc(&uc, (const uint8_t *)w[0] + k,
			    len - k);
			memcpy(typed, w[0], k);
			typed[k] = '\0';
			if (interact_filter(&mc, s, typed, &found) == 0)
				continue;
			interact_match(&mc, s, typed, m, 4, &nm);
			cr_assert_eq(found[0].opt, m[0].opt, "\"%s\"", typed);
		}
		cr_assert_geq(interact_filter(&mc, s, typed, &found), 1);
		cr_assert_eq(found[0].opt, i, "typed \"%s\"", typed);
		free(typed);
	}
	interact_matching_free(&mc);
	session_free(s);
}

/* ---- folding ---- */

Test(match_langs, folding)
{
	static const struct {
		const char *in, *out;
	} rows[] = {
		/* characters that decompose into several, then ASCII (a
		 * heap overflow fuzz_match found) */
		{ "\xc7\x98\xc7\x98\xc7\x98\xc7\x98] \xef\xac\x81\xef\xac\x81 abcdef",
		  "uuuu fifi abcdef" },
		{ "\xef\xc7\x98\xba]\xc7\x98 \xac\x98 ", "u u" },
		/* contractions kept whole, elisions cut */
		{ "Can't, isn’t, you've; l'offre qu’il", "cant isnt youve l offre quil" },
		/* placeholders and digits of any script are numbers */
		{ "<x> \\<x\\> \xd9\xa3\xd9\xa0\xd9\xa0", "# # 300" },
		/* Hangul whole, spaced as the writer likes; kana and Han in
		 * pairs, a lone one alone */
		{ "\xec\x9e\x85\xeb\xa0\xa5 \xed\x95\x9c", "\xec\x9e\x85\xeb\xa0\xa5 \xeb\xa0\xa5\xed\x95\x9c" },
		{ "\xe6\x9c\x9f", "\xe6\x9c\x9f" },
		/* Arabic: tatweel and marks gone, teh marbuta as heh */
		{ "\xd9\x85\xd9\x8e\xd9\x80\xd8\xa9", "\xd9\x85\xd9\x87" },
		{ "", "" },
	};

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *f = match_fold(rows[i].in);

		cr_assert_str_eq(f, rows[i].out, "row %zu", i);
		free(f);
	}
}

/* ---- right to left ---- */

static size_t
opt_index(const char *id)
{
	for (size_t i = 0; i < choice->nopts; i++)
		if (strcmp(choice->opts[i].id, id) == 0)
			return i;
	cr_assert_fail("no option %s", id);
	return 0;
}

Test(match_langs, right_to_left_text_reaches_the_terminal_isolated)
{
	static const struct {
		const char *in, *out;
	} rows[] = {
		{ "Filter: \u0627\u0646\u062a\u0647\u062a 300 \u0635\u0644\u0627\u062d\u064a\u0629",
		  "Filter: \u2067\u0627\u0646\u062a\u0647\u062a 300 \u0635\u0644\u0627\u062d\u064a\u0629\u2069" },
		/* each line on its own; the text after the last letter out */
		{ "a \u05d0 b \u05d1.\nplain\n\u0645 (x)",
		  "a \u2067\u05d0 b \u05d1\u2069.\nplain\n\u2067\u0645\u2069 (x)" },
		/* the text's own bidi controls never get through */
		{ "\u202e\u0645\u2069", "?\u2067\u0645\u2069?" },
		{ "no right-to-left here: caf\u00e9", "no right-to-left here: caf\u00e9" },
		{ "", "" },
	};

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *c = text_clean(rows[i].in);

		cr_assert_str_eq(c, rows[i].out, "row %zu", i);
		free(c);
	}
	/* the Arabic message, pasted in presentation forms with its marks,
	 * still finds it */
	setup();
	assert_first("presentation forms", "\ufe8e\ufee7\ufe98\ufeec\ufe96 "
	    "\ufebb\ufefc\ufea3\ufef4\ufe94 \u0645\u0641\u062a\u0627\u062d "
	    "\u0627\u0644\u0645\u0646\u062a\u062c",
	    opt_index("expired"), (size_t)-1);
	teardown();
}
