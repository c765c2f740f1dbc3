/* SPDX-License-Identifier: MIT */
/* run.h - what main dispatches to once a tree is needed */
#ifndef KW_RUN_H
#define KW_RUN_H

#include <stdio.h>

#include "cmd.h"
#include "diag.h"
#include "session.h"
#include "tree.h"

/* Load and check the tree at `path` to run it (a training session shows
 * the `why` there is: keywiz --check --training insists on every one):
 * NULL when it does not load or check clean, the reasons in `d` (which the
 * caller frees either way), *cant_open set if the file could not be
 * opened. */
struct kw_tree *run_tree(const char *path, struct kw_diags *d,
    int *cant_open);
/* Load and check the tree at o->tree_path; on failure print the
 * diagnostics to stderr, set *status (65 or 66) and return NULL. */
struct kw_tree *run_load(const struct kw_opts *o, int *status);
/* The index of the UI language in the tree (its first one if the tree
 * lacks it, with a warning on stderr). */
size_t run_lang(const struct kw_tree *t, const struct kw_opts *o);

/* --pick (or `pick: true` and no TREE): the pick screen in the front end
 * the session would have; the path of the tree chosen (caller frees), or
 * NULL with *status 1 (the user quit) or 66 (no tree found). */
char *run_pick(const struct kw_opts *o, int *status);

/* The interactive session, in the plain or the curses front end. */
int run_session(const struct kw_opts *o);
/*
 * The end of a call, however it ended (completed, quit, interrupted): its
 * record saved where -o or --resume says, and in the records folder under
 * a name of its own, then the end-of-call command run on the JSON record.
 * A record that cannot be saved is printed on stderr. Returns 0,
 * KW_EXIT_IOERR (a record not saved) or KW_EXIT_TEMPFAIL (the command
 * failed; the record is kept). *where (when not NULL) is the file the
 * record was saved in, -o's before the folder's (NULL: none; to free).
 */
int run_end_records(const struct kw_opts *o, const struct kw_session *s,
    char **where);

/* --check-key and --match with the tree loaded. */
int run_check_key(const struct kw_opts *o, const char *key);
int run_match(const struct kw_opts *o, const char *text);

/* Load the tree and print it with `print` (cmd_dot, cmd_guide). */
int run_print(const struct kw_opts *o,
    int (*print)(const struct kw_tree *, size_t, FILE *));

#endif
