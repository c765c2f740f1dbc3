/* SPDX-License-Identifier: MIT */
/* sig.c - signals that end a session: the handler only records which one */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "sig.h"

volatile sig_atomic_t sig_caught;

static void
on_signal(int sig)
{
	sig_caught = sig;
}

void
sig_install(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

void
sig_reraise(void)
{
	int sig = sig_caught ? sig_caught : SIGTERM;

	signal(sig, SIG_DFL);
	raise(sig);
	exit(128 + sig);
}
