/* SPDX-License-Identifier: MIT */
/* record.h - the session record: Markdown and JSON, written atomically, resumed */
#ifndef KW_RECORD_H
#define KW_RECORD_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "session.h"
#include "tree.h"

/* The "keywiz_record" version of the JSON record (keywiz(1) SESSION RECORD). */
#define KW_RECORD_VERSION 1
/* A record to resume is read whole; larger files are refused. */
#define KW_RECORD_MAX (4 * 1024 * 1024)

/*
 * A record says when the session ran, on which tree (id, version and a hash
 * of its structure), in which language, the masked key and its analysis, the
 * matched error, every screen shown with the answer and its time, the notes
 * and the outcome. It holds what the session holds, so never the full key.
 * Both writers borrow the session; they return 0, or -1 on a write error.
 */
int record_markdown(const struct kw_session *s, FILE *fp);
int record_json(const struct kw_session *s, FILE *fp);

/*
 * Write the record to `path`: JSON if it ends in ".json", else Markdown.
 * The file is created owner-only (0600) as a temporary file in the same
 * folder, written, flushed to disk and renamed over `path`, so that `path`
 * holds either the old content or the whole new record. Returns 0, or -1
 * with "PATH: reason" in `err` (the temporary file removed).
 */
int record_write(const struct kw_session *s, const char *path, char *err,
    size_t errsize);
/* The same in the format asked for (json: 1 JSON, 0 Markdown). */
int record_save(const struct kw_session *s, const char *path, int json,
    char *err, size_t errsize);

/*
 * The structure hash of a tree, as recorded: "fnv1a64:" and 16 hex digits
 * over the start node, each node's id and type and each option's id and
 * target. Texts do not count: a translated or reworded tree still resumes.
 */
void record_tree_hash(const struct kw_tree *t, char *buf, size_t size);

/* The id of the tree the JSON record at `path` was made on, copied into
 * `id` (`size` bytes); -1 when the file cannot be read or has none. Only
 * a hint for choosing the tree: record_resume() checks everything. */
int record_tree_id(const char *path, char *id, size_t size);

/*
 * Rebuild the session saved in the JSON record at `path` on tree `t`,
 * replaying its events (answers, back, restart, key analysis, notes, ticks)
 * at their recorded times; the session is then open again (KW_EV_RESUME,
 * stamped by `clock`, NULL: time()). Nothing in the file is trusted: the
 * version, the tree id, every node id, answer and string are checked, and a
 * tree that changed since is explained (which node or answer is gone).
 * Returns 0 with *out set (caller frees); on success `err` is "" or a note
 * to show (the tree changed, harmlessly). Returns -1 when the record is
 * refused, -2 when the file cannot be read, with the reason in `err`.
 */
int record_resume(const struct kw_tree *t, const char *path,
    time_t (*clock)(void), struct kw_session **out, char *err,
    size_t errsize);

#endif
