/* SPDX-License-Identifier: MIT */
/* tree.h - the decision-tree model: nodes, options, localised text */
#ifndef KW_TREE_H
#define KW_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define KW_FORMAT_VERSION 1
#define KW_LANG_MAX 24		/* languages one tree may use, match-only
				 * ones included */
#define KW_LANG_CODE_MAX 6	/* bytes of a code such as "zh-TW" */
#define KW_ALPHABET_MAX 64	/* characters in a product-key alphabet */
#define KW_ID_MAX 64		/* characters in a tree, node or option id */
#define KW_NCOUNT_MAX 128	/* a logic test's n-count at most */

/*
 * Ownership: a tree owns every string and array reachable from it; all of it
 * lives in the tree's arena and goes with tree_free(). Once loaded and
 * checked, a tree is read-only: sessions and front ends hold const pointers.
 */

/* One user-visible string in each language of the tree: s[i] (i < n) is the
 * text in tree->langs[i]; NULL where the file gave none (check.c reports
 * that), as is every index from n on. The array is sized by the tree's
 * languages, not KW_LANG_MAX: a 100,000-node tree holds a million texts. */
struct kw_text {
	const char **s;		/* n entries in the arena; NULL when n is 0 */
	unsigned n;
	struct kw_pos pos;	/* of the mapping (or scalar) in the file */
	unsigned char plain;	/* written as one string, not a mapping by
				 * language: the first language's text */
};

/* A list of strings, e.g. match phrases in one language, or links. */
struct kw_strv {
	const char **v;
	size_t n;
};

enum kw_node_type {
	KW_NODE_KEY,		/* enter the product key; one option "next" */
	KW_NODE_CHOICE,		/* pick one of several labelled options */
	KW_NODE_QUESTION,	/* yes/no; options "yes" (0) and "no" (1) */
	KW_NODE_STEP,		/* do something (checklist items); "next" */
	KW_NODE_WAIT,		/* wait N minutes; "worked" (0), "failing" (1) */
	KW_NODE_OUTCOME,	/* the end: who to contact and what to say */
	KW_NODE_FIELD,		/* type a free-text answer; "next" */
	KW_NODE_LOGIC,		/* route on the call's facts without asking:
				 * one option per rule, the default last */
	KW_NODE_TYPE_COUNT
};

enum kw_result {
	KW_RESULT_RESOLVED,	/* the user can fix it themselves, done */
	KW_RESULT_ESCALATE,	/* hand over to someone (contact) */
	KW_RESULT_REDIRECT,	/* wrong place: go elsewhere (e.g. office.com/setup) */
	KW_RESULT_UNRESOLVED,	/* nothing more to try */
	KW_RESULT_COUNT
};

/* Fixed option indexes of question and wait nodes. */
#define KW_OPT_YES	0
#define KW_OPT_NO	1
#define KW_OPT_WORKED	0
#define KW_OPT_FAILING	1

struct kw_node;

/* What a field node accepts (keywiz-tree(5) "kind"). */
enum kw_field_kind {
	KW_FIELD_TEXT,		/* anything */
	KW_FIELD_DATE,		/* YYYY-MM-DD, a real date */
	KW_FIELD_EMAIL,		/* name@domain.example */
	KW_FIELD_DOMAIN,	/* contoso.onmicrosoft.com */
	KW_FIELD_NUMBER,	/* digits */
	KW_FIELD_PATTERN,	/* the field's `pattern`, a POSIX extended
				 * regular expression matching the whole */
	KW_FIELD_KIND_COUNT
};

/* One test of a logic rule on the call's facts (keywiz-tree(5) "logic"). */
enum kw_cond_fact {
	KW_COND_KEY,		/* the key's verdict: `value` is "invalid",
				 * "doubtful", "well-formed" or "missing" */
	KW_COND_NCOUNT,		/* the key's count of N: min..max */
	KW_COND_ERROR,		/* the chosen error: `value` an option id of
				 * a choice whose options carry messages */
	KW_COND_ANSWER,		/* node `id` was answered `value` */
	KW_COND_SET,		/* placeholder `value` has a value now */
	KW_COND_EMPTY,		/* placeholder `value` has none (a field left
				 * empty or not asked, a fact not known) */
	KW_COND_FACT_COUNT
};

struct kw_cond {
	enum kw_cond_fact fact;
	const char *id;		/* answer: the node's id */
	const struct kw_node *node;	/* resolved by tree_link, or NULL */
	const char *value;	/* key, error, answer; set, empty: a name */
	long long min, max;	/* n-count */
	struct kw_pos pos;	/* of the test's key in the file */
};

/* A logic node's rule: all its tests hold (in file order). */
struct kw_rule {
	struct kw_cond *conds;
	size_t nconds;
	const char *shown;	/* the tests as written, for records and
				 * --dot: "key: invalid, n-count: 2..9" */
	struct kw_pos pos;
};

/* A {name} in a text of the tree (keywiz-tree(5) "PLACEHOLDERS"), found by
 * the loader with its place in the file, for check.c. */
