/* SPDX-License-Identifier: MIT */
/* record-replay.h - what the replay of a record keeps, and the readers of its fields that refuse what does not fit (record-resume.c's) */
#ifndef KW_RECORD_REPLAY_H
#define KW_RECORD_REPLAY_H

#include <stddef.h>
#include <time.h>

#include "tree.h"

struct json_t;		/* jansson's json_t (only record*.c include it) */

#define TEXT_MAX (64 * 1024)	/* a note or a pasted answer */
#define ID_MAX 256		/* a node or answer id */

struct replay {
	const struct kw_tree *t;
	const char *path;	/* the file, named in refusals; or NULL */
	char *err;
	size_t errsize;
	int changed;		/* the tree's structure hash differs */
	size_t ev;		/* the event being replayed (0-based) */
	int failed;		/* rp_refuse() was called */
	int remasked;		/* a key showed more than its last five */
	const char *summary;	/* the key's analysis, for the last key
				 * event */
	size_t last_key;	/* the index of the last key event */
};

/* "PATH: message" (or the message alone), in err; returns -1. */
int rp_refuse(struct replay *rp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The string at `key` of `o`: NULL (and a refusal) when missing, not a
 * string, empty, longer than `max` or holding a NUL. */
const char *rp_str(struct replay *rp, struct json_t *o, const char *key,
    size_t max);
/* A non-negative integer at `key`, at most `max`; -1 (refused) if not. */
long long rp_uint(struct replay *rp, struct json_t *o, const char *key,
    long long max);
/* true/false at `key`: 1 or 0; -1 (refused) if not. */
int rp_bool(struct replay *rp, struct json_t *o, const char *key);
/* A record's time at `key`, into *t: 0, or -1 (refused). */
int rp_time(struct replay *rp, struct json_t *o, const char *key, time_t *t);
/* A tick as a record says it: true/false, or "on"/"off" as records
 * written before the ticks were typed may say it. */
int rp_tick(struct replay *rp, struct json_t *o, const char *key);

#endif
