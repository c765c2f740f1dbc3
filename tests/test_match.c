/* SPDX-License-Identifier: MIT */
/* test_match.c - ranking pasted error text against the nine messages */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "match.h"
#include "testutil.h"
#include "tree.h"
#include "xalloc.h"

#define EN 0
#define FR 1

/* The nine messages (design.md section 7, the French support article), as
 * in tests/fixtures/match/nine.yaml. */
struct msg {
	const char *id;
	const char *en, *fr;
	const char *older_en[3], *older_fr[2];
};

static const struct msg msgs[] = {
	{ "invalid-key",
	  "Sorry, this is an invalid product key. Try entering it again. If "
	  "your product key is for Microsoft 365 Personal or Microsoft 365 "
	  "Family, redeem it at office.com/setup.",
	  "Désolé, il s’agit d’une clé de produit non valide. Réessayez de "
	  "l’entrer. Si votre clé de produit est destinée à Microsoft 365 "
	  "Personnel ou Microsoft 365 Famille, échangez-la à office.com/setup.",
	  { "Sorry, this is an invalid product key. Try entering it again. If "
	    "your product key is for Office 365 Personal or Office 365 Home, "
	    "redeem it at office.com/setup.",
	    "Sorry, this is an invalid product key. Try entering it again. If "
	    "your product key is for Office 365 Solo, redeem it at "
	    "office.com/setup." },
	  { "Désolé, il s’agit d’une clé de produit non valide. Réessayez de "
	    "l’entrer. Si votre clé de produit est destinée à Office 365 Solo, "
	    "échangez-la à office.com/setup" } },
	{ "not-valid",
	  "The product key you entered isn't valid. Try entering it again.",
	  "La clé de produit que vous avez entrée n’est pas valide. Réessayez "
	  "de l’entrer.",
	  { "This product key isn't valid. Enter a different product key.",
	    "This product key isn't valid. Please enter a different product "
	    "key." },
	  { "Cette clé de produit n’est pas valide. Entrez une autre clé de "
	    "produit." } },
	{ "already-entered",
	  "You have already entered this product key. Enter a different key.",
	  "Vous avez déjà entré cette clé de produit. Entrez une autre clé.",
	  { NULL }, { NULL } },
	{ "expired",
	  "The product key you entered has expired. Enter a different key.",
	  "La clé de produit que vous avez entrée a expiré. Entrez une autre "
	  "clé.",
	  { NULL }, { NULL } },
	{ "already-used",
	  "This product key has already been used. Enter a different product "
	  "key.",
	  "Cette clé de produit a déjà été utilisée. Entrez une autre clé de "
	  "produit.",
	  { NULL }, { NULL } },
	{ "cant-process",
	  "Sorry, we can't process your request right now. Wait a few minutes "
	  "and try again.",
	  "Désolé... Nous ne pouvons pas traiter votre demande pour l’instant. "
	  "Veuillez patienter quelques minutes et réessayer.",
	  { "Sorry, we can't process your request right now. Please wait a "
	    "few minutes and try again." },
	  { NULL } },
	{ "subscription-unavailable",
	  "The requested subscription isn't available. One of the following "
	  "reasons could have caused this: The offer isn't available - The "
	  "service isn't available in your country/region - It's impossible "
	  "to use/select the same trial twice. If the issue persists, contact "
	  "Microsoft support.",
	  "L'abonnement demandé n'est pas disponible. L'une des raisons "
	  "suivantes peut en être la cause : L'offre n'est pas disponible ; Le "
	  "service n'est pas disponible dans votre pays ; Il est impossible "
	  "d'utiliser ou de sélectionner deux fois la même version "
	  "d'évaluation. Si le problème persiste, contactez le support "
	  "technique Microsoft.",
	  { "The requested subscription is not available. One of the "
	    "following reasons could have caused this: The offer is not "
	    "available - The service is not available in your country - It's "
	    "impossible to use/select the same trial twice. If the issue "
	    "persists, contact Microsoft support." },
	  { NULL } },
	{ "too-many-licenses",
	  "You've added more user licenses than this offer allows. The maximum "
	  "is <x> user licenses. Remove this product key and enter one that "
	  "adds fewer user licenses.",
	  "Vous avez ajouté plus de licences utilisateur que ce que cette offre "
	  "autorise. Le maximum est <x> les licences utilisateur. Supprimez "
	  "cette clé de produit et entrez une clé qui ajoute moins de licences "
	  "utilisateur.",
	  { NULL }, { NULL } },
	{ "not-admin",
	  "You must be a global or billing admin to redeem a product key.",
	  "Vous devez être un administrateur général ou de facturation pour "
	  "échanger une clé de produit.",
	  { NULL }, { NULL } },
};

