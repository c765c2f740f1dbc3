/* SPDX-License-Identifier: MIT */
/* session.h - the engine: where a walk through a tree stands, and its history */
#ifndef KW_SESSION_H
#define KW_SESSION_H

#include <stddef.h>
#include <time.h>

#include "tree.h"

/*
 * A session walks one tree. It knows nothing of terminals or files: front
 * ends show session_node() and feed answers back; the record module reads
 * the path and the events. The session borrows the tree (which must outlive
 * it) and owns every string it was given (copies).
 *
 * The path is the list of steps from the start node to the current one: the
 * last step is the current node, not yet answered. Back pops steps; restart
 * goes back to the start. The event log keeps everything, in order, for the
 * record, including what back and restart undid.
 */

enum kw_event_type {
	KW_EV_START,		/* session began (node = start) */
	KW_EV_SHOW,		/* a node was shown */
	KW_EV_ANSWER,		/* a node was answered (opt, text) */
	KW_EV_BACK,		/* went back to node */
	KW_EV_RESTART,		/* went back to the start */
	KW_EV_KEY,		/* a product key was analysed (text: masked) */
	KW_EV_NOTE,		/* a free-text note (text) */
	KW_EV_CHECKED,		/* a checklist item was ticked (opt = item) */
	KW_EV_QUIT,		/* the user quit before an outcome */
	KW_EV_END,		/* an outcome was reached and acknowledged */
	KW_EV_RESUME,		/* a saved session was resumed (record.c) */
	KW_EV_FIELD,		/* a field node was answered (text: the value,
				 * NULL when left empty) */
	KW_EV_ROUTE,		/* a logic node routed the call (opt: the
				 * rule, or nrules for the default) */
	KW_EV_UNMATCHED,	/* text typed or pasted to find the message
				 * matched none (text) */
	KW_EV_TYPE_COUNT
};

/* What each type carries besides its time and node (fields a type does
 * not name are -1, NULL or 0): answer: opt (the option), text (what was
 * typed or pasted to choose it, or NULL), flags (KW_STEP_*); key: text (the
 * masked key), valid; note: text; checked: opt (the item), on;
 * unmatched: text. */
struct kw_event {
	enum kw_event_type type;
	time_t t;
	const struct kw_node *node;
	int opt;		/* answer: option index; checked: item index */
	const char *text;	/* owned by the session; may be NULL */
	unsigned flags;		/* answer: KW_STEP_* it was given with */
	int valid;		/* key: well-formed for the tree's format */
	int on;			/* checked: ticked (1) or unticked (0) */
	size_t depth;		/* steps on the path once the event happened
				 * (for back: the step gone back to, + 1) */
};

enum {
	KW_STEP_SKIPPED = 1 << 0,	/* a wait answered with "skip" */
	KW_STEP_PRESET = 1 << 1		/* a field answered by its preset */
};

struct kw_step {
	const struct kw_node *node;
	time_t shown;		/* when this node was (last) shown */
	int opt;		/* answer given, -1 for the current step */
	time_t answered;
	const char *text;	/* what was typed/pasted to answer, or NULL */
	unsigned flags;
	unsigned long checked;	/* checklist items ticked (bit i = item i) */
};

/* What the session knows of the product key: never the key itself. */
struct kw_keyinfo {
	int entered;		/* a key was analysed */
	int valid;		/* well-formed for the tree's key format */
	const char *masked;	/* e.g. "XXXXX-XXXXX-XXXXX-XXXXX-7QW3K" */
	const char *summary;	/* one line: what the analysis found */
	int doubtful;		/* well-formed, with warnings */
	unsigned n_count;	/* occurrences of N in the key */
};

struct kw_session;

/* A new session at the tree's start node, in language index `lang`.
 * `clock` gives the time (NULL: time()); tests pass a fake one. */
struct kw_session *session_new(const struct kw_tree *t, size_t lang,
    time_t (*clock)(void));
/* Frees the session and wipes what it held; accepts NULL. */
void session_free(struct kw_session *s);

const struct kw_tree *session_tree(const struct kw_session *s);
size_t session_lang(const struct kw_session *s);
void session_set_lang(struct kw_session *s, size_t lang);
time_t session_now(const struct kw_session *s);
time_t session_started(const struct kw_session *s);

/* The current node (never NULL). A logic node is never current: the
 * session routes it as soon as it is reached (KW_EV_ROUTE), nor is a field
 * whose preset has a value (answered with it, KW_STEP_PRESET); back steps
 * over both. */
