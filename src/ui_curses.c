/* SPDX-License-Identifier: MIT */
/* ui_curses.c - the ncurses front end (until it lands: the plain one) */
#include "config.h"

#include <stdio.h>

#include "ui.h"

int
ui_curses_run(struct kw_session *s, const struct kw_ui_opts *o)
{
	struct kw_ui_opts po = *o;

	po.width = 80;
	return ui_plain_run(s, stdin, stdout, &po);
}