#define NMSGS (sizeof msgs / sizeof msgs[0])

static struct kw_tree *tree;		/* built from msgs[] */
static struct kw_matcher *matcher;

static struct kw_text
text2(struct kw_tree *tr, const char *en, const char *fr)
{
	struct kw_text t;

	memset(&t, 0, sizeof t);
	tree_text_put(tr, &t, EN, en);
	tree_text_put(tr, &t, FR, fr);
	return t;
}

static struct kw_strv
strv(struct kw_tree *t, const char *const *v, size_t max)
{
	struct kw_strv s = { NULL, 0 };

	while (s.n < max && v[s.n] != NULL)
		s.n++;
	if (s.n > 0) {
		s.v = tree_alloc(t, s.n * sizeof *s.v);
		memcpy(s.v, v, s.n * sizeof *s.v);
	}
	return s;
}

/* The nine messages as a tree in memory: one choice, one outcome, and an
 * option without a message (not a candidate). */
static struct kw_tree *
build_tree(void)
{
	struct kw_tree *t = tree_new();
	struct kw_node *choice, *done;

	t->id = "nine";
	t->langs[EN] = "en";
	t->langs[FR] = "fr";
	t->nlangs = 2;
	t->nnodes = 2;
	t->nodes = tree_alloc(t, 2 * sizeof *t->nodes);
	choice = &t->nodes[0];
	done = &t->nodes[1];
	done->id = "done";
	done->type = KW_NODE_OUTCOME;
	done->index = 1;
	done->text = text2(t, "Done.", "Terminé.");
	choice->id = "which-error";
	choice->type = KW_NODE_CHOICE;
	choice->text = text2(t, "Which message?", "Quel message ?");
	choice->nopts = NMSGS + 1;
	choice->opts = tree_alloc(t, choice->nopts * sizeof *choice->opts);
	for (size_t i = 0; i < NMSGS; i++) {
		struct kw_option *o = &choice->opts[i];
		struct kw_strv m;

		o->id = msgs[i].id;
		o->label = text2(t, msgs[i].id, msgs[i].id);
		o->message = text2(t, msgs[i].en, msgs[i].fr);
		m = strv(t, msgs[i].older_en, 3);
		tree_match_put(t, o, EN, &m);
		m = strv(t, msgs[i].older_fr, 2);
		tree_match_put(t, o, FR, &m);
		o->target = "done";
		o->next = done;
	}
	choice->opts[NMSGS].id = "other";
	choice->opts[NMSGS].label = text2(t, "Another message", "Un autre message");
	choice->opts[NMSGS].target = "done";
	choice->opts[NMSGS].next = done;
	t->start = choice;
	t->start_id = "which-error";
	tree_index(t);
	return t;
}

static void
setup(void)
{
	tree = build_tree();
	matcher = match_new(tree, NULL);
}

static void
teardown(void)
{
	match_free(matcher);
	tree_free(tree);
}

/* One test per row of a table of `n` rows; the body sees the row as *ip. */
#define TABLE_TEST(suite, name, n) \
	TU_TABLE_TEST(suite, name, n, .init = setup, .fini = teardown)

static const char *
opt_id(const struct kw_match *m)
{
	return m->node->opts[m->opt].id;
}