const struct kw_node *session_node(const struct kw_session *s);
/* Steps on the path, the current one included (>= 1). */
size_t session_depth(const struct kw_session *s);
const struct kw_step *session_step(const struct kw_session *s, size_t i);

/* Answer the current node with option `opt`; `text` is what the user typed
 * to choose it (pasted message, may be NULL); `flags` KW_STEP_*. Returns 0,
 * or -1 if the node is an outcome or opt is out of range (nothing changes). */
int session_answer(struct kw_session *s, size_t opt, const char *text,
    unsigned flags);
/* Go back one step; -1 at the start (nothing changes). */
int session_back(struct kw_session *s);
/* Go back to step `i` of the path (0 = start); -1 if i is not before the
 * current step. */
int session_back_to(struct kw_session *s, size_t i);
/* Back to the start node, keeping the event log, the key and the notes. */
void session_restart(struct kw_session *s);

/* Tick or untick checklist item `item` of the current step node. */
int session_check_item(struct kw_session *s, size_t item, int on);

/* Record the key analysis (masked key and a one-line summary). */
void session_set_key(struct kw_session *s, int valid, const char *masked,
    const char *summary);
const struct kw_keyinfo *session_key(const struct kw_session *s);
/* What else the analysis found, once session_set_key() has run: whether
 * the key is doubtful and its count of N (logic rules test them). */
void session_set_key_detail(struct kw_session *s, int doubtful,
    unsigned n_count);

/* Answer the current field node with `value` (NULL or "" when left
 * empty): logs KW_EV_FIELD, goes on. -1 if the node is not a field (the
 * front end has checked the value, facts.h). */
int session_field(struct kw_session *s, const char *value);
/* The answer given at node `n` on the current path (its last visit): the
 * step, or NULL when the path has not answered it. */
const struct kw_step *session_answered(const struct kw_session *s,
    const struct kw_node *n);

/* Who takes the call and the ticket it is for (--agent, --ticket; copied;
 * NULL: none), for the record and the tree's placeholders. */
void session_set_agent(struct kw_session *s, const char *agent);
void session_set_ticket(struct kw_session *s, const char *ticket);
/* Both at once (NULL: left as it is), so that a logic node or a preset
 * field waiting for them sees both. */
void session_set_who(struct kw_session *s, const char *agent,
    const char *ticket);
const char *session_agent(const struct kw_session *s);
const char *session_ticket(const struct kw_session *s);

/* Add a free-text note (attached to the current node). */
void session_add_note(struct kw_session *s, const char *text);

/* Log that `text`, typed or pasted to find a message at the current
 * node, matched none (for --report: what the tree is missing). */
void session_unmatched(struct kw_session *s, const char *text);

/* Mark the session finished: KW_EV_END at an outcome, else KW_EV_QUIT.
 * Idempotent. */
void session_finish(struct kw_session *s);
int session_finished(const struct kw_session *s);
/* The outcome reached, or NULL. */
const struct kw_node *session_outcome(const struct kw_session *s);

/* The event log, oldest first. */
size_t session_nevents(const struct kw_session *s);
const struct kw_event *session_event(const struct kw_session *s, size_t i);

/* The matched error, if the path went through a choice option that carries
 * a message: sets *node and *opt and returns 1, else 0. */
int session_error(const struct kw_session *s, const struct kw_node **node,
    size_t *opt);

const char *session_event_name(enum kw_event_type type);

/* Call `hook(arg, s)` at the end of every change that logs events (an
 * answer, back, restart, a tick, the key, a note, the end, a resume), once
 * the session is whole again: the journal's way to write each event down
 * before the next screen is drawn. NULL: none. */
void session_set_hook(struct kw_session *s,
    void (*hook)(void *arg, const struct kw_session *s), void *arg);

/*
 * Replay, for resuming a saved session (record.c). A session rebuilt from a
 * record is stamped with the record's times: session_new_at() starts it at
 * `started`; while a time is pinned, every event and step gets that time
 * instead of the clock's. session_reopen() lets a finished session go on
 * and logs KW_EV_RESUME (at the pinned time, or now).
 */
struct kw_session *session_new_at(const struct kw_tree *t, size_t lang,
    time_t (*clock)(void), time_t started);
void session_pin_time(struct kw_session *s, time_t t);
void session_unpin_time(struct kw_session *s);
void session_reopen(struct kw_session *s);

#endif
