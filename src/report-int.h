/* SPDX-License-Identifier: MIT */
/* report-int.h - what the report's reader (report-read.c), its statistics
 * (report.c, report-stat.c) and its printers (report-out.c) share */
#ifndef KW_REPORT_INT_H
#define KW_REPORT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "report.h"
#include "tree.h"

/*
 * Durations in a histogram of whole seconds, so that a median costs the
 * same memory for ten records or ten million: one bucket per second below
 * an hour (records keep seconds, so those quantiles are exact), one per
 * minute up to a day, one per hour up to 31 days, then one for longer.
 * A quantile is the nearest rank's bucket, as its lower bound.
 */
#define HIST_SECS 3600
#define HIST_MINS (24 * 60 - 60)
#define HIST_HOURS (31 * 24 - 24)
#define HIST_N (HIST_SECS + HIST_MINS + HIST_HOURS + 1)

struct hist {
	uint32_t *b;		/* HIST_N buckets, allocated at the first value */
	unsigned long n;
};

void hist_add(struct hist *h, long secs);
/* The `p` quantile (0 < p <= 1) by nearest rank, in seconds; -1 if empty. */
long hist_quantile(const struct hist *h, double p);
void hist_free(struct hist *h);

/* The counts a tally entry keeps; each table uses the ones it names. */
enum {
	C_N,			/* records, visits, answers: the main count */
	C_RESOLVED, C_ESCALATE, C_REDIRECT, C_UNRESOLVED, C_QUIT, C_INTERRUPTED,
	C_ABANDONED,		/* node: last node of a quit or interrupted call */
	C_BACK,			/* node: went back (or restarted) from it */
	C_SKIPPED,		/* node: a wait skipped */
	C_CUT,			/* node: a wait answered before its time */
	C_COUNT
};

/* A count by key (a node id, an answer, an agent, a text), with a label
 * for people and a histogram of durations when the table keeps one. */
struct tally {
	char *key;
	char *label;		/* or NULL: the key */
	unsigned long c[C_COUNT];
	struct hist h;
};

/* A hash table of tallies; grows with the number of keys, never with the
 * number of records. `max` > 0 caps the keys: the rest go to `over`. */
struct tab {
	struct tally **e;
	size_t n, cap, max;
	unsigned long over;
};

struct tally *tab_get(struct tab *t, const char *key);
/* The entry for `key`, or NULL (nothing added). */
struct tally *tab_find(const struct tab *t, const char *key);
/* The entries, most counted (by c[col]) first, then by key; a new array
 * of t->n pointers (caller frees the array only). */
struct tally **tab_sorted(const struct tab *t, int col);
void tab_free(struct tab *t);

/* The records of one tree and version, reported together. */
struct rgroup {
	char *id, *version, *hash;
	const struct kw_tree *tree;	/* installed with this structure, or
					 * NULL */
	int installed;		/* 1 this version, 0 the tree not found, -1 an
				 * installed tree with another structure */
	size_t lang;		/* the interface language in `tree` */
	time_t first, last;	/* started, earliest and latest */
	unsigned long n;
	unsigned long status[C_COUNT];	/* outcome counts over the group */
	struct hist calls;	/* call durations */
	struct tab outcomes;	/* escalated calls by contact */
	struct tab errors;	/* by error option */
	struct tab nodes;	/* by node: visits, time, abandoned, back... */
	struct tab edges;	/* by "node\037answer": answers given */
	struct tab unmatched;	/* by text: searches that matched nothing */
	struct tab agents;	/* by agent: outcomes and durations */
	char cur[KW_ID_MAX * 4 + 1];	/* the record being read: the node
					 * last shown, and when */
	time_t cur_t;
};

struct report {
	const struct report_opts *o;
	struct rgroup **g;
	size_t ng, gcap;
	struct kw_tree **trees;	/* loaded for the groups; owned */
	size_t ntrees, tcap;
	unsigned long records, skipped, filtered;
	int cant_open;		/* an argument could not be opened */
	struct revent *ev;	/* the events of the record being read */
	size_t nev, evcap;
};

/* What report-read.c finds in one record (borrowed strings). */
struct rrec {
	const char *tree, *version, *hash;
	const char *status;	/* completed, quit, interrupted */
	const char *agent;	/* or NULL */
	time_t started, ended;
	int has_ended;
	const char *out_node, *out_result, *out_contact;	/* or NULL */
	const char *err_option, *err_label;		/* or NULL */
	const char *last_node;	/* the path's last step, or NULL */
};

/* One event of a record, as the statistics read it. */
struct revent {
	const char *type, *node;
	time_t t;
	const char *answer;	/* answer: the answer's id */
	const char *text;	/* unmatched: the text */
	int skipped;		/* answer: a wait skipped */
};

/* Free what the report holds (its groups, the trees it loaded). */
void report_free(struct report *r);

/* Skip `path` with "keywiz: PATH: reason" on stderr, counted. */
void report_skip(struct report *r, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Read one file (report-read.c): a record counted, or a skip. */
void report_read_file(struct report *r, const char *path);
/* The record in `buf` (`len` bytes, changed: its strings are decoded in
 * place) into *rec and r->ev: 0, or -1 with why it cannot be counted in
 * `err` (where, for JSON that is not valid). */
int report_scan(struct report *r, char *buf, size_t len, struct rrec *rec,
    char *err, size_t errsize);

/* The group of record `rec` (made and its tree looked up the first time),
 * or NULL when the record is outside --since/--until (counted). */
struct rgroup *report_begin(struct report *r, const struct rrec *rec);
void report_event(struct rgroup *g, const struct revent *ev);
void report_end(struct rgroup *g, const struct rrec *rec);

/* A key-shaped string in `s` masked (last five characters kept), control
 * characters out, white space collapsed; a new string. */
char *report_text(const char *s);
/* `s` safe for the terminal (no control character, one line); new. */
char *report_safe(const char *s);

/* ---- the report as tables (report-table.c), for every printer ---- */

enum rkind {
	K_COUNT,		/* a number */
	K_SHARE,		/* a count shown as its share of the total */
	K_SECS			/* a duration in seconds, -1 none */
};

struct rcol {
	const char *id;		/* CSV and JSON name */
	const char *title;	/* translated heading */
	enum rkind kind;
};

struct rrow {
	const char *key;	/* borrowed */
	char *label;		/* owned, safe for a terminal */
	long v[8];
};

struct rtable {
	const char *id;		/* outcome, contact, error, ... */
	const char *title;	/* translated */
	const struct rcol *cols;
	size_t ncols;
	int bar;		/* the column drawn as a bar, or -1 */
	unsigned long total;	/* what K_SHARE columns are shares of */
	struct rrow *rows;
	size_t nrows, cap;
	unsigned long over;	/* keys not kept (the text cap) */
};

#define RTABLES 10

/* The tables of group `g`, in the order they print; each freed with
 * rtables_free(). */
void rtables_build(const struct report *r, const struct rgroup *g,
    struct rtable *t);
void rtables_free(struct rtable *t);
/* What a group is, for its heading: 1 installed, 0 the tree not found,
 * -1 not the installed version. And its title (tree's, or the id). */
const char *rgroup_title(const struct rgroup *g);

/* The printers (report-out.c); 0 or -1 on a write error. */
int report_print_text(const struct report *r, FILE *out);
int report_print_csv(const struct report *r, FILE *out);
int report_print_json(const struct report *r, FILE *out);
/* --report --dot: each installed tree's drawing with its traffic. */
int report_print_dot(const struct report *r, FILE *out);

#endif
