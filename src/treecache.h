/* SPDX-License-Identifier: MIT */
/* treecache.h - a compiled, checked copy of each tree, read before its YAML */
#ifndef KW_TREECACHE_H
#define KW_TREECACHE_H

#include <stddef.h>

#include "load.h"
#include "tree.h"

/*
 * Like tic's terminfo or Python's .pyc: once a YAML tree has loaded and
 * checked without a single diagnostic, its compiled form goes to
 * $XDG_CACHE_HOME/keywiz/tree-HASH.kwc (else ~/.cache/keywiz/), HASH being
 * the FNV-1a of the tree's real path, so each tree has one file that each
 * new version of it replaces. The next run reads that instead of parsing
 * the YAML, as long as the file's content, this keywiz and the loader's
 * limits are the same. Anything wrong with the cache is a miss, never an
 * error: the YAML is loaded as before and the cache written again.
 *
 * The file is a flat little-endian stream without pointers or offsets
 * (every field of the tree in a fixed order), read back with every length,
 * count, enum and string checked, then linked, indexed and checked again
 * with check_tree() like a tree from the loader.
 */

/* The stream's version: it goes up whenever the stream changes, that is
 * whenever a field is added to the tree's structs (tree.h). */
#define KW_TREECACHE_VERSION 1

struct kw_treecache;

/*
 * The cache of the tree file `tree_path` under the limits `lim` (which
 * must be those it is loaded with). NULL when there is none: the variable
 * KEYWIZ_NO_CACHE is set and not empty, the tree is standard input ("-"),
 * not a regular file or not there, or neither XDG_CACHE_HOME nor HOME is
 * an absolute path. Free with treecache_close().
 */
struct kw_treecache *treecache_open(const char *tree_path,
    const struct kw_limits *lim);

/*
 * The tree from the cache, checked by check_tree() with `flags`, if the
 * cache holds one for the tree file's current content; else NULL (a miss,
 * said nowhere). Its `file` is the path given to treecache_open(). The
 * caller owns the tree (tree_free).
 */
struct kw_tree *treecache_load(struct kw_treecache *c, unsigned flags);

/*
 * Write tree `t` to the cache: `t` must have been loaded from the tree file
 * after treecache_load() and checked without any diagnostic. Nothing is
 * written if the file has changed since treecache_load() read it. Creates
 * the cache folder (0700) if needed; the file is replaced atomically.
 * Returns 0, or -1 when nothing was written (and nothing said).
 */
int treecache_save(struct kw_treecache *c, const struct kw_tree *t);

/* Frees the handle; accepts NULL. */
void treecache_close(struct kw_treecache *c);

/* The cache file's path (for tests). */
const char *treecache_file(const struct kw_treecache *c);

/*
 * The stream alone, without the file's header (for tests): the compiled
 * form of `t` in a new buffer of *len bytes (caller frees; NULL if `t`
 * does not fit the format), and a tree rebuilt from such bytes, its `file`
 * set to `file`: linked, indexed and checked with `flags`, or NULL when
 * the bytes are not a tree within `lim` or the tree has errors.
 */
void *treecache_encode(const struct kw_tree *t, size_t *len);
struct kw_tree *treecache_decode(const void *buf, size_t len,
    const char *file, const struct kw_limits *lim, unsigned flags);

#endif
