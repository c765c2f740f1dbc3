/* SPDX-License-Identifier: MIT */
/* record-int.h - what the record's writers and its reader share (record.c):
 * the session as a record sees it, and the record's times */
#ifndef KW_RECORD_INT_H
#define KW_RECORD_INT_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "session.h"
#include "tree.h"

/* What both formats say about the session as a whole; borrows the session. */
struct rec {
	const struct kw_session *s;
	const struct kw_tree *t;
	size_t lang;
	time_t started, ended;
	const char *status;	/* "completed", "quit" or "interrupted" */
	char hash[32];
	char day[16];		/* the start's local date, YYYY-MM-DD */
};

void record_rec_init(struct rec *r, const struct kw_session *s);

/* The longest time record_iso_time() writes, its NUL included. */
#define RECORD_TIME_MAX 40

/* ISO 8601 local time with its offset: 2026-11-24T11:00:00+01:00. */
void record_iso_time(time_t t, char *buf, size_t size);
/* Parse what record_iso_time() writes (or a "Z" offset). Returns 0 or -1. */
int record_parse_time(const char *s, time_t *out);

/* Whether `t` can be written in a record: from 1970 (UTC) to the end of
 * KW_RECORD_YEAR_MAX (local time). */
int record_time_ok(time_t t);
/* Whether every time of the session can. */
int record_times_ok(const struct kw_session *s);

/*
 * keywiz writes a key masked to its last five characters ("XXXXX-XXXXX-
 * XXXXX-XXXXX-7QW3K"): a record showing more was edited or damaged, and
 * what it shows may be a whole key. `masked` masked again in `buf` (`size`
 * bytes) the same way: every character before the last five (the dashes
 * aside) becomes an X. Returns 1 when it had to be.
 */
int record_remask_key(const char *masked, char *buf, size_t size);

/* What atomic_write*() is given to write a record: the session, in JSON
 * (json 1) or Markdown. */
struct save {
	const struct kw_session *s;
	int json;
};
int record_put(FILE *fp, void *arg);
/* "PATH: reason" in `err` for the errno a record's save failed with. */
void record_save_error(const char *path, char *err, size_t errsize);

/* What a file of `mode` is, in words ("a folder", "a FIFO", ...). */
const char *record_file_kind(mode_t mode);

/* The words of answer `opt` of node `n`: the option's label, or
 * "Continue". */
const char *record_answer_label(const struct kw_node *n, int opt,
    size_t lang);

#endif
