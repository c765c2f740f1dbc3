/* SPDX-License-Identifier: MIT */
/* journal.h - the session journal: every event written down as it happens, read back after a crash */
#ifndef KW_JOURNAL_H
#define KW_JOURNAL_H

#include <stddef.h>
#include <sys/types.h>

#include "session.h"
#include "tree.h"

/*
 * A journal is one file in the journal folder ($XDG_STATE_HOME/keywiz,
 * default ~/.local/state/keywiz; 0700), owner-only, one JSON object a line:
 * a head (the "keywiz_journal" version, the tree's id, version, hash, title
 * and file, the language, the start, the process id), then the session's
 * events as the JSON record writes them in "events" (a key event also
 * carries the analysis' one-line summary). It holds what the session
 * holds, so never the full key. Each change of the session is appended
 * and flushed to disk (fdatasync) before the front end draws again. The
 * process writing a journal holds a lock on it (fcntl), which dies with
 * the process.
 */

#define KW_JOURNAL_VERSION 1
/* A journal to recover is read whole; larger files are refused. */
#define KW_JOURNAL_MAX (64 * 1024 * 1024)
/* Journal files are named STARTED-PID.journal. */
#define KW_JOURNAL_SUFFIX ".journal"

struct kw_journal;
struct json_t;			/* jansson's json_t */

/* Whether new calls are journaled: not when $KEYWIZ_NO_JOURNAL is set to
 * anything but "" or "0". */
int journal_enabled(void);
/* The journal folder (caller frees); NULL when neither $XDG_STATE_HOME
 * (absolute) nor $HOME is set. */
char *journal_dir(void);

/*
 * Start the journal of session `s` on the tree read from `tree_path`: the
 * folder made if needed, a new file created, locked, and the head and the
 * events so far written and flushed; then every change of the session is
 * appended (session_set_hook). Returns NULL with the reason in `err`
 * (the call then goes on without a journal).
 */
struct kw_journal *journal_create(struct kw_session *s,
    const char *tree_path, char *err, size_t errsize);

/*
 * Open the journal at `path` to continue it: opened, locked, read whole.
 * Returns NULL with the reason in `err`, and *holder set to the process
 * that holds the lock when that is the reason (else 0). The contents are
 * in *buf (*len bytes; caller wipes and frees).
 */
struct kw_journal *journal_open(const char *path, char **buf, size_t *len,
    pid_t *holder, char *err, size_t errsize);
/*
 * Go on writing the journal opened by journal_open() for session `s`,
 * rebuilt from its first `n` events, which end at byte `end` of the file
 * (what came after them, damaged, is cut off): the events `s` has beyond
 * them are appended now, and every change after. Returns 0, or -1 with
 * the reason in `err`.
 */
int journal_continue(struct kw_journal *j, struct kw_session *s, size_t n,
    size_t end, char *err, size_t errsize);

/* The reason the last write failed, or NULL: the journal is behind the
 * session (it is tried again at the next change). */
const char *journal_error(const struct kw_journal *j);
const char *journal_file(const struct kw_journal *j);

/* Stop writing; with `remove`, delete the file (the call is over and its
 * record, if any, saved). Accepts NULL. */
void journal_close(struct kw_journal *j, int remove);

/* The process holding the lock on the journal at `path`, or 0. Do not ask
 * about a journal this process holds (closing the file it opens would drop
 * the lock). */
pid_t journal_holder(const char *path);

/* ---- reading ---- */

/* A journal as read: its head, and its events up to the first damage. */
struct kw_journal_read {
	struct json_t *head;		/* the head object */
	struct json_t *events;		/* the events read whole, in order */
	size_t *end;		/* end[i]: the byte after event i's line */
	size_t good;		/* bytes of the undamaged beginning */
	size_t dropped;		/* bytes after it, not read */
	size_t dropped_lines;	/* lines (or parts of one) among them */
	size_t damaged_line;	/* the first line not read (1-based), or 0 */
	const char *why;	/* what is wrong with that line */
};

/*
 * Read a journal's `len` bytes at `buf`: the head, then one event a line
 * until the end or the first line that is not a whole JSON object with a
 * "type" (a line cut short, garbage). Returns 0, or -1 with the reason in
 * `err` when the head itself is missing or not a journal's. Free with
 * journal_read_free().
 */
int journal_parse(const char *buf, size_t len, struct kw_journal_read *r,
    char *err, size_t errsize);
void journal_read_free(struct kw_journal_read *r);

/* What was dropped, in words ("" if nothing), into buf. */
void journal_damage(const struct kw_journal_read *r, char *buf, size_t size);

/*
 * The JSON record the first `n` events of the journal make (the head's
 * tree, language and start, the last key, the path the events lead to),
 * for record_resume_json(). A new reference (caller decrefs).
 */
struct json_t *journal_record(const struct kw_journal_read *r, size_t n);

/* The events read whole. */
size_t journal_nevents(const struct kw_journal_read *r);

/*
 * Rebuild the session a journal read holds, on tree `t`: from all its
 * events, else (an end that does not replay: an answer whose screen never
 * reached the disk) from up to 8 fewer. Returns the session (*n: the
 * events it was rebuilt from; `err`: "" or a note to show), or NULL with
 * the reason in `err`.
 */
struct kw_session *journal_resume(const struct kw_tree *t,
    const struct kw_journal_read *r, size_t *n, char *err, size_t errsize);

/* The head's string field `key` (or its tree's, for "tree.id" and
 * "tree.file"), or NULL. */
const char *journal_head_str(const struct kw_journal_read *r,
    const char *key);

#endif
