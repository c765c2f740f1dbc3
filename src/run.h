/* SPDX-License-Identifier: MIT */
/* run.h - what main dispatches to once a tree is needed */
#ifndef KW_RUN_H
#define KW_RUN_H

#include <stdio.h>

#include "cmd.h"
#include "diag.h"
#include "tree.h"

/* Load and check the tree at `path` (check flags KW_CHECK_*): NULL when
 * it does not load or check clean, the reasons in `d` (which the caller
 * frees either way), *cant_open set if the file could not be opened. */
struct kw_tree *run_tree(const char *path, unsigned flags,
    struct kw_diags *d, int *cant_open);
/* Load and check the tree at o->tree_path; on failure print the
 * diagnostics to stderr, set *status (65 or 66) and return NULL. */
struct kw_tree *run_load(const struct kw_opts *o, int *status);
/* The index of the UI language in the tree (its first one if the tree
 * lacks it, with a warning on stderr). */
size_t run_lang(const struct kw_tree *t, const struct kw_opts *o);

/* The interactive session, in the plain or the curses front end. */
int run_session(const struct kw_opts *o);
/* --check-key and --match with the tree loaded. */
int run_check_key(const struct kw_opts *o, const char *key);
int run_match(const struct kw_opts *o, const char *text);

/* Load the tree and print it with `print` (cmd_dot, cmd_guide). */
int run_print(const struct kw_opts *o,
    int (*print)(const struct kw_tree *, size_t, FILE *));

#endif
