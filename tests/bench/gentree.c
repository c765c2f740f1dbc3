/* SPDX-License-Identifier: MIT */
/* gentree.c - write a synthetic keywiz tree of N nodes for the benchmarks */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * usage: gentree NODES [MESSAGES [SEED]]
 *
 * Writes to standard output a tree in the real format (keywiz-tree(5)) with
 * NODES nodes: node 0 is a key node, every node is the target of an earlier
 * one (so all are reachable from start), every edge goes forward (so every
 * node reaches an outcome and every target exists), and a node is an
 * outcome once no new node is left to point at. Choices have 2 to 4
 * options; questions and waits 2, steps 1. Strings are ~200 bytes of
 * English and French prose (titles and labels shorter), folded as the
 * bundled tree writes them. At most MESSAGES choice options carry an error
 * message (default: all). The same arguments always give the same file.
 */

#define WRAP 72
#define TEXT_BYTES 200
#define SHORT_BYTES 48

static uint64_t rng_state = 88172645463325252ULL;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

static const char *const words_en[] = {
	"the", "key", "product", "subscription", "admin", "center", "account",
	"license", "licenses", "check", "again", "before", "after", "your",
	"organization", "reseller", "partner", "support", "invoice", "e-mail",
	"card", "billing", "global", "administrator", "renew", "trial", "offer",
	"service", "region", "country", "minutes", "wait", "retry", "enter",
	"characters", "groups", "five", "printed", "users", "active", "filter",
	"role", "assign", "signed", "work", "school", "tenant", "domain",
	"expired", "used", "valid", "invalid", "already", "different", "new",
	"unused", "bought", "from", "with", "and", "or", "not", "that", "this",
	"is", "are", "was", "be", "to", "of", "in", "on", "for", "it", "if",
	"when", "ask", "someone", "who", "can", "must", "should", "message",
	"screen", "page", "shows", "setup", "redeem", "volume", "licensing",
	"seats", "maximum", "number", "plan", "business", "premium", "basic",
	"standard", "apps", "desktop", "mailbox", "helpdesk", "ticket", "call",
	"request", "status", "portal", "browser", "sign", "out", "into", "list"
};

static const char *const words_fr[] = {
	"la", "clé", "produit", "abonnement", "administrateur", "centre",
	"compte", "licence", "licences", "vérifiez", "encore", "avant", "après",
	"votre", "organisation", "revendeur", "partenaire", "support",
	"facture", "e-mail", "carte", "facturation", "général", "renouveler",
	"essai", "offre", "service", "région", "pays", "minutes", "attendez",
	"réessayez", "entrez", "caractères", "groupes", "cinq", "imprimée",
	"utilisateurs", "actifs", "filtre", "rôle", "attribuez", "connecté",
	"travail", "école", "locataire", "domaine", "expirée", "utilisée",
	"valide", "non", "déjà", "différente", "nouvelle", "inutilisée",
	"achetée", "auprès", "avec", "et", "ou", "pas", "que", "cette", "est",
	"sont", "était", "être", "à", "de", "du", "dans", "sur", "pour", "si",
	"quand", "demandez", "quelqu’un", "qui", "peut", "doit", "message",
	"écran", "page", "affiche", "échangez", "volume", "gestion", "postes",
	"maximum", "nombre", "forfait", "entreprise", "premium", "standard",
	"applications", "bureau", "boîte", "assistance", "ticket", "appel",
	"demande", "état", "portail", "navigateur", "connectez-vous", "liste",
	"l’administrateur", "d’abord", "n’est", "s’il"
};

#define NWORDS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const langs[] = { "en", "fr" };

enum type { T_KEY, T_CHOICE, T_QUESTION, T_STEP, T_WAIT, T_OUTCOME };

struct gnode {
	enum type type;
	size_t first, n;	/* targets: n node indexes from targets[first] */
};

static size_t *targets;
static struct gnode *nodes;
static size_t nnodes;
static size_t messages_left;

static const char *
word(int lang)
{
	if (lang == 0)
		return words_en[rng() % NWORDS(words_en)];
	return words_fr[rng() % NWORDS(words_fr)];
}