/* `text` ranks option `want` first, strictly ahead of the next one. */
static void
assert_first(struct kw_matcher *m, const char *text, const char *want,
    int lang)
{
	struct kw_match out[16];
	size_t n = match_rank(m, text, out, 16);

	cr_assert_geq(n, 1, "nothing matches \"%s\"", text);
	cr_assert_str_eq(opt_id(&out[0]), want, "\"%s\": %s %.2f first, "
	    "not %s", text, opt_id(&out[0]), out[0].score, want);
	if (n > 1)
		cr_assert_gt(out[0].score, out[1].score, "\"%s\": %s and %s "
		    "both %.2f", text, opt_id(&out[0]), opt_id(&out[1]),
		    out[0].score);
	cr_assert_leq(out[0].score, 1.0);
	if (lang >= 0)
		cr_assert_eq(out[0].lang, (size_t)lang, "\"%s\": language %zu",
		    text, out[0].lang);
	for (size_t i = 1; i < n; i++)
		cr_assert_geq(out[i - 1].score, out[i].score);
}

/* ---- each message, verbatim, in both languages ---- */

TABLE_TEST(match, verbatim, NMSGS * 2)
{
	const struct msg *g = &msgs[*ip / 2];
	int lang = (int)(*ip % 2);
	struct kw_match out[4];

	assert_first(matcher, lang == EN ? g->en : g->fr, g->id, lang);
	match_rank(matcher, lang == EN ? g->en : g->fr, out, 4);
	cr_assert_gt(out[0].score, 0.99, "%s: %.3f", g->id, out[0].score);
}

/* ---- sloppy: no accents, no quotes, no punctuation, lower case ---- */

struct row {
	const char *text;
	const char *want;
	int lang;
};

static const struct row sloppy_rows[] = {
	{ "sorry this is an invalid product key try entering it again if your "
	  "product key is for microsoft 365 personal or microsoft 365 family "
	  "redeem it at office.com/setup", "invalid-key", EN },
	{ "the product key you entered isnt valid try entering it again",
	  "not-valid", EN },
	{ "you have already entered this product key enter a different key",
	  "already-entered", EN },
	{ "the product key you entered has expired enter a different key",
	  "expired", EN },
	{ "this product key has already been used enter a different product "
	  "key", "already-used", EN },
	{ "sorry we cant process your request right now wait a few minutes "
	  "and try again", "cant-process", EN },
	{ "the requested subscription isnt available one of the following "
	  "reasons could have caused this the offer isnt available the service "
	  "isnt available in your country/region its impossible to use/select "
	  "the same trial twice if the issue persists contact microsoft "
	  "support", "subscription-unavailable", EN },
	{ "youve added more user licenses than this offer allows the maximum "
	  "is 25 user licenses remove this product key and enter one that adds "
	  "fewer user licenses", "too-many-licenses", EN },
	{ "you must be a global or billing admin to redeem a product key",
	  "not-admin", EN },
	{ "desole il s'agit d'une cle de produit non valide reessayez de "
	  "l'entrer si votre cle de produit est destinee a microsoft 365 "
	  "personnel ou microsoft 365 famille echangez-la a office.com/setup",
	  "invalid-key", FR },
	{ "la cle de produit que vous avez entree n'est pas valide reessayez "
	  "de l'entrer", "not-valid", FR },
	{ "vous avez deja entre cette cle de produit entrez une autre cle",
	  "already-entered", FR },
	{ "la cle de produit que vous avez entree a expire entrez une autre "
	  "cle", "expired", FR },
	{ "cette cle de produit a deja ete utilisee entrez une autre cle de "
	  "produit", "already-used", FR },
	{ "desole nous ne pouvons pas traiter votre demande pour l'instant "
	  "veuillez patienter quelques minutes et reessayer", "cant-process",
	  FR },
	{ "l'abonnement demande n'est pas disponible l'une des raisons "
	  "suivantes peut en etre la cause l'offre n'est pas disponible le "
	  "service n'est pas disponible dans votre pays il est impossible "
	  "d'utiliser ou de selectionner deux fois la meme version "
	  "d'evaluation si le probleme persiste contactez le support technique "
	  "microsoft", "subscription-unavailable", FR },
	{ "vous avez ajoute plus de licences utilisateur que ce que cette "
	  "offre autorise le maximum est 10 les licences utilisateur supprimez "
	  "cette cle de produit et entrez une cle qui ajoute moins de licences "
	  "utilisateur", "too-many-licenses", FR },
	{ "vous devez etre un administrateur general ou de facturation pour "
	  "echanger une cle de produit", "not-admin", FR },
};

