/* SPDX-License-Identifier: MIT */
/* atomic.h - replacing a file whole or not at all */
#ifndef KW_ATOMIC_H
#define KW_ATOMIC_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/*
 * Replace the file at `path` with what `put` writes to the stream it is
 * given (`put` returns 0, or -1 on an error). The new content goes to a
 * temporary file ".NAME.XXXXXX" beside `path`, created owner-only (0600),
 * flushed to disk and renamed over `path`, and the folder is flushed too:
 * `path` holds either its old content or all of the new one, even after a
 * crash. Returns 0, or -1 with errno set (the temporary file removed).
 */
int atomic_write(const char *path, int (*put)(FILE *fp, void *arg),
    void *arg);
/* The same, the new file given `mode` (its permission bits) instead. */
int atomic_write_mode(const char *path, mode_t mode,
    int (*put)(FILE *fp, void *arg), void *arg);
/* The same, but only where no file is: a file already at `path` (or one
 * that another process puts there first) fails it with errno EEXIST, and
 * nothing is replaced: link(2) instead of rename(2), or where the file
 * system has no hard links, renameat2(2) with RENAME_NOREPLACE. */
int atomic_write_new(const char *path, mode_t mode,
    int (*put)(FILE *fp, void *arg), void *arg);
/* The same with `len` bytes at `buf` as the new content. */
int atomic_write_buf(const char *path, const void *buf, size_t len);

#endif
