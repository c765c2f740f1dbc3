/* SPDX-License-Identifier: MIT */
/* recover.h - unfinished calls in the journal folder: listing them, offering one, continuing one */
#ifndef KW_RECOVER_H
#define KW_RECOVER_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "cmd.h"
#include "journal.h"
#include "session.h"
#include "tree.h"

/* An unfinished call: a journal left in the journal folder. */
struct kw_call {
	char *path;		/* the journal */
	time_t mtime;		/* its last change */
	pid_t holder;		/* a live keywiz writing it, or 0 */
	char *tree_id;		/* as its head says (cleaned), or NULL */
	time_t started;
	size_t step;		/* the step it stands at, 0 if not known */
	char *error;		/* the error message chosen (its label), or NULL */
	char *problem;		/* why it cannot be continued, or NULL */
};

struct kw_calls {
	struct kw_call *v;
	size_t n;
	char *dir;		/* the journal folder, or NULL */
};

/*
 * The calls in the journal folder, the most recent first, each read and
 * replayed to know its step and error (labels in UI language `lang`).
 * With `t`, only the calls on a tree of t's id changed at or after `since`,
 * replayed on `t`; else every call, on the tree its journal names.
 */
void recover_find(struct kw_calls *c, const char *lang,
    const struct kw_tree *t, time_t since);
void recover_calls_free(struct kw_calls *c);

/* --recover=list: print the unfinished calls; returns the exit status. */
int recover_list(const struct kw_opts *o);

/*
 * Continue the call --recover names (o->recover: "" for the most recent
 * one that can be, or N from the list), or the call journaled at `path`
 * when not NULL: its journal locked, read to the first damage, replayed on
 * *tp (when NULL: o->tree_path, else the tree the journal names, loaded
 * into *tp), and opened to go on writing (*jp, NULL when new calls are not
 * journaled). What was dropped is said on stderr. Returns 0, or the exit
 * status with the reason printed.
 */
int recover_call(const struct kw_opts *o, const char *path,
    struct kw_tree **tp, struct kw_session **sp, struct kw_journal **jp);

/*
 * At a normal start on a terminal: offer the most recent call on tree `t`
 * from the last 24 hours ("An unfinished call from 14:02 — ..., step 4.
 * Continue? y/n"). Returns the journal to continue (caller frees), or NULL
 * when there is none or the user declines (the journal is kept); *ended
 * is set when input ended instead of an answer.
 */
char *recover_offer(const struct kw_opts *o, const struct kw_tree *t,
    int *ended);

#endif