TABLE_TEST(match, sloppy, sizeof sloppy_rows / sizeof sloppy_rows[0])
{
	const struct row *r = &sloppy_rows[*ip];

	assert_first(matcher, r->text, r->want, r->lang);
}

/* ---- a fragment of three words or more, with a typo ---- */

static const struct row fragment_rows[] = {
	{ "this is an invalid prodcut key", "invalid-key", EN },
	{ "the product key you entered isnt vaild", "not-valid", EN },
	{ "you have alredy entered this product key", "already-entered", EN },
	{ "the product key you entered has expried", "expired", EN },
	{ "this product key has allready been used", "already-used", EN },
	{ "we cant proces your request", "cant-process", EN },
	{ "the service isnt available in your contry",
	  "subscription-unavailable", EN },
	{ "more user licences than this offer allows", "too-many-licenses",
	  EN },
	{ "must be a global or biling admin", "not-admin", EN },
	{ "il s'agit d'une cle de produit non valdie", "invalid-key", FR },
	{ "cle de produit que vous avez entree n'est pas valdie", "not-valid",
	  FR },
	{ "vous avez deja entré cete cle", "already-entered", FR },
	{ "que vous avez entree a expiree", "expired", FR },
	{ "produit a deja ete utlisee", "already-used", FR },
	{ "nous ne pouvons pas trater votre demande", "cant-process", FR },
	{ "le servise n'est pas disponible dans votre pays",
	  "subscription-unavailable", FR },
	{ "plus de licenses utilisateur que ce que cette offre autorise",
	  "too-many-licenses", FR },
	{ "un adminsitrateur general ou de facturation", "not-admin", FR },
};

TABLE_TEST(match, fragment, sizeof fragment_rows / sizeof fragment_rows[0])
{
	const struct row *r = &fragment_rows[*ip];

	assert_first(matcher, r->text, r->want, r->lang);
}

/* ---- older wordings, words around the message, typography, <x> ---- */