struct kw_use {
	const char *name;
	int fallback;		/* written {name|fallback} */
	size_t node;		/* index of the node whose text it is in, or
				 * SIZE_MAX for the tree's and scenarios' */
	struct kw_pos pos;	/* of the opening brace */
};

/* An edge out of a node. Every node but an outcome has at least one. */
struct kw_option {
	const char *id;		/* answer name: "next", "yes", "no", "worked",
				 * "failing", or a choice option's id */
	struct kw_text label;	/* choice only: what the option says */
	struct kw_text message;	/* choice only, optional: an error message
				 * verbatim, shown and matched */
	struct kw_strv *match;	/* choice only, optional: more phrases (older
				 * wordings) per language, nmatch entries
				 * (read them with tree_match) */
	unsigned nmatch;
	const char *target;	/* id of the next node, as written */
	struct kw_node *next;	/* resolved by the loader; NULL only if the
				 * target is unknown (a check error) */
	struct kw_pos pos;	/* of the target, for diagnostics */
};

struct kw_node {
	const char *id;
	enum kw_node_type type;
	struct kw_pos pos;	/* of the node's key in the nodes mapping */
	size_t index;		/* in tree->nodes */
	struct kw_text title;	/* optional short heading */
	struct kw_text text;	/* what the screen says */
	struct kw_text why;	/* optional: training mode's reason */
	struct kw_strv links;	/* optional URLs, shown as text */
	struct kw_text *items;	/* step only: checklist items */
	size_t nitems;
	struct kw_option *opts;
	size_t nopts;
	unsigned minutes;	/* wait only */
	enum kw_result result;	/* outcome only */
	struct kw_text contact;	/* outcome only, optional: who to contact */
	struct kw_text tell;	/* outcome only, optional: what to tell them */
	enum kw_field_kind kind;	/* field only */
	const char *pattern;	/* field of kind pattern: the expression */
	int optional;		/* field only: may be left empty */
	const char *preset;	/* field only, optional: a placeholder name
				 * whose value, when it has one, answers the
				 * field without asking */
	struct kw_rule *rules;	/* logic only: opts[i] is rules[i]'s target,
				 * opts[nrules] the default's */
	size_t nrules;
};

/* The product-key format a key node checks against. */
struct kw_keyfmt {
	unsigned groups;		/* 5 */
	unsigned group_length;		/* 5 */
	char alphabet[KW_ALPHABET_MAX + 1]; /* upper-case ASCII letters/digits */
	struct kw_pos pos;		/* of the alphabet in the file */
};

/* A practice caller (training, see keywiz-tree(5) "scenarios"). */
struct kw_scenario {
	const char *id;
	struct kw_text caller;		/* who calls and what they say */
	const char *key;		/* the key the caller reads out, or NULL */
	struct kw_strv path;		/* expected node ids, start to outcome */
	struct kw_strv answers;		/* expected answer ids, one per step */
	struct kw_pos pos;
};

struct kw_arena;

struct kw_tree {
	const char *file;		/* path it was loaded from */
	unsigned format;		/* the "keywiz:" version, 1 */
	const char *id;
	const char *version;		/* optional tree version, "" if none */
	struct kw_text title;
	const char *langs[KW_LANG_MAX];	/* "en", "fr", ...: the tree's
					 * `languages` first, then the
					 * match-only ones */
	size_t nlangs;			/* languages the tree translates */
	size_t nlangs_all;		/* and match-only ones, langs[nlangs
					 * .. nlangs_all): languages only
					 * `match` phrases use (0: none) */
	int has_keyfmt;
	struct kw_keyfmt keyfmt;
	const char *start_id;
	struct kw_pos start_pos;	/* of start's value in the file */
	struct kw_node *start;
	struct kw_node *nodes;		/* in file order */
	size_t nnodes;
	struct kw_scenario *scenarios;
	size_t nscenarios;
	struct kw_use *uses;		/* every {name} in its texts */
	size_t nuses;
	struct kw_arena *arena;		/* owns all of the above */
	size_t *by_id;			/* hash table of node index + 1 (0:
					 * free), for tree_find */
	size_t by_id_mask;		/* its size - 1, a power of two */
};

/* The text in language `lang` (an index into tree->langs), falling back to
 * the first language that has one; "" if none. Never NULL. */
const char *tree_text(const struct kw_text *t, size_t lang);
/* Whether any language has a string. */
int tree_text_set(const struct kw_text *t);
/* The string in language `lang` itself (no fallback), or NULL. */
const char *tree_text_lang(const struct kw_text *t, size_t lang);
/* An option's extra match phrases in language `lang`; never NULL (an empty
 * list where there are none). */
const struct kw_strv *tree_match(const struct kw_option *o, size_t lang);

/* For code that builds a tree (the loader), once
 * tr->langs is final: set the string of language `lang` (< tr->nlangs) of
 * a text to `s`, which lives in tr's arena; set an option's match phrases
 * in `lang` to `v` (its array in the arena too). */
void tree_text_put(struct kw_tree *tr, struct kw_text *x, size_t lang,
    const char *s);
void tree_match_put(struct kw_tree *tr, struct kw_option *o, size_t lang,
    const struct kw_strv *v);

