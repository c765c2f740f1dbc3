/* SPDX-License-Identifier: MIT */
/* sig.h - signals that end a session: an orderly one only sets a flag, a fatal one restores the terminal and takes its default action */
#ifndef KW_SIG_H
#define KW_SIG_H

#include <signal.h>

/* The last of SIGINT, SIGTERM, SIGHUP, SIGPIPE received, or 0. */
extern volatile sig_atomic_t sig_caught;

/*
 * Install the handlers of a session:
 * - SIGINT, SIGTERM, SIGHUP and SIGPIPE set sig_caught (without
 *   SA_RESTART, so a blocking read returns EINTR, and a write to a closed
 *   pipe fails with EPIPE): the front end ends, the record is saved, then
 *   sig_reraise();
 * - SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGXCPU and SIGXFSZ
 *   run sig_tty_restore() (on a stack of their own), then take their
 *   default action (a core dump where the limits allow one).
 */
void sig_install(void);

/* Remember the terminal modes of `in` as they are now, for
 * sig_tty_restore(), which also writes the sequence of sig_tty_exit() to
 * `out`. Call before changing the modes. */
void sig_tty_save(int in, int out);
/* The escape sequences that leave the full-screen mode (what endwin()
 * sends), for sig_tty_restore(); NULL or "" for none. At most
 * SIG_TTY_EXIT_MAX - 1 bytes, else none. */
#define SIG_TTY_EXIT_MAX 512
void sig_tty_exit(const char *seq);
/* Forget both: the terminal is keywiz's no more. */
void sig_tty_forget(void);
/* Async-signal-safe: write the exit sequence and put back the saved
 * modes (each if set). Also a fatal() hook. errno is kept. */
void sig_tty_restore(void);

/* The terminal has gone without a SIGHUP (reads fail): end as if one had
 * come. */
void sig_hangup(void);

/* Restore the default action and re-raise the caught signal, so the exit
 * status says which signal ended keywiz (128+N). */
_Noreturn void sig_reraise(void);

#endif