static const struct row other_rows[] = {
	/* older wordings and other regions */
	{ "Sorry, this is an invalid product key. Try entering it again. If "
	  "your product key is for Office 365 Personal or Office 365 Home, "
	  "redeem it at office.com/setup.", "invalid-key", EN },
	{ "If your product key is for Office 365 Solo, redeem it at "
	  "office.com/setup.", "invalid-key", EN },
	{ "Si votre clé de produit est destinée à Office 365 Solo, échangez-la "
	  "à office.com/setup", "invalid-key", FR },
	{ "This product key isn't valid. Please enter a different product "
	  "key.", "not-valid", EN },
	{ "This product key isn't valid. Enter a different product key.",
	  "not-valid", EN },
	{ "Cette clé de produit n’est pas valide. Entrez une autre clé de "
	  "produit.", "not-valid", FR },
	{ "Sorry, we can't process your request right now. Please wait a few "
	  "minutes and try again.", "cant-process", EN },
	{ "The service is not available in your country",
	  "subscription-unavailable", EN },
	/* words around it */
	{ "Error: The product key you entered has expired. Enter a different "
	  "key.", "expired", EN },
	{ "it says “You must be a global or billing admin to redeem a product "
	  "key.”", "not-admin", EN },
	{ "le message dit « Cette clé de produit a déjà été utilisée »",
	  "already-used", FR },
	{ "J'ai ce message : Désolé… Nous ne pouvons pas traiter votre demande "
	  "pour l’instant.", "cant-process", FR },
	{ "Hi, I bought a key from our reseller last week. When I paste it in "
	  "the admin center and click Next, the page shows: The product key "
	  "you entered has expired. Enter a different key. Then nothing "
	  "happens. Can you help? Thanks, Bob", "expired", EN },
	/* the only message that says to try again later; a fragment of it
	 * with one word more */
	{ "please try again later", "cant-process", EN },
	/* the number that stands for <x> */
	{ "The maximum is 25 user licenses", "too-many-licenses", EN },
	{ "Le maximum est 300 les licences utilisateur", "too-many-licenses",
	  FR },
	{ "The maximum is <x> user licenses", "too-many-licenses", EN },
	/* typography and case */
	{ "Sorry… we can’t process your request right now", "cant-process",
	  EN },
	{ "\"you've added more user licenses than this offer allows\"",
	  "too-many-licenses", EN },
	{ "YOU HAVE ALREADY ENTERED THIS PRODUCT KEY", "already-entered", EN },
	{ "ＹＯＵ ＭＵＳＴ ＢＥ Ａ ＧＬＯＢＡＬ ＯＲ ＢＩＬＬＩＮＧ ＡＤＭＩＮ",
	  "not-admin", EN },
	{ "VOUS DEVEZ ÊTRE UN ADMINISTRATEUR GÉNÉRAL", "not-admin", FR },
	/* the rest tells apart two messages that share a sentence */
	{ "the product key you entered has expired", "expired", EN },
	{ "the product key you entered isn't valid", "not-valid", EN },
	{ "already entered this product key. Enter a different key",
	  "already-entered", EN },
	{ "already been used. Enter a different key", "already-used", EN },
	{ "La clé de produit que vous avez entrée a expiré", "expired", FR },
	{ "La clé de produit que vous avez entrée n’est pas valide",
	  "not-valid", FR },
};

TABLE_TEST(match, other, sizeof other_rows / sizeof other_rows[0])
{
	const struct row *r = &other_rows[*ip];

	assert_first(matcher, r->text, r->want, r->lang);
}

/* ---- unrelated text matches nothing ---- */

static const char *const unrelated[] = {
	"the printer is offline",
	"bonjour",
	"",
	"   ",
	"?!… « »",
	"12345",
	"Outlook keeps asking for my password",
	"mon imprimante ne marche plus",
	"product key",
	"the key is the product",
	"I can't log in to Teams since this morning",
};

TABLE_TEST(match, unrelated, sizeof unrelated / sizeof unrelated[0])
{
	struct kw_match out[16];
	size_t n = match_rank(matcher, unrelated[*ip], out, 16);

	cr_assert_eq(n, 0, "\"%s\" matches %s (%.2f)", unrelated[*ip],
	    n ? opt_id(&out[0]) : "", n ? out[0].score : 0.0);
}

/* ---- the matcher itself ---- */

Test(match, candidates_and_limits, .init = setup, .fini = teardown)
{
	struct kw_matcher *m = match_new(tree, &tree->nodes[0]);
	struct kw_match out[16];
	const char *text = "Enter a different key";
	size_t n;

	/* at a choice node, every option is a candidate: the one without a
	 * message on its label; over the whole tree it is not one */
	n = match_rank(m, "Another message", out, 16);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(opt_id(&out[0]), "other");
	cr_assert_eq(match_rank(matcher, "Another message", out, 16), 0);
	/* a sentence three messages share verbatim: all three */
	n = match_rank(m, text, out, 16);
	cr_assert_geq(n, 3);
	for (size_t i = 0; i < 3; i++) {
		static const char *const want[] = { "already-entered",
		    "expired", "already-used" };
		size_t j = 0;

		while (j < n && strcmp(opt_id(&out[j]), want[i]) != 0)
			j++;
		cr_assert_lt(j, n, "%s is missing", want[i]);
	}
	/* max */
	cr_assert_eq(match_rank(m, text, out, 1), 1);
	cr_assert_eq(match_rank(m, text, out, 0), 0);
	match_free(m);
	/* a node that is not a choice: no candidates */
	m = match_new(tree, &tree->nodes[1]);
	cr_assert_eq(match_rank(m, msgs[0].en, out, 16), 0);
	match_free(m);
	match_free(NULL);
}

