/* SPDX-License-Identifier: MIT */
/* treelist.h - the trees found in the lookup folders, each read only as far as its head */
#ifndef KW_TREELIST_H
#define KW_TREELIST_H

#include <stddef.h>

/*
 * One NAME.yaml of a lookup folder (locate_folders()). Its head (id,
 * version, title, languages) is read with the loader's YAML cursor up to
 * the tree's `nodes`, so that listing a hundred trees costs little and a
 * broken one costs nothing more than an error line: a file whose head
 * cannot be read has `error` set ("LINE:COL: message") and no head.
 * Everything is owned by the list.
 */
struct kw_treeinfo {
	char *name;		/* NAME, what `keywiz NAME` runs */
	char *path;		/* FOLDER/NAME.yaml */
	char *id;		/* the tree's id, or NULL */
	char *version;		/* or NULL: the tree has none */
	char *title;		/* in the language asked for, else the tree's
				 * first; control characters cleaned; or NULL */
	char *langs;		/* "en, fr", or NULL */
	char *error;		/* why the head cannot be read, or NULL */
	long shadowed_by;	/* index of the tree of the same name found in
				 * an earlier folder (it runs), or -1 */
};

struct kw_treelist {
	struct kw_treeinfo *v;
	size_t n, cap;
};

/* Every NAME.yaml of every lookup folder, folder by folder in lookup order
 * (a folder named twice is read once), names sorted within a folder;
 * titles in language `lang`. */
void treelist_scan(struct kw_treelist *l, const char *lang);
/* The head of the one tree file `path`, into `ti` (name and path set by
 * the caller); 0, or -1 with ti->error set. */
int treelist_read_head(struct kw_treeinfo *ti, const char *lang);
/* The same from `len` bytes at `buf` (tests and fuzzing). */
int treelist_head_mem(struct kw_treeinfo *ti, const char *buf, size_t len,
    const char *lang);
/* Free and unset what a head reader filled in `ti` (not name and path). */
void treelist_info_clear(struct kw_treeinfo *ti);
/* Frees what the list holds; accepts NULL. */
void treelist_free(struct kw_treelist *l);

#endif