static void
node_id(char *buf, size_t len, size_t i)
{
	static const char *const stem[] = {
		"check", "ask", "wait", "contact", "verify", "renew", "retry",
		"find", "enter", "compare"
	};
	static const char *const what[] = {
		"key", "role", "tenant", "reseller", "license", "region", "offer",
		"invoice", "partner", "account", "seats", "trial"
	};

	snprintf(buf, len, "%s-%s-%zu", stem[i % 10], what[(i / 10) % 12], i);
}

/* A sentence-cased run of words of about `bytes` bytes, into `out`. */
static size_t
prose(char *out, size_t cap, int lang, size_t bytes, int period)
{
	size_t n = 0;
	int start = 1;

	while (n < bytes && n + 40 < cap) {
		const char *w = word(lang);

		if (n > 0)
			out[n++] = ' ';
		memcpy(out + n, w, strlen(w));
		if (start && out[n] >= 'a' && out[n] <= 'z')
			out[n] -= 'a' - 'A';
		start = 0;
		n += strlen(w);
		if (period && rng() % 9 == 0 && n + 20 < bytes) {
			out[n++] = rng() % 3 == 0 ? ',' : '.';
			start = out[n - 1] == '.';
		}
	}
	if (period)
		out[n++] = '.';
	out[n] = '\0';
	return n;
}

/* A folded block scalar (>-) at `indent`, wrapped like a person would. */
static void
put_folded(const char *s, int indent)
{
	size_t col = 0;

	fputs(">-\n", stdout);
	while (*s != '\0') {
		size_t w = strcspn(s, " ");

		if (col == 0)
			col = (size_t)printf("%*s", indent, "");
		else if (col + 1 + w > WRAP) {
			col = (size_t)printf("\n%*s", indent, "");
		} else {
			putchar(' ');
			col++;
		}
		fwrite(s, 1, w, stdout);
		col += w;
		s += w;
		while (*s == ' ')
			s++;
	}
	putchar('\n');
}

/* A TEXT field: long prose (folded) or a short plain title. */
static void
put_text(const char *field, int indent, size_t bytes)
{
	char buf[1024];

	printf("%*s%s:\n", indent, "", field);
	for (int l = 0; l < 2; l++) {
		printf("%*s%s: ", indent + 2, "", langs[l]);
		if (bytes > SHORT_BYTES) {
			prose(buf, sizeof buf, l, bytes, 1);
			put_folded(buf, indent + 4);
		} else {
			prose(buf, sizeof buf, l, bytes, 0);
			printf("%s\n", buf);
		}
	}
}

/* A checklist item: a short TEXT in a sequence. */
static void
put_item(void)
{
	char buf[256];

	for (int l = 0; l < 2; l++) {
		prose(buf, sizeof buf, l, SHORT_BYTES * 2, 0);
		printf("      %s %s: %s\n", l == 0 ? "-" : " ", langs[l], buf);
	}
}

static void
put_target(const char *field, int indent, size_t target)
{
	char id[64];

	node_id(id, sizeof id, target);
	printf("%*s%s: %s\n", indent, "", field, id);
}

static void
put_option(size_t i, size_t k, size_t target)
{
	char buf[1024];

	printf("      - id: opt-%zu\n", k + 1);
	put_text("label", 8, SHORT_BYTES);
	if (messages_left > 0) {
		messages_left--;
		put_text("message", 8, TEXT_BYTES);
		if ((i + k) % 4 == 0) {
			printf("        match:\n");
			for (int l = 0; l < 2; l++) {
				printf("          %s:\n            - ", langs[l]);
				prose(buf, sizeof buf, l, TEXT_BYTES / 2, 1);
				put_folded(buf, 14);
			}
		}
	}
	put_target("next", 8, target);
}