Test(match, invalid_utf8, .init = setup, .fini = teardown)
{
	struct kw_match out[4];

	assert_first(matcher, "the product key you entered has \xff expired",
	    "expired", EN);
	cr_assert_eq(match_rank(matcher, "\xff\xfe\xc3", out, 4), 0);
}

/* A word being typed that begins words of two languages: the preferred
 * language (the interface's) names the match. */
Test(match, the_preferred_language_names_a_near_tie, .init = setup,
    .fini = teardown)
{
	struct kw_match out[4];

	for (size_t lang = EN; lang <= FR; lang++) {
		match_prefer(matcher, lang);
		cr_assert_geq(match_rank(matcher, "expi", out, 4), 1);
		cr_assert_str_eq(opt_id(&out[0]), "expired");
		cr_assert_eq(out[0].lang, lang);
	}
}

/* Many candidates: the right one still comes first. */
Test(match, thousand_messages)
{
	struct kw_tree *t = tree_new();
	struct kw_node *node;
	struct kw_matcher *m;
	struct kw_match out[4];
	static const char *const words[] = {
		"account", "tenant", "license", "domain", "mailbox", "policy",
		"device", "group", "billing", "partner", "offer", "trial",
		"region", "service", "portal", "invoice", "payment", "role",
		"admin", "user", "quota", "storage", "network", "token",
		"session", "request", "update", "version", "profile", "backup",
		"calendar", "contact",
	};
	size_t nw = sizeof words / sizeof words[0];
	char *text;

	t->langs[0] = "en";
	t->nlangs = 1;
	t->nnodes = 1;
	t->nodes = tree_alloc(t, sizeof *t->nodes);
	node = &t->nodes[0];
	node->id = "big";
	node->type = KW_NODE_CHOICE;
	node->nopts = 1000;
	node->opts = tree_alloc(t, node->nopts * sizeof *node->opts);
	for (size_t i = 0; i < node->nopts; i++) {
		char buf[256];

		snprintf(buf, sizeof buf, "The %s %s could not be %s because "
		    "the %s %s is %s. Try the %s again.", words[i % nw],
		    words[(i / nw) % nw], words[(i * 7) % nw],
		    words[(i * 3 + 1) % nw], words[(i / 3) % nw],
		    words[(i * 5 + 2) % nw], words[(i * 11) % nw]);
		tree_text_put(t, &node->opts[i].message, 0,
		    tree_strndup(t, buf, strlen(buf)));
		snprintf(buf, sizeof buf, "m%zu", i);
		node->opts[i].id = tree_strndup(t, buf, strlen(buf));
	}
	m = match_new(t, NULL);
	text = xstrdup(node->opts[777].message.s[0]);
	cr_assert_geq(match_rank(m, text, out, 4), 1);
	cr_assert_eq(out[0].opt, 777);
	free(text);
	match_free(m);
	tree_free(t);
}

/* ---- the fixture on disk gives the same answers ---- */

/* `a` equals `b` once runs of white space are one space. */
static int
same_words(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		if (*a == ' ' || *a == '\n') {
			if (*b != ' ' && *b != '\n')
				return 0;
			while (*a == ' ' || *a == '\n')
				a++;
			while (*b == ' ' || *b == '\n')
				b++;
			continue;
		}
		if (*a++ != *b++)
			return 0;
	}
	return *a == *b;
}

