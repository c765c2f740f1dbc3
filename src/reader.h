/* SPDX-License-Identifier: MIT */
/* reader.h - the loader's byte stage: a tree's bytes vetted before libyaml sees them */
#ifndef KW_READER_H
#define KW_READER_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/*
 * A tree file must be UTF-8 text without NUL bytes, control characters or
 * a byte order mark inside it; the reader says where the first bad byte is
 * (line and column counted as libyaml counts them) before the YAML parser
 * ever sees it. It reads from memory (vetted at once by reader_vet) or
 * streams a regular file through reader_read, libyaml's read handler, in
 * chunks that are each vetted first, so a file is never held whole.
 * Errors go to `diags`; the reader stops at the first.
 */
struct kw_reader {
	const char *buf;	/* in memory (fd < 0), `len` bytes */
	size_t len;
	int fd;			/* else a regular file, streamed */
	size_t max_bytes;	/* a stream longer than this is refused */
	struct kw_diags *diags;

	/* chunk[0] is at file offset `off`; [cbeg, vend) is vetted and not
	 * yet given to libyaml, [vend, cend) the start of a character cut by
	 * the end of a read. */
	unsigned char *chunk;
	size_t off, cbeg, vend, cend;
	int eof;
	int stopped;		/* an error was reported */
};

/* In memory: `buf` (len bytes, not necessarily NUL-terminated), or a file
 * descriptor to stream (buf NULL, len its size). reader_done frees. */
void reader_init(struct kw_reader *r, const char *buf, size_t len, int fd,
    size_t max_bytes, struct kw_diags *diags);
void reader_done(struct kw_reader *r);

/* Vet an in-memory input whole: 0, or -1 with the error reported. */
int reader_vet(struct kw_reader *r);

/* libyaml's read handler (data: the reader): 1 and the bytes read (none at
 * the end of the file), or 0 after an error, which has been reported. */
int reader_read(void *data, unsigned char *buf, size_t size,
    size_t *size_read);

/* The line and column of byte `off` of the input (a stream is read again
 * up to there: only ever for an error message). */
struct kw_pos reader_pos(const struct kw_reader *r, size_t off);


/* The whole of `fd` (at most max + 1 bytes of it) into a new buffer, for
 * inputs that cannot be streamed (a pipe); NULL with *len set to the size
 * when a regular file is over max, NULL with *err set on a read error. */
char *reader_slurp(int fd, size_t max, size_t *len, int *err);

#endif
