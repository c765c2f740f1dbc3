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
 * Returns session_answer's result, or KW_TAKE_EARLY (nothing changes)
 * for "still failing after the wait" before the wait is over: the front
 * end says so (interact_early_line) and offers the skip, which says the
 * user waited elsewhere. */
int interact_take(struct kw_session *s, const struct kw_view_choice *c,
    const char *text);
/* Answer the current field node with `value` (spaces around it aside):
 * 0, or -1 with why in `msg` (the current language) when the field does
 * not take it (facts_field_check). */
int interact_field(struct kw_session *s, const char *value, char *msg,
    size_t size);
#define KW_TAKE_EARLY	(-2)
/* Seconds left of the wait at the current node: > 0 while it runs, 0
 * once it is over, -1 when the current node is not a wait. */
long interact_wait_left(const struct kw_session *s);
/* The sentence for KW_TAKE_EARLY: how long is left, and the key of the
 * view's skip. Caller frees. */
char *interact_early_line(const struct kw_session *s,
    const struct kw_view *v);
/* How long the path's wait was actually waited, for the outcome and the
 * record: "Waited 15 min of the 15 asked." or, skipped, "Waited 2 min of
 * the 15 asked; it had failed for longer elsewhere." NULL when the path
 * has no answered wait. Caller frees. */
char *interact_waited_line(const struct kw_session *s);
/* The text a choice is taken with: `text` (a filter, a paste), or, for
 * an answer without a message of its own (another message, none), the
 * last words the caller gave at this screen, `said`, so that nothing the
 * caller said is lost. NULL when there is none. */
const char *interact_choice_text(const struct kw_view_choice *c,
    const char *text, const char *said);
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

/* End a run: the session is finished; KW_EXIT_OK when it stands at an
 * outcome (acknowledged, or quit there: the call was completed), else
 * KW_EXIT_NEGATIVE (quit or input ended before an outcome). */
int interact_end(struct kw_session *s, int quit);

/* Start again from the first step. Refused (-1, nothing changes) at an
 * outcome: that call is over, and a new one is a new run with its own
 * record, never merged into this one. 0 when restarted. */
int interact_restart(struct kw_session *s);

/* Type-ahead: where the front end last showed the session. Zero it. */
struct kw_shown {
	const struct kw_node *node;
	size_t depth;
	int started;
};
/* Call when a screen of the session has been drawn: 1 when it shows a
 * node not shown at the last call (an answer, back or restart moved the
 * session), 0 otherwise. On 1 the front end drops the input that arrived
 * before this screen was drawn: an answer is a key pressed after its
 * question was shown, so Enter Enter never skips an outcome, and Enter
 * queued behind a checklist step never answers the next question. */
int interact_new_screen(struct kw_shown *m, const struct kw_session *s);

/* What was last answered at the current node and depth before the user
 * came back to it (back, or a search jump): returns the option, or -1,
 * and *text the text it was given with (or NULL). */
int interact_previous(const struct kw_session *s, const char **text);

/* Digits typed one by one to choose among `n` answers. Zero it. */
struct kw_number {
	unsigned num;		/* the number so far, 0: none */
};
enum kw_number_verdict {
	KW_NUMBER_BAD,		/* no answer has that number (num is reset) */
	KW_NUMBER_WAIT,		/* a longer number could follow: wait a
				 * moment (KW_NUMBER_WAIT_MS) for a digit */
	KW_NUMBER_TAKE		/* answer num - 1 (num is reset) */
};
#define KW_NUMBER_WAIT_MS 800
/* Digit `d` typed: a digit that cannot lengthen the number to one of the
 * `n` answers starts a new number (1 then 4 of ten answers is 4). *take
 * gets the answer's index on KW_NUMBER_TAKE. */
enum kw_number_verdict interact_digit(struct kw_number *num, unsigned d,
    size_t n, size_t *take);
/* The moment passed with no second digit: 1 and *take set if a number
 * was waiting. */
int interact_digit_timeout(struct kw_number *num, size_t *take);

/* Text pasted or typed as a product key, without a label before it
 * ("Product key: KTD3V-..." -> "KTD3V-..."): a pointer into `text`. */
const char *interact_key_text(const char *text);

/* The summary printed on the normal screen after a full-screen run:
 * result, who to contact, what to tell them, the key's ending, the
 * record's path (`record`, or NULL). NULL when no outcome was reached.
 * Caller frees. */
char *interact_summary(const struct kw_session *s, const char *record);

/* Practice: the steps the caller was asked about. Zero it. */
#define KW_ASK_COST	2	/* points each step asked about costs */
#define KW_ASKS_MAX	256
struct kw_asks {
	const struct kw_node *node[KW_ASKS_MAX];
	size_t n;
};
/* The caller is asked about node `n` (a = NULL: not counted). */
void interact_ask(struct kw_asks *a, const struct kw_node *n);
/* practice_score() less KW_ASK_COST for each step asked about. */
void interact_score(const struct kw_scenario *sc,
    const struct kw_session *s, const struct kw_asks *a,
    struct kw_practice_score *out);
/* The lines a practice call leaves in its record, as notes: at the start
 * the scenario, at the end the score (caller frees). */
char *interact_practice_note(const struct kw_scenario *sc);

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
 * right; outcome right)." and what asking cost (caller frees). */
char *interact_score_line(const struct kw_practice_score *sc);

/* The fields of outcome `n`, in order: Result, Who to contact, What to
 * tell them (the last two when the tree gives them), with the session's
 * facts filled in (facts.h); interact_outcome_free frees the values. */
struct kw_outcome_field {
	const char *label;	/* "Result: " ... translated */
	char *value;
};
#define KW_OUTCOME_FIELDS 3
size_t interact_outcome_fields(const struct kw_session *s,
    const struct kw_node *n, struct kw_outcome_field out[KW_OUTCOME_FIELDS]);
void interact_outcome_free(struct kw_outcome_field *f, size_t n);

/* One character that cannot be in a product key, in words: "Group 2,
 * character 3: 'O' is never in a product key; did you mean D or Q?"; with
 * `mask`, without the character or its look-alikes. Caller frees. */
char *interact_bad_char(const struct kw_key_bad *b, int mask);

#endif