Test(match, fixture_agrees)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/match/nine.yaml"));
	const struct kw_node *choice = tree_find(t, "which-error");
	struct kw_matcher *m;

	cr_assert_not_null(choice);
	cr_assert_eq(choice->nopts, NMSGS);
	cr_assert_str_eq(t->langs[EN], "en");
	cr_assert_str_eq(t->langs[FR], "fr");
	for (size_t i = 0; i < NMSGS; i++) {
		const struct kw_option *o = &choice->opts[i];

		cr_assert_str_eq(o->id, msgs[i].id);
		cr_assert(same_words(o->message.s[EN], msgs[i].en), "%s en:\n"
		    "%s", o->id, o->message.s[EN]);
		cr_assert(same_words(o->message.s[FR], msgs[i].fr), "%s fr:\n"
		    "%s", o->id, o->message.s[FR]);
		for (size_t j = 0; j < 3 && msgs[i].older_en[j] != NULL; j++)
			cr_assert(o->match[EN].n > j && same_words(
			    o->match[EN].v[j], msgs[i].older_en[j]), "%s", o->id);
		for (size_t j = 0; j < 2 && msgs[i].older_fr[j] != NULL; j++)
			cr_assert(o->match[FR].n > j && same_words(
			    o->match[FR].v[j], msgs[i].older_fr[j]), "%s", o->id);
	}
	m = match_new(t, NULL);
	for (size_t i = 0; i < NMSGS; i++) {
		assert_first(m, msgs[i].en, msgs[i].id, EN);
		assert_first(m, msgs[i].fr, msgs[i].id, FR);
		assert_first(m, sloppy_rows[i].text, msgs[i].id, EN);
		assert_first(m, fragment_rows[NMSGS + i].text, msgs[i].id, FR);
	}
	match_free(m);
	tree_free(t);
}

/* ---- --match ---- */

struct cmdrow {
	const char *text;
	size_t lang;
	int status;
	const char *out;
};

static const struct cmdrow cmd_rows[] = {
	{ "The product key you entered has expired. Enter a different key.",
	  EN, 0,
	  "1.00  expired  en  The product key you entered has expired. Enter "
	  "a different key.\n" },
	{ "The product key you entered has expired. Enter a different key.",
	  FR, 0,
	  "1.00  expired  en  La clé de produit que vous avez entrée a "
	  "expiré. Entrez une autre clé.\n" },
	{ "the printer is offline", EN, 1,
	  "No error message of the tree matches this text.\n" },
};

TABLE_TEST(match, cmd_match, sizeof cmd_rows / sizeof cmd_rows[0])
{
	const struct cmdrow *r = &cmd_rows[*ip];
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(out);
	cr_assert_eq(cmd_match(tree, r->lang, r->text, out), r->status);
	fclose(out);
	cr_assert_str_eq(buf, r->out);
	free(buf);
}

Test(match, cmd_match_several, .init = setup, .fini = teardown)
{
	char *buf = NULL, *line, *save = NULL;
	size_t len = 0, lines = 0;
	FILE *out = open_memstream(&buf, &len);
	double prev = 2;

	cr_assert_eq(cmd_match(tree, EN, "Enter a different key", out), 0);
	fclose(out);
	/* best first: one line per match, "SCORE  ID  LANG  MESSAGE" */
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		double score;
		char id[64], lang[8];
		int used = 0;

		cr_assert_eq(sscanf(line, "%lf  %63s  %7s  %n", &score, id,
		    lang, &used), 3, "%s", line);
		cr_assert_str_eq(lang, "en", "%s", line);
		cr_assert_leq(score, prev);
		cr_assert_eq(line[4], ' ');
		cr_assert_eq(line[5], ' ');
		cr_assert_gt(used, 0);
		/* the message in the chosen language: English here */
		cr_assert(strncmp(line + used, "You ", 4) == 0 ||
		    strncmp(line + used, "The ", 4) == 0 ||
		    strncmp(line + used, "This ", 5) == 0, "%s", line);
		prev = score;
		lines++;
	}
	cr_assert_geq(lines, 3);
	free(buf);
}
