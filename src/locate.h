/* SPDX-License-Identifier: MIT */
/* locate.h - finding a tree file by name */
#ifndef KW_LOCATE_H
#define KW_LOCATE_H

#include <stddef.h>

#define KW_DEFAULT_TREE "m365-product-key"
/* $XDG_DATA_DIRS when it is unset or empty (the XDG base directory
 * specification's default). */
#define KW_XDG_DATA_DIRS "/usr/local/share:/usr/share"

/* The folders trees are looked up in, first first (keywiz(1) TREES). */
struct kw_folders {
	char **v;		/* n folder names, owned */
	size_t n, cap;
};

/*
 * Each folder of $KEYWIZ_PATH (colon-separated), then $XDG_DATA_HOME/keywiz
 * (default ~/.local/share/keywiz), then each $XDG_DATA_DIRS folder's keywiz
 * (default /usr/local/share:/usr/share; relative entries are ignored, as
 * the XDG specification says), then the bundled trees, datadir_wizard(),
 * and the examples, datadir_examples(). locate_folders_free frees them.
 */
void locate_folders(struct kw_folders *f);
void locate_folders_free(struct kw_folders *f);

/*
 * The path of the tree `arg` names: a path (it has a '/', ends in .yaml or
 * .yml, names an existing file that is not a folder, or is "-") is taken
 * as it is; a bare NAME (NULL for the default tree) is looked up as
 * NAME.yaml in each of locate_folders(), the first found winning. Returns
 * a new string (caller frees), or NULL when a bare name is found nowhere.
 */
char *locate_tree(const char *arg);

/* The tree whose id is `id` (from a session record, not trusted): looked up
 * as NAME.yaml in the same folders, never taken as a path. NULL when `id`
 * is not a valid tree id or no folder has it. */
char *locate_tree_id(const char *id);

#endif
