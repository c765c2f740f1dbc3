/* SPDX-License-Identifier: MIT */
/* interact.h - what an answer does to the session, and what screens say in words, for both front ends */
#ifndef KW_INTERACT_H
#define KW_INTERACT_H

#include <stddef.h>

#include "match.h"
#include "practice.h"
#include "prodkey.h"
#include "session.h"
#include "tree.h"
#include "view.h"

/*
 * Below both front ends, above the engine: no terminal, no stdio. A front
 * end reads an answer its own way, then calls one of these to act on the
 * session; and it asks here for the sentences every screen shows, so that
 * the line and the curses front ends say the same thing the same way.
 */

/* ---- what an answer does ---- */

/* Analyse `text` as a product key of the session's tree and keep only the
 * masked key and the one-line summary in the session (session_key()).
 * `k` gets the analysis for the screen: it holds the key, so the caller
 * wipes it (prodkey_wipe). */
void interact_set_key(struct kw_session *s, const char *text,
    struct kw_keycheck *k);
/* The analysis of `text` against the session's tree's key format, for a
 * screen to show as it is typed; the session does not change. Caller
 * wipes `k`. */
void interact_check_key(const struct kw_session *s, const char *text,
    struct kw_keycheck *k);

/* Take choice `c` of the view: its option, flagged KW_STEP_SKIPPED when it
 * skips a wait; `text` is what was typed or pasted to choose it (or NULL).
 * Returns session_answer's result. */
int interact_take(struct kw_session *s, const struct kw_view_choice *c,
    const char *text);
/* Go on from a key or a step node (its only answer). */
int interact_continue(struct kw_session *s);
/* Tick checklist item `item` of the current step, or untick it. */
int interact_tick(struct kw_session *s, size_t item);
/* `text` as the session will keep it: a product key in it masked
 * (keymask_text with the tree's key format), for a front end to echo what
 * was typed. Caller frees. */
char *interact_mask_text(const struct kw_session *s, const char *text);
/* Add `text` as a note unless it is empty: returns 1 if a note was added.
 * As every text the session keeps, a product key in it is masked. */
int interact_note(struct kw_session *s, const char *text);

/* Ranking pasted or typed text against the messages of the current
 * choice node: the matcher is made again only when the node changes.
 * Zero-initialise; interact_matching_free when done. */
struct kw_matching {
	struct kw_matcher *matcher;
	const struct kw_node *node;
	char *filter;		/* the typed filter ranked in found[] */
	struct kw_match *found;
	size_t nfound;
};

enum kw_match_verdict {
	KW_MATCH_NONE,		/* no message matches */
	KW_MATCH_CLEAR,		/* m[0] is clearly ahead of the others */
	KW_MATCH_CLOSE		/* m[0] leads, others come close */
};

/* How far ahead the best match must score to be taken as the one. */
#define KW_MATCH_MARGIN 0.15

/* Rank `text` against the messages of the session's current (choice)
 * node: writes at most `max` candidates, best first, to m[], their count
 * to *n, and says whether the first is clearly the one. */
enum kw_match_verdict interact_match(struct kw_matching *mc,
    const struct kw_session *s, const char *text, struct kw_match *m,
    size_t max, size_t *n);
/* The typed filter: the options of the current choice node that `text`
 * matches, ranked as a paste of the same text is (the ranking is kept
 * until the text or the node changes). Sets *found to them, best first,
 * and returns how many; 0 for an empty text. */
size_t interact_filter(struct kw_matching *mc, const struct kw_session *s,
    const char *text, const struct kw_match **found);
void interact_matching_free(struct kw_matching *mc);
/* `text` was looked for at the current node and matched no message: the
 * session logs it (the report lists such texts, what the tree lacks). */
void interact_unmatched(struct kw_session *s, const char *text);

/* End a run: KW_EXIT_OK when an outcome was reached and acknowledged (and
 * the user did not `quit`), else the session is finished as a quit and
 * KW_EXIT_NEGATIVE is returned. */
int interact_end(struct kw_session *s, int quit);

/* ---- what screens say ---- */

/* Practice: what the caller says at node `n`. *lead is the label before it
 * ("The caller reads out: ", "The caller says: ") or NULL; returns the
 * text (caller frees). */
char *interact_caller_line(const struct kw_scenario *sc,
    const struct kw_node *n, size_t lang, const char **lead);

/* Training: one branch not taken, "at "X": Yes -> Y" (caller frees). */
char *interact_branch_line(const struct kw_branch *b, size_t lang);
/* The heading above them. */
const char *interact_branches_heading(void);

/* Practice: the score line, "Practice score: 80/100 (4 of 5 answers
 * right; outcome right)." (caller frees). */
char *interact_score_line(const struct kw_practice_score *sc);

/* The fields of an outcome, in order: Result, Who to contact, What to tell
 * them (the last two when the tree gives them). */
struct kw_outcome_field {
	const char *label;	/* "Result: " ... translated */
	const char *value;	/* borrowed from the tree or the catalogue */
};
#define KW_OUTCOME_FIELDS 3
size_t interact_outcome_fields(const struct kw_node *n, size_t lang,
    struct kw_outcome_field out[KW_OUTCOME_FIELDS]);

/* One character that cannot be in a product key, in words: "Group 2,
 * character 3: 'O' is never in a product key; did you mean D or Q?"; with
 * `mask`, without the character or its look-alikes. Caller frees. */
char *interact_bad_char(const struct kw_key_bad *b, int mask);

#endif