static void
put_node(size_t i)
{
	static const char *const type_names[] = {
		"key", "choice", "question", "step", "wait", "outcome"
	};
	static const char *const results[] = {
		"resolved", "escalate", "redirect", "unresolved"
	};
	const struct gnode *g = &nodes[i];
	const size_t *tg = targets + g->first;
	char id[64];

	node_id(id, sizeof id, i);
	printf("\n  %s:\n    type: %s\n", id, type_names[g->type]);
	put_text("title", 4, SHORT_BYTES / 2);
	put_text("text", 4, TEXT_BYTES);
	if (g->type != T_OUTCOME)
		put_text("why", 4, TEXT_BYTES);
	if (i % 7 == 3)
		printf("    links:\n      - https://admin.microsoft.com/"
		    "#/%s\n", id);
	switch (g->type) {
	case T_KEY:
		put_target("next", 4, tg[0]);
		break;
	case T_STEP:
		if (i % 3 != 0) {
			printf("    items:\n");
			for (size_t k = 0; k < 1 + i % 3; k++)
				put_item();
		}
		put_target("next", 4, tg[0]);
		break;
	case T_QUESTION:
		put_target("yes", 4, tg[0]);
		put_target("no", 4, tg[1]);
		break;
	case T_WAIT:
		printf("    minutes: %zu\n", 1 + i % 60);
		put_target("worked", 4, tg[0]);
		put_target("failing", 4, tg[1]);
		break;
	case T_CHOICE:
		printf("    options:\n");
		for (size_t k = 0; k < g->n; k++)
			put_option(i, k, tg[k]);
		break;
	case T_OUTCOME:
		printf("    result: %s\n", results[i % 4]);
		if (i % 4 == 1) {
			put_text("contact", 4, TEXT_BYTES / 2);
			put_text("tell", 4, TEXT_BYTES);
		}
		break;
	}
}

/* Shape the graph: see the comment at the top. */
static void
shape(void)
{
	size_t next_free = 1, ntargets = 0;

	for (size_t i = 0; i < nnodes; i++) {
		struct gnode *g = &nodes[i];
		uint32_t r = rng() % 10;

		g->first = ntargets;
		if (i == 0) {
			g->type = T_KEY;
			g->n = 1;
		} else if (next_free >= nnodes) {
			g->type = T_OUTCOME;
			g->n = 0;
		} else if (r < 4) {
			g->type = T_CHOICE;
			g->n = 2 + rng() % 3;
		} else if (r < 6) {
			g->type = T_QUESTION;
			g->n = 2;
		} else if (r < 7) {
			g->type = T_WAIT;
			g->n = 2;
		} else {
			g->type = T_STEP;
			g->n = 1;
		}
		for (size_t k = 0; k < g->n; k++) {
			if (next_free < nnodes)
				targets[ntargets++] = next_free++;
			else
				targets[ntargets++] = i + 1 + rng() %
				    (nnodes - i - 1);
		}
	}
}

int
main(int argc, char **argv)
{
	char id[64];

	if (argc < 2 || argc > 4 || (nnodes = strtoul(argv[1], NULL, 10)) < 2) {
		fprintf(stderr, "usage: gentree NODES [MESSAGES [SEED]]\n");
		return 64;
	}
	messages_left = argc > 2 ? strtoul(argv[2], NULL, 10) : SIZE_MAX;
	if (argc > 3)
		rng_state ^= strtoull(argv[3], NULL, 10) * 0x9E3779B97F4A7C15ULL;
	nodes = calloc(nnodes, sizeof *nodes);
	targets = calloc(nnodes * 4, sizeof *targets);
	if (nodes == NULL || targets == NULL) {
		perror("gentree");
		return 71;
	}
	shape();
	node_id(id, sizeof id, 0);
	printf("# SPDX-License-Identifier: MIT\n"
	    "# generated by tests/bench/gentree %zu: a synthetic tree for "
	    "make bench\n\n"
	    "keywiz: 1\nid: bench-%zu\nversion: \"bench\"\n", nnodes, nnodes);
	put_text("title", 0, SHORT_BYTES);
	printf("languages: [en, fr]\n"
	    "product_key:\n  groups: 5\n  group_length: 5\n"
	    "  alphabet: BCDFGHJKMNPQRTVWXY2346789\n"
	    "start: %s\n\nnodes:\n", id);
	for (size_t i = 0; i < nnodes; i++)
		put_node(i);
	free(nodes);
	free(targets);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gentree");
		return 74;
	}
	return 0;
}
