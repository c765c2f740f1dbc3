/* SPDX-License-Identifier: MIT */
/* locate.h - finding a tree file by name */
#ifndef KW_LOCATE_H
#define KW_LOCATE_H

#define KW_DEFAULT_TREE "m365-product-key"

/*
 * The path of the tree `arg` names: a path (it has a '/', ends in .yaml or
 * .yml, names an existing file that is not a folder, or is "-") is taken
 * as it is; a bare NAME (NULL for the default tree) is looked up as
 * NAME.yaml in each folder of $KEYWIZ_PATH (colon-separated), then
 * $XDG_DATA_HOME/keywiz (default ~/.local/share/keywiz), then the bundled
 * trees, datadir_wizard(), and the examples, datadir_examples(). Returns a new string (caller frees), or
 * NULL when a bare name is found nowhere.
 */
char *locate_tree(const char *arg);

/* The tree whose id is `id` (from a session record, not trusted): looked up
 * as NAME.yaml in the same folders, never taken as a path. NULL when `id`
 * is not a valid tree id or no folder has it. */
char *locate_tree_id(const char *id);

#endif
