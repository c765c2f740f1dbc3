/* SPDX-License-Identifier: MIT */
/* yamlcur.h - the loader's YAML event cursor: libyaml's events one at a time, vetted */
#ifndef KW_YAMLCUR_H
#define KW_YAMLCUR_H

#include <stddef.h>

#include "diag.h"

struct kw_limits;

/*
 * A cursor over the events of one YAML stream (libyaml's parser, fed by
 * the byte stage of reader.c), with one event current. Every event is
 * vetted as it arrives: the limits (events, nesting, string length),
 * no anchors or aliases, only the core tags, no control character from a
 * double-quoted escape, a single document. The schema (load*.c) reads
 * through this and never sees libyaml. Errors go to the diagnostics; the
 * functions that can fail return -1 once the error has been added.
 */
struct ycur;

enum ycur_type {
	YC_OTHER,		/* stream or document start or end */
	YC_STREAM_END,
	YC_MAP,			/* a mapping starts */
	YC_MAP_END,
	YC_SEQ,			/* a list starts */
	YC_SEQ_END,
	YC_SCALAR
};

/* A cursor over `len` bytes at `buf`, or (buf NULL) the regular file `fd`
 * of `len` bytes, streamed; ycur_free frees it. */
struct ycur *ycur_new(const char *buf, size_t len, int fd,
    const struct kw_limits *lim, struct kw_diags *diags);
void ycur_free(struct ycur *c);

/* From the start of the stream to the first event of its one document's
 * root ("empty file" otherwise); and, once the root has been read, past
 * the document's and the stream's end. 0, or -1 after an error. */
int ycur_begin(struct ycur *c);
/* The same where an empty stream (no byte, or only comments) is allowed:
 * 1 with the root's first event current, 0 when empty, -1 after an
 * error. */
int ycur_begin_maybe(struct ycur *c);
int ycur_end(struct ycur *c);

/* Move to the next event, vetted: 0, or -1 after an error. */
int ycur_next(struct ycur *c);
/* Move to the next key of the mapping being read: 1 with the key current,
 * 0 at the mapping's end, -1 after an error (a key that is not a string). */
int ycur_map_next_key(struct ycur *c);
/* Move to the next element of the list being read: 1 with it current, 0
 * at the list's end, -1 after an error. */
int ycur_seq_next(struct ycur *c);

/* The number of mappings and lists open at the current event (its own
 * included when it starts one). */
size_t ycur_depth(const struct ycur *c);
/* After an error in a value of the mapping or list open at `depth` (the
 * cursor at the value's key, or anywhere in the value): move to the value's
 * last event, so that the schema can read on and report more. -1 when the
 * cursor cannot read on (a YAML error, a limit, a feature a tree may not
 * use, each an error already added). */
int ycur_skip(struct ycur *c, size_t depth);

/* The current event: its type, where it starts, a scalar's bytes (NUL
 * terminated; "" for any other event) and their length. */
enum ycur_type ycur_type(const struct ycur *c);
struct kw_pos ycur_pos(const struct ycur *c);
const char *ycur_str(const struct ycur *c);
size_t ycur_len(const struct ycur *c);
/* Whether the current scalar is null (~, null, empty or !!null); a plain
 * scalar without a tag (what YAML would resolve by its look). */
int ycur_is_null(const struct ycur *c);
int ycur_is_plain(const struct ycur *c);

/* The current event must start a mapping (YC_MAP) or a list (YC_SEQ):
 * "expected a mapping for DESC, found ..."; ycur_expect quotes `what`,
 * the name of a field. */
int ycur_expect_in(struct ycur *c, enum ycur_type type, const char *desc);
int ycur_expect(struct ycur *c, enum ycur_type type, const char *what);
/* The current scalar as a non-null string for field `what`: 0, or -1
 * after "expected a string for 'what', found ...". */
int ycur_want_string(struct ycur *c, const char *what);
/* The current scalar as an integer in min..max for field `what`. */
int ycur_read_int(struct ycur *c, const char *what, long long min,
    long long max, long long *out);

/* Where the braces ('{' and '}') of the current scalar are in the file, in
 * order, at most `max` of them: how many were written to out[]. A brace of
 * the value is one of the file's unless a double-quoted escape made it. */
size_t ycur_braces(struct ycur *c, struct kw_pos *out, size_t max);

/* Add the error `fmt` at `pos`; returns -1. */
int ycur_fail(struct ycur *c, struct kw_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A value for a message, cut to 40 bytes at a character boundary; in one
 * of three slots (0..1 for callers) so that a message can quote two
 * values; valid until the slot is used again. */
const char *ycur_show(struct ycur *c, int slot, const char *s, size_t n);
/* The current event for "expected X, found Y": "a mapping", "'text'"... */
const char *ycur_found(struct ycur *c);

#endif
