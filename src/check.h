/* SPDX-License-Identifier: MIT */
/* check.h - semantic checks of a loaded tree */
#ifndef KW_CHECK_H
#define KW_CHECK_H

#include "diag.h"
#include "tree.h"

enum {
	KW_CHECK_TRAINING = 1 << 0	/* also require `why` on questions,
					 * steps and choices, every language */
};

/*
 * Check a loaded tree's meaning and add what is wrong to `diags`:
 * errors: unknown targets, unknown start, outcomes with options, options
 * missing where needed, paths that cannot reach an outcome, missing
 * translations, wait without minutes, invalid key format;
 * warnings: unreachable nodes, links that are not http(s) URLs, etc.
 * Returns the number of errors added (0: the tree is safe to run).
 */
size_t check_tree(const struct kw_tree *t, unsigned flags,
    struct kw_diags *diags);

#endif
