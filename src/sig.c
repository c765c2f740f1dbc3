/* SPDX-License-Identifier: MIT */
/* sig.c - signals that end a session: an orderly one only sets a flag, a fatal one restores the terminal and takes its default action */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sig.h"

volatile sig_atomic_t sig_caught;

/*
 * The terminal as it was before keywiz changed it, and what the curses
 * front end sends to leave the screen (endwin's escape sequences), kept
 * where a handler can reach them without calling anything that is not
 * async-signal-safe.
 */
static struct termios tty_saved;
static volatile sig_atomic_t tty_in = -1, tty_out = -1;
static char tty_exit[SIG_TTY_EXIT_MAX];
static volatile sig_atomic_t tty_exit_len;

/* The fatal ones need a stack of their own: a stack overflow is a SIGSEGV
 * too. A fixed size, since SIGSTKSZ need not be a constant. */
static char alt_stack[64 * 1024];

static void
on_signal(int sig)
{
	sig_caught = sig;
}

void
sig_tty_restore(void)
{
	int saved_errno = errno, out = tty_out, in = tty_in;
	size_t len = (size_t)tty_exit_len, done = 0;

	while (out >= 0 && done < len) {
		ssize_t n = write(out, tty_exit + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (in >= 0)
		tcsetattr(in, TCSANOW, &tty_saved);
	errno = saved_errno;
}

static void
on_fatal(int sig)
{
	struct sigaction sa;

	sig_tty_restore();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	/* blocked while the handler runs: it is delivered, with the default
	 * action, as the handler returns (a fault re-faults the same way) */
	raise(sig);
}

void
sig_install(void)
{
	static const int orderly[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	static const int fatal[] = { SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE,
	    SIGILL, SIGXCPU, SIGXFSZ };
	struct sigaction sa;
	stack_t ss;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	for (size_t i = 0; i < sizeof orderly / sizeof orderly[0]; i++)
		sigaction(orderly[i], &sa, NULL);

	memset(&ss, 0, sizeof ss);
	ss.ss_sp = alt_stack;
	ss.ss_size = sizeof alt_stack;
	sa.sa_handler = on_fatal;
	sa.sa_flags = sigaltstack(&ss, NULL) == 0 ? SA_ONSTACK : 0;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
}

void
sig_tty_save(int in, int out)
{
	tty_in = -1;
	if (tcgetattr(in, &tty_saved) == 0)
		tty_in = in;
	tty_out = out;
}

void
sig_tty_exit(const char *seq)
{
	size_t n = seq != NULL ? strlen(seq) : 0;

	tty_exit_len = 0;
	if (n >= sizeof tty_exit)
		n = 0;		/* not a whole sequence: none */
	memcpy(tty_exit, seq != NULL ? seq : "", n);
	tty_exit_len = (sig_atomic_t)n;
}

void
sig_tty_forget(void)
{
	tty_exit_len = 0;
	tty_in = -1;
	tty_out = -1;
}

void
sig_hangup(void)
{
	sig_caught = SIGHUP;
}

void
sig_reraise(void)
{
	int sig = sig_caught ? sig_caught : SIGTERM;

	signal(sig, SIG_DFL);
	raise(sig);
	exit(128 + sig);
}
