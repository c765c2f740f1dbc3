/* SPDX-License-Identifier: MIT */
/* ui.h - the front ends: each runs a session to its end */
#ifndef KW_UI_H
#define KW_UI_H

#include <stdio.h>

#include "interact.h"
#include "session.h"
#include "tree.h"

struct kw_ui_opts {
	int training;		/* show each node's `why` */
	int echo;		/* plain: echo answers (input is not a terminal) */
	size_t width;		/* plain: wrap width in columns (0: 80) */
	const struct kw_scenario *scenario; /* practice: the caller, or NULL */
	struct kw_asks *asks;	/* practice: the steps the caller was asked
				 * about, counted by the front end */
};

/*
 * Run the session until an outcome is acknowledged, the user quits, input
 * ends, or a signal arrives (sig_caught). The session is left finished
 * (session_finish) unless a signal stopped it. Returns KW_EXIT_OK when an
 * outcome was reached, KW_EXIT_NEGATIVE when the user quit or input ended,
 * 128+N for signal N.
 */
int ui_plain_run(struct kw_session *s, FILE *in, FILE *out,
    const struct kw_ui_opts *o);
int ui_curses_run(struct kw_session *s, const struct kw_ui_opts *o);

/*
 * The pick screen (--pick): the trees of `p` to choose from, filtered as
 * the user types. Returns KW_EXIT_OK with the row chosen (an index of
 * pick_shown()) in *chosen, KW_EXIT_NEGATIVE when the user quit or input
 * ended, 128+N for signal N.
 */
struct kw_pick;
int ui_plain_pick(struct kw_pick *p, FILE *in, FILE *out,
    const struct kw_ui_opts *o, size_t *chosen);
int ui_curses_pick(struct kw_pick *p, const struct kw_ui_opts *o,
    size_t *chosen);

#endif
