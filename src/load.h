/* SPDX-License-Identifier: MIT */
/* load.h - reading a YAML decision tree into a kw_tree (libyaml) */
#ifndef KW_LOAD_H
#define KW_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "tree.h"

/* What the loader accepts at most; see keywiz-tree(5) "LIMITS". */
struct kw_limits {
	size_t max_bytes;	/* file size */
	size_t max_depth;	/* nesting of mappings and sequences */
	size_t max_nodes;	/* tree nodes */
	size_t max_string;	/* bytes in one scalar */
	size_t max_events;	/* YAML events in the whole file */
};

/* The defaults; KEYWIZ_MAX_TREE_BYTES in the environment raises max_bytes
 * (and scales max_nodes and max_events with it). */
void load_default_limits(struct kw_limits *lim);

/*
 * Load the tree in `path` ("-" for standard input). On success returns the
 * tree with its nodes linked (option->next set where the target exists) and
 * indexed; it has not been checked: run check_tree() before using it.
 * On failure returns NULL and adds at least one error to `diags` (which the
 * caller has initialised with the file name). `*cant_open` is set when the
 * file could not be opened or read at all (exit 66 rather than 65).
 * The caller owns the tree (tree_free).
 */
struct kw_tree *load_tree(const char *path, const struct kw_limits *lim,
    struct kw_diags *diags, int *cant_open);

/* The same, from a buffer (tests and fuzzing); `name` is used in messages. */
struct kw_tree *load_tree_mem(const char *buf, size_t len,
    const struct kw_limits *lim, struct kw_diags *diags);

#endif
