/* SPDX-License-Identifier: MIT */
/* input.h - reading a bounded line of input */
#ifndef KW_INPUT_H
#define KW_INPUT_H

#include <stdio.h>

/* Read one line from `fp` into a new string, newline (and a CR before it)
 * removed, keeping at most `max` bytes (the rest of a longer line is read
 * and dropped, *truncated set if non-NULL). Returns NULL at end of input or
 * on a read error (errno tells; EINTR when a signal came). Buffers it
 * outgrows are wiped, since the line may be a product key. Caller frees
 * (and wipes, for a key). */
char *input_line(FILE *fp, size_t max, int *truncated);

/* input_line(), without echo when `fp` is a terminal: nothing shows as
 * the line is typed, not even the newline (the caller prints it back as
 * it sees fit); the modes are put back before it returns, a signal or an
 * error included, and set again after a stop (SIGCONT). For the fatal
 * signals, the caller saves the modes first (sig_tty_save()). Unbuffer
 * `fp` (setvbuf _IONBF) before any reading, so that no copy of the line
 * stays in stdio's buffer. */
char *input_secret_line(FILE *fp, size_t max, int *truncated);

#endif