/* The index of language `code` ("fr", "fr_FR.UTF-8" matches "fr";
 * "zh_TW.UTF-8" matches "zh-TW" before "zh") in the languages the tree
 * translates, or -1. */
int tree_lang(const struct kw_tree *t, const char *code);
/* How many languages the tree uses: those it translates and the
 * match-only ones (indexes into t->langs). */
size_t tree_nlangs_all(const struct kw_tree *t);

/* The node with this id, or NULL. O(1) once tree_index() has run. */
const struct kw_node *tree_find(const struct kw_tree *t, const char *id);
/* Build the id index (the loader calls it); returns the first duplicate id
 * found, or NULL. */
const struct kw_node *tree_index(struct kw_tree *t);
/* Point each option's `next` and the tree's `start` at the nodes their ids
 * name (NULL where none does), once tree_index() has run: the last step of
 * building a tree (the loader). */
void tree_link(struct kw_tree *t);

/* Whether `s` is an id as keywiz-tree(5) allows: letters (lower-case only
 * if `lower_only`, as a tree's), digits, '.', '_' and '-', starting with a
 * letter or digit, at most KW_ID_MAX characters. */
int tree_id_valid(const char *s, int lower_only);

/* Whether `s` is a choice option's id: letters, digits, '.', '_' and
 * '-', at most KW_ID_MAX (unlike other ids, it may start with any of them,
 * and a choice numbers the options whose id is not given). */
int tree_option_id_valid(const char *s);

/* The answers a node of type `type` always has, in option order: "next"
 * (key, step, field), "yes" and "no" (question, KW_OPT_YES and KW_OPT_NO),
 * "worked" and "failing" (wait); none for a choice or an outcome. Each
 * answer's name is also the node field that names its target. Returns
 * how many, with *names pointing at them. */
size_t tree_fixed_answers(enum kw_node_type type, const char *const **names);

/* Whether code point `c` may be in a tree (keywiz-tree(5)): any but a
 * control character (C0, DEL, C1) other than tab and newline; `in_file`:
 * the file's own CR and NEL line breaks too, which libyaml reads as
 * newlines. */
int tree_char_valid(uint32_t c, int in_file);

/*
 * Placeholders (keywiz-tree(5) PLACEHOLDERS): a text is literal text and
 * {name} or {name|fallback}; {{ and }} are a literal brace. A name is
 * letters, digits, '.', '_' and '-' (at most KW_ID_MAX + 8 bytes); a
 * fallback is any text without braces. tree_template_next() reads the
 * piece of `s` at *at: KW_PIECE_TEXT (`len` bytes of literal text at
 * `text`; a doubled brace gives one brace), KW_PIECE_NAME (`name`, `nlen`
 * bytes; `fallback`, `flen` bytes, or NULL), KW_PIECE_END, or
 * KW_PIECE_BAD with `why` (a static English message) for a malformed
 * brace at byte `bad`. *at moves past the piece.
 */
#define KW_NAME_MAX (KW_ID_MAX + 8)
enum kw_piece_type { KW_PIECE_END, KW_PIECE_TEXT, KW_PIECE_NAME,
	KW_PIECE_BAD };
struct kw_piece {
	enum kw_piece_type type;
	const char *text;	/* TEXT */
	size_t len;
	const char *name;	/* NAME */
	size_t nlen;
	const char *fallback;	/* NAME, or NULL */
	size_t flen;
	size_t bad;		/* BAD: byte offset of the brace */
	const char *why;	/* BAD */
};
enum kw_piece_type tree_template_next(const char *s, size_t *at,
    struct kw_piece *p);

/* Names used in the file format for field kinds and logic tests. */
extern const char *const kw_field_kind_names[KW_FIELD_KIND_COUNT];
extern const char *const kw_cond_fact_names[KW_COND_FACT_COUNT];

/* Whether a text holds nothing: no language has a non-empty string. */
int tree_text_empty(const struct kw_text *x);

/* Whether `s` is a language code as a tree may use: 2 or 3 lower-case
 * letters, optionally a hyphen and a region of 2 upper-case letters
 * ("pt-BR", "zh-TW"). */
int tree_lang_valid(const char *s);

/* Names used in the file format and in records, indexed by the enums
 * (the one list of them: the loader reads these, the writers print them). */
extern const char *const kw_type_names[KW_NODE_TYPE_COUNT];
extern const char *const kw_result_names[KW_RESULT_COUNT];
const char *tree_type_name(enum kw_node_type type);
const char *tree_result_name(enum kw_result r);

/* An empty tree with its arena; the loader fills it in. */
struct kw_tree *tree_new(void);
/* Frees the tree and everything it owns; accepts NULL. */
void tree_free(struct kw_tree *t);

/* Arena allocation for the loader: memory lives until tree_free(). */
void *tree_alloc(struct kw_tree *t, size_t n);
const char *tree_strndup(struct kw_tree *t, const char *s, size_t n);
/* Make `p` (from malloc) part of the tree, freed with it; returns p. */
void *tree_adopt(struct kw_tree *t, void *p);

#endif
