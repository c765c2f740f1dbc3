/* SPDX-License-Identifier: MIT */
/* record.h - the session record: Markdown and JSON, written atomically, resumed */
#ifndef KW_RECORD_H
#define KW_RECORD_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "session.h"
#include "tree.h"

/* The "keywiz_record" version of the JSON record (keywiz(1) SESSION RECORD). */
#define KW_RECORD_VERSION 1
/* A record to resume is read whole; larger files are refused, and a JSON
 * record that would be larger is not written (about 300,000 screens). */
#define KW_RECORD_MAX (64 * 1024 * 1024)
/* The last year a record can hold (ISO 8601 basic four-digit years). */
#define KW_RECORD_YEAR_MAX 9999

/*
 * A record says when the session ran, on which tree (id, version and a hash
 * of its structure), in which language, the masked key and its analysis, the
 * matched error, every screen shown with the answer and its time, the notes
 * and the outcome. It holds what the session holds, so never the full key.
 * Both writers borrow the session; they return 0, or -1 on a write error.
 * record_json() writes nothing and returns -1 with errno EOVERFLOW when a
 * time of the session is not in 1970..KW_RECORD_YEAR_MAX, or EMSGSIZE when
 * the record would be larger than KW_RECORD_MAX: what it writes, --resume
 * reads.
 */
int record_markdown(const struct kw_session *s, FILE *fp);
int record_json(const struct kw_session *s, FILE *fp);

/*
 * Write the record to `path`: JSON if it ends in ".json", else Markdown;
 * "-" is standard output (Markdown). A file is written as a temporary file
 * in the same folder, flushed to disk and renamed over `path`, so that
 * `path` holds either the old content or the whole new record; it is
 * owner-only (0600), or keeps the mode of the record it replaces. Only a
 * regular file of the user's own is replaced (record_check_target()).
 * Returns 0, or -1 with "PATH: reason" in `err` (the temporary file
 * removed).
 */
int record_write(const struct kw_session *s, const char *path, char *err,
    size_t errsize);
/* The format record_write() writes to `path` in: 1 JSON (the name ends in
 * ".json", in any case), 0 Markdown. */
int record_path_json(const char *path);
/* The same in the format asked for (json: 1 JSON, 0 Markdown). */
int record_save(const struct kw_session *s, const char *path, int json,
    char *err, size_t errsize);

/*
 * Whether a record can be written to `path`, asked before the session
 * starts: "-", or a path that is missing or a regular file of the user's
 * own (not a symbolic link, a folder, a FIFO, a device or a socket), in an
 * existing folder where a file can be created, on a device with space
 * left. Returns 0, or -1 with "PATH: reason" in `err`.
 */
int record_check_target(const char *path, char *err, size_t errsize);

/*
 * The records folder (keywiz(1) RECORDS FOLDER). Before the call:
 * whether `dir` is a folder this user can create files in; 0, or -1 with
 * the reason in `err`.
 */
int record_check_folder(const char *dir, char *err, size_t errsize);
/* A new name in `dir` for the session's record: the start's UTC time
 * (20261206T144512Z, so that names sort by time), the agent and the
 * ticket made fit for a file name, six random characters; ".json". */
char *record_folder_name(const struct kw_session *s, const char *dir);
/*
 * Write the session's JSON record in folder `dir` under a new name
 * (record_folder_name(), another one if a file took it first: a record
 * never replaces another), whole or not at all, with permission bits
 * `mode` (0: 0600); the folder's group if it is setgid. Returns 0 with the
 * path in *out (caller frees), or -1 with "PATH: reason" in `err`.
 */
int record_save_folder(const struct kw_session *s, const char *dir,
    mode_t mode, char **out, char *err, size_t errsize);
/*
 * The end-of-call command: /bin/sh -c `cmd` with the record at `path` on
 * its standard input and its path in KEYWIZ_RECORD, waited for. Returns 0
 * when it exits 0, else -1 with what went wrong in `err` ("exit status 3",
 * "killed by signal 9", "command not found"...).
 */
int record_on_end(const char *cmd, const char *path, char *err,
    size_t errsize);

/*
 * The structure hash of a tree, as recorded: "fnv1a64:" and 16 hex digits
 * over the start node, each node's id and type and each option's id and
 * target. Texts do not count: a translated or reworded tree still resumes.
 */
void record_tree_hash(const struct kw_tree *t, char *buf, size_t size);

/*
 * The file at `path` read whole, for a JSON record: opened without waiting
 * (a FIFO with no writer, a device) and refused unless it is a regular
 * file of at most KW_RECORD_MAX bytes. Returns the bytes (a NUL is not
 * added; caller frees) with their number in *len, or NULL with the reason
 * in `err`.
 */
char *record_read(const char *path, size_t *len, char *err, size_t errsize);

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
