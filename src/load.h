/* SPDX-License-Identifier: MIT */
/* load.h - reading a YAML decision tree into a kw_tree (libyaml) */
#ifndef KW_LOAD_H
#define KW_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "tree.h"

/* Options in one choice, and checklist items in one step (the session
 * keeps their ticks in 64 bits). */
#define KW_OPTIONS_MAX	64
#define KW_ITEMS_MAX	64
/* A wait node's minutes are 1..KW_MINUTES_MAX (a day); a product key has
 * 1..KW_KEYFMT_MAX groups of 1..KW_KEYFMT_MAX characters. */
#define KW_MINUTES_MAX	1440
#define KW_KEYFMT_MAX	10
/* Load errors reported at most before loading stops. */
#define KW_LOAD_ERRORS_MAX 100

/* What the loader accepts at most; see keywiz-tree(5) "LIMITS". */
struct kw_limits {
	size_t max_bytes;	/* file size */
	size_t max_depth;	/* nesting of mappings and sequences */
	size_t max_nodes;	/* tree nodes */
	size_t max_string;	/* bytes in one scalar */
	size_t max_events;	/* YAML events in the whole file */
};

/* The defaults: 16 MiB, depth 64, 16384 nodes, 64 KiB strings, 500,000
 * events, so that any file up to 16 MiB loads or is refused in well under
 * a second and 64 MB. KEYWIZ_MAX_TREE_BYTES in the environment (a number
 * of bytes) sets max_bytes, and raises max_nodes to bytes/64 and
 * max_events to bytes/2 when those are larger than the defaults. */
void load_default_limits(struct kw_limits *lim);

/*
 * Load the tree in `path` ("-" for standard input). On success returns the
 * tree with its nodes linked (option->next set where the target exists) and
 * indexed; it has not been checked: run check_tree() before using it.
 * On failure returns NULL and adds its errors to `diags` (which the caller
 * has initialised with the file name): every one it can find, reading on
 * after an error whose place it knows, up to KW_LOAD_ERRORS_MAX and a last
 * line saying so.
 * `*cant_open` is set when the file could not be opened or read at all
 * (exit 66 rather than 65).
 * The caller owns the tree (tree_free).
 */
struct kw_tree *load_tree(const char *path, const struct kw_limits *lim,
    struct kw_diags *diags, int *cant_open);

/* The same, from a buffer of `len` bytes (tests and fuzzing; it need not be
 * NUL-terminated); the file name in messages is the one `diags` holds. */
struct kw_tree *load_tree_mem(const char *buf, size_t len,
    const struct kw_limits *lim, struct kw_diags *diags);

#endif
