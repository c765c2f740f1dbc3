/* SPDX-License-Identifier: MIT */
/* sig.h - signals that end a session: the handler only records which one */
#ifndef KW_SIG_H
#define KW_SIG_H

#include <signal.h>

/* The last of SIGINT, SIGTERM, SIGHUP received, or 0. */
extern volatile sig_atomic_t sig_caught;

/* Install handlers for SIGINT, SIGTERM and SIGHUP that set sig_caught
 * (without SA_RESTART, so a blocking read returns EINTR). */
void sig_install(void);

/* Restore the default action and re-raise the caught signal, so the exit
 * status says which signal ended keywiz (128+N). */
_Noreturn void sig_reraise(void);

#endif
