/* SPDX-License-Identifier: MIT */
/* view.h - what a screen shows, computed from the session for every front end */
#ifndef KW_VIEW_H
#define KW_VIEW_H

#include <stddef.h>
#include <time.h>

#include "session.h"

#define KW_VIEW_MAX_CHOICES 72
#define KW_VIEW_MAX_ITEMS 64	/* a step's checklist (load.h) */

/* What a choice does when taken. */
enum kw_choice_kind {
	KW_CHOICE_OPTION,	/* answer option `opt` */
	KW_CHOICE_SKIP		/* wait only: "skip the wait" (answers failing,
				 * flagged KW_STEP_SKIPPED) */
};

struct kw_view_choice {
	enum kw_choice_kind kind;
	size_t opt;		/* option index to answer */
	char key[24];		/* what to type: "1".."64", "y", "n" (or "o") */
	const char *label;	/* tree text or a translated program string */
	const char *message;	/* an error message verbatim, or NULL */
};

/*
 * A screen. Every string is borrowed: from the tree, from the program's
 * catalogue, or from the view's own buffers; valid until the next
 * view_build() on the same view or the session changes.
 */
struct kw_view {
	const struct kw_node *node;
	const char *tree_title;
	const char *heading;	/* the node's title, or a default for its type */
	const char *text;
	const char *why;	/* training mode only, else NULL */
	const struct kw_strv *links;
	size_t step;		/* 1-based step number on the path */
	size_t lang;

	/* step: checklist (see item[] for the texts to show) */
	const struct kw_text *items;
	size_t nitems;
	unsigned long checked;

	/* choices the screen offers (empty for key, step and outcome) */
	struct kw_view_choice choice[KW_VIEW_MAX_CHOICES];
	size_t nchoices;
	int yesno;		/* a question: y/n (o/n in French) */
	int pasteable;		/* a choice whose options carry messages */

	/* wait */
	time_t wait_start, wait_end;

	/* outcome */
	const char *result;	/* translated name of the result */
	const char *contact;	/* NULL when the tree gives none */
	const char *tell;

	/* training mode: at an outcome, the answers not taken on the way */
	int training;

	/* step: the items' texts, filled in like every text here */
	const char *item[KW_VIEW_MAX_ITEMS];

	/* the texts above with the call's facts filled in (facts.h), owned
	 * by the view: view_build() frees the last ones, view_free() too */
	char **owned;
	size_t nowned, capowned;
};

/* A branch the walk did not take: option `opt` of `at`, leading to `to`. */
struct kw_branch {
	const struct kw_node *at;
	size_t opt;
	const struct kw_node *to;
};

/* The branches not taken on the session's path, in path order (training
 * mode shows them at an outcome); at most `max`, returns how many. */
size_t view_branches(const struct kw_session *s, struct kw_branch *out,
    size_t max);

struct kw_practice_item;
/* One line of a practice score ("missed: ...", "answered "No", expected
 * "Yes": ..."), in the current language. Caller frees. */
char *view_practice_line(const struct kw_practice_item *it, size_t lang);

/* Fill `v` for the session's current node: its texts with the call's
 * facts in them. `v` is zeroed before the first call; view_free() frees
 * what the last call made (accepts a zeroed view). */
void view_build(struct kw_view *v, const struct kw_session *s, int training);
void view_free(struct kw_view *v);

/* The number a screen shows for step `i` of the session's path (1-based):
 * the steps the session took by itself (logic nodes, preset fields) are
 * not counted. */
size_t view_step_number(const struct kw_session *s, size_t i);

/* The translated short name of a node type's default heading. */
const char *view_type_heading(enum kw_node_type type);
/* A node's heading: its title, or the default for its type. */
const char *view_node_heading(const struct kw_node *n, size_t lang);
/* The translated label of an option of a question, wait, key, step or
 * field ("Yes", "It works now", "Continue"); the tree's label for a
 * choice; a logic node's rule as written ("key: invalid"), or
 * "Otherwise". */
const char *view_option_label(const struct kw_node *n, size_t opt,
    size_t lang);
/* The label of the answer with id `id` at `n` (see view_option_label), or
 * `id` itself when `n` has no such answer. */
const char *view_answer_label(const struct kw_node *n, const char *id,
    size_t lang);
/* The translated name of an outcome's result ("Resolved", "Escalate"...). */
const char *view_result_name(enum kw_result r);

/* The local clock time `t` as HH:MM, into buf. */
void view_clock(time_t t, char *buf, size_t size);

/* The letters for yes and no in the current language ("y"/"n", "o"/"n"),
 * and whether `word` means yes (1), no (0) or neither (-1): y yes o oui
 * n no non, any case. */
const char *view_yes_key(void);
const char *view_no_key(void);
const char *view_back_key(void);
int view_yesno(const char *word);

#endif
