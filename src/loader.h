/* SPDX-License-Identifier: MIT */
/* loader.h - the loader's own state, shared by load.c, load-text.c and load-node.c (not a public header) */
#ifndef KW_LOADER_H
#define KW_LOADER_H

#include <stddef.h>

#include "diag.h"
#include "load.h"
#include "tree.h"

struct ycur;

/*
 * The schema reads the YAML cursor's events (yamlcur.h) one at a time.
 * Each load_* and parse_* function starts with the first event of its
 * value current and returns with the value's last event current (the
 * scalar, or the end of the mapping or list). They return 0, or -1 once
 * an error has been added, with the cursor anywhere in the value. The
 * mapping or list that holds the value then skips the rest of it
 * (load_recover) and reads on, so that one run reports every error it
 * can; the tree is not returned.
 */
struct loader {
	struct ycur *c;
	const struct kw_limits *lim;
	struct kw_tree *t;
	struct kw_diags *diags;
	int stopped;		/* no reading on: too many errors, or a
				 * format version this keywiz does not read */

	/*
	 * TEXT keys are languages. Before `languages` has been read, each code
	 * gets a provisional index (in order of first use); reading
	 * `languages` then moves the texts read so far to their real index.
	 */
	int langs_known;
	int langs_bad;		/* an error in the languages: texts are not
				 * matched against them (no cascade) */
	char pre[KW_LANG_MAX][KW_LANG_CODE_MAX + 1];
	struct kw_pos pre_pos[KW_LANG_MAX];
	int pre_text[KW_LANG_MAX];	/* used by a text, not only `match` */
	struct kw_pos pre_tpos[KW_LANG_MAX];	/* the first such use */
	size_t npre;

	/* Arrays that grow while reading, copied to the arena when done. */
	struct kw_node *nodes;
	size_t nnodes, capnodes;
	struct kw_scenario *scens;
	size_t nscens, capscens;
	const char **strs;
	size_t capstrs;
	struct kw_text *items;
	size_t capitems;
	struct kw_option opts[KW_OPTIONS_MAX];
	struct kw_use *uses;		/* placeholders found, for the tree */
	size_t nuses, capuses;
	size_t cur_node;		/* index of the node being read, or
					 * SIZE_MAX outside the nodes */

	char langs_shown[48];	/* "en, fr" for a message */
};

/* load.c */
/* Add the error `fmt` at `pos`, or at the current event: -1. */
int load_fail(struct loader *l, struct kw_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int load_err(struct loader *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* After an error in a value of the mapping or list open at `depth` (its
 * ycur_depth when it started): skip the rest of the value for the caller
 * to read on, 0; or -1 when loading stops (the YAML cannot be read on, or
 * KW_LOAD_ERRORS_MAX errors). */
int load_recover(struct loader *l, size_t depth);
/* The current scalar, a non-null string for field `what`, copied into the
 * tree. */
int load_string(struct loader *l, const char *what, const char **out);
/* A copy of `n` bytes at `p` in the tree's arena. */
void *load_copy(struct loader *l, const void *p, size_t n);
/* The current key's index in `names` (n of them, keys of `where`); an
 * error, with a hint, when it is unknown or was seen before (`seen` bits,
 * `kpos` where each was). */
int load_field(struct loader *l, const char *const *names, size_t n,
    const char *where, unsigned *seen, struct kw_pos *kpos);
/* The current scalar as one of `names` (a node type, a result...): its
 * index, or an error with a hint when it is none of them (load-node.c). */
int load_enum(struct loader *l, const char *what, const char *const *names,
    size_t n);
/* An error at `mpos` for each `required` field not `seen`. */
int load_missing(struct loader *l, struct kw_pos mpos,
    const char *const *names, size_t n, unsigned required, unsigned seen,
    const char *where);

/* load-text.c */
/* The current key of a mapping by language (a text, `match`) as a
 * language of the tree: its index (provisional until `languages` has been
 * read) with the key's value current, or -1 after an error (a language
 * given twice: `seen` bits, `kpos` where each was). In a `match` mapping
 * (`in_match`), a language the tree does not list is match-only. */
int load_lang_key(struct loader *l, int in_match, unsigned *seen,
    struct kw_pos *kpos);
/* A text for field `what`: a mapping by language, or one string (the first
 * language's). */
int load_text(struct loader *l, const char *what, struct kw_text *out);
/* A list of strings (links, match phrases, a scenario's path). */
int load_strlist(struct loader *l, const char *what, struct kw_strv *out);
/* The tree's `languages`; the texts read before it get their real index. */
int load_languages(struct loader *l);

/* The placeholders of the current scalar `s` (a text's string): an
 * error at a malformed brace, else each {name} kept in l->uses. */
int load_placeholders(struct loader *l, const char *s);

/* load-node.c */
/* The `nodes` mapping: ids in file order, duplicates found. */
int load_nodes(struct loader *l);

/* load-logic.c */
/* A field node's `kind`, `pattern` and `optional`, and a logic node's
 * `rules` (with their targets in l->opts, returned in *nrules) and
 * `default`: the field named `f` of node `nd`, its value current. */
int load_field_kind(struct loader *l, struct kw_node *nd);
int load_field_pattern(struct loader *l, struct kw_node *nd);
int load_field_optional(struct loader *l, struct kw_node *nd);
int load_field_preset(struct loader *l, struct kw_node *nd);
int load_rules(struct loader *l, struct kw_node *nd);
/* Once the node has been read: a pattern only with kind pattern and the
 * other way round; the logic node's options (its rules' targets, then
 * `default` at `dpos`). */
int load_node_done(struct loader *l, struct kw_node *nd, struct kw_pos mpos,
    const char *dflt, struct kw_pos dpos);

#endif
