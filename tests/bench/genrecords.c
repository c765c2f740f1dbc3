/* SPDX-License-Identifier: MIT */
/* genrecords.c - realistic session records for the --report benchmark:
 * calls walked through a real tree by the engine itself, written by the
 * record's own JSON writer, with an agent and a ticket */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "load.h"
#include "record-json.h"
#include "session.h"
#include "tree.h"

static time_t now;

static time_t
clk(void)
{
	return now;
}

/* A number in [0, n) drawn with weights 1, 1/2, 1/3...: the first answers
 * and texts are the common ones, as in real calls. */
static size_t
zipf(size_t n)
{
	double sum = 0, x;

	for (size_t i = 0; i < n; i++)
		sum += 1.0 / (double)(i + 1);
	x = drand48() * sum;
	for (size_t i = 0; i < n; i++)
		if ((x -= 1.0 / (double)(i + 1)) <= 0)
			return i;
	return n - 1;
}

static const char *const agents[] = { "alice", "bob", "chloe", "david",
	"emma", "farid", "gina", "hugo", "ines", "jules", "karim", "lea" };
static const char *const texts[] = {
	"licence count exceeded for this tenant",
	"AADSTS50020 user account does not exist in tenant",
	"something went wrong please try again later",
	"the page just spins",
	"clé refusée sans message",
	"error 0x80070005",
	"subscription suspended",
	"we couldn't find your account",
	"billing profile is not set up",
	"your organization has reached its limit",
};

/* One call: answers mostly the common ones, back now and then, a search
 * that finds nothing at the error list sometimes; most end at an outcome,
 * a few are quit, fewer interrupted. */
static struct kw_session *
one_call(const struct kw_tree *t, time_t start)
{
	struct kw_session *s;

	now = start;
	s = session_new(t, 0, clk);
	for (int steps = 0; steps < 80; steps++) {
		const struct kw_node *n = session_node(s);
		size_t opt;
		unsigned flags = 0;

		now += 2 + (time_t)(drand48() * drand48() * 90);
		if (n->type == KW_NODE_OUTCOME) {
			session_finish(s);
			return s;
		}
		if (drand48() < 0.015) {
			session_finish(s);	/* quit */
			return s;
		}
		if (drand48() < 0.004)
			return s;		/* interrupted */
		if (n->type == KW_NODE_KEY)
			session_set_key(s, drand48() < 0.9, "XXXXX-XXXXX-"
			    "XXXXX-XXXXX-7QW3K", "A well-formed key.");
		if (n->type == KW_NODE_CHOICE && drand48() < 0.15)
			session_unmatched(s, texts[zipf(sizeof texts /
			    sizeof texts[0])]);
		if (session_depth(s) > 1 && drand48() < 0.05) {
			session_back(s);
			continue;
		}
		opt = zipf(n->nopts);
		if (n->type == KW_NODE_WAIT) {
			if (drand48() < 0.2)
				flags = KW_STEP_SKIPPED;
			else
				now += (time_t)(n->minutes * 60 *
				    (drand48() < 0.2 ? drand48() : 1.0));
		}
		session_answer(s, opt, NULL, flags);
	}
	session_finish(s);
	return s;
}

int
main(int argc, char **argv)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	long n;
	int cant = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: genrecords TREE.yaml N OUTDIR [SEED]\n");
		return 64;
	}
	n = atol(argv[2]);
	srand48(argc > 4 ? atol(argv[4]) : 1);
	load_default_limits(&lim);
	diags_init(&d, argv[1]);
	t = load_tree(argv[1], &lim, &d, &cant);
	if (t == NULL || check_tree(t, 0, &d) > 0) {
		diags_print(&d, stderr);
		return 65;
	}
	diags_free(&d);
	mkdir(argv[3], 0777);
	for (long i = 0; i < n; i++) {
		/* office hours over the 60 days before 2026-11-30 */
		time_t start = 1795996800 - 60 * 86400L + (i % 60) * 86400L +
		    8 * 3600 + (time_t)(drand48() * 9 * 3600);
		struct kw_session *s = one_call(t, start);
		json_t *o = record_to_json(s);
		char path[4096], ticket[32];

		snprintf(ticket, sizeof ticket, "INC%06ld", i + 1);
		json_object_set_new(o, "agent", json_string(agents[zipf(
		    sizeof agents / sizeof agents[0])]));
		json_object_set_new(o, "ticket", json_string(ticket));
		snprintf(path, sizeof path, "%s/rec-%07ld.json", argv[3], i + 1);
		if (json_dump_file(o, path, JSON_INDENT(2) |
		    JSON_PRESERVE_ORDER) < 0) {
			perror(path);
			return 74;
		}
		json_decref(o);
		session_free(s);
	}
	tree_free(t);
	return 0;
}
