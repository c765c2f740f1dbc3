/* SPDX-License-Identifier: MIT */
/* plain-int.h - the line front end's state, shared by ui_plain.c (what is
 * read) and plain-draw.c (what is printed) */
#ifndef KW_PLAIN_INT_H
#define KW_PLAIN_INT_H

#include <stdio.h>

#include "interact.h"
#include "session.h"
#include "ui.h"
#include "view.h"

struct plain {
	struct kw_session *s;
	FILE *in, *out;
	const struct kw_ui_opts *o;
	size_t width;
	struct kw_view v;
	struct kw_matching matching;	/* for the current choice node */
	int key_pending;		/* key node: an analysed key awaits Enter */
	struct kw_shown shown;		/* the step last drawn */
	char *said;			/* text given here that matched nothing */
	int tty;			/* input is a terminal: a key line is read
					 * without echo */
	int quiet;			/* the line being handled was read without
					 * echo: it is printed back, masked */
};

/* plain-draw.c: what the line front end prints */

/* Print tree or user text as the screens lay it out (layout_add):
 * cleaned of control characters, wrapped to the width, the first line
 * indented by `indent` spaces and led by `first`, the others lined up
 * after it. */
void plain_put(struct plain *p, size_t indent, const char *first,
    const char *s);
/* A message of keywiz's own (printf format), wrapped. */
void plain_say(struct plain *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The current screen: its title, text, links, items, answers. */
void plain_draw(struct plain *p);
/* Checklist item `i` of the current step: "[x] 1. text". */
void plain_item(struct plain *p, size_t i);
/* The prompt: what this screen accepts, each letter with what it does,
 * then "> ". */
void plain_prompt(struct plain *p);
/* What the lines accepted here do. */
void plain_help(struct plain *p);
/* Practice: who is calling; the caller's answer about this step; the
 * score at the end. */
void plain_caller(struct plain *p);
void plain_ask_caller(struct plain *p);
void plain_score(struct plain *p);

#endif
