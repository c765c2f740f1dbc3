/* SPDX-License-Identifier: MIT */
/* facts.h - the call's facts: placeholders filled, logic rules decided, field answers checked, for every front end and the record */
#ifndef KW_FACTS_H
#define KW_FACTS_H

#include <stddef.h>

#include "session.h"
#include "tree.h"

/*
 * What keywiz knows of a call, by name (keywiz-tree(5) PLACEHOLDERS):
 * the key (key, key.end, key.verdict, key.n-count), the chosen error
 * (error, error.message, error.typed, error.number), the times
 * (time.start, time.error, time.now), the tree (tree.title,
 * tree.version), who takes the call and for what (agent, ticket: --agent,
 * --ticket, the configuration or the resumed record), and what was
 * answered on the path (answer.ID, field.ID).
 * Computed here once, below both front ends: they show what this gives.
 */

/* Where a name's value comes from, for --check's path analysis. */
enum kw_fact_src {
	KW_SRC_UNKNOWN,		/* no such name */
	KW_SRC_ALWAYS,		/* the tree and the clock: always known */
	KW_SRC_VERSION,		/* the tree's version: known if it has one */
	KW_SRC_GIVEN,		/* the agent, the ticket: known if the call
				 * names them (not the tree's to say) */
	KW_SRC_KEY,		/* once a key node has been answered */
	KW_SRC_ERROR,		/* once a choice option carrying a message
				 * has been taken */
	KW_SRC_NODE		/* once node *node has been answered */
};

/* Whether `s` is a placeholder name as keywiz-tree(5) allows. */
int facts_name_valid(const char *s);
/* Where the value of `name` (`n` bytes) comes from in tree `t`; for
 * KW_SRC_NODE, *node is the node; for KW_SRC_UNKNOWN, *why says why (a
 * static English phrase: "unknown name", "node 'x' is not a field"...)
 * into `buf`. */
enum kw_fact_src facts_source(const struct kw_tree *t, const char *name,
    size_t n, const struct kw_node **node, char *buf, size_t size);
/* The built-in names, NULL-terminated (for "did you mean"). */
extern const char *const kw_fact_names[];

/* The value of `name` (`n` bytes) in the session, into `buf`: 1, or 0
 * when it has none yet (or the name is unknown). */
int facts_value(const struct kw_session *s, const char *name, size_t n,
    char *buf, size_t size);

/* `text` with its placeholders filled from the session (an unset name
 * shows its fallback, or "{name}" as written; doubled braces become
 * one). Caller frees. */
char *facts_fill(const struct kw_session *s, const char *text);
/* The same for a text of the tree in the session's language ("" when the
 * tree gives none). Caller frees. */
char *facts_fill_text(const struct kw_session *s, const struct kw_text *x);

/* Whether every test of `r` holds now. */
int facts_rule_holds(const struct kw_session *s, const struct kw_rule *r);
/* The option a logic node takes now: the first rule that holds, else the
 * default (n->nrules). */
size_t facts_route(const struct kw_session *s, const struct kw_node *n);

/* Whether `value` (surrounding spaces aside) suits field node `n`: 0, or
 * -1 with a message in the current language in `msg`. An empty value is
 * refused only when the field is required. */
int facts_field_check(const struct kw_node *n, const char *value, char *msg,
    size_t size);

/* The number the pasted or typed `text` gives for the <x> of option `o`'s
 * message (the first run of digits that none of its wordings holds),
 * into `buf`: 1, or 0 when there is none. */
int facts_number(const struct kw_option *o, const char *text, char *buf,
    size_t size);

#endif
