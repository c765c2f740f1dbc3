/* SPDX-License-Identifier: MIT */
/* screenutil.h - driving the curses front end's screens without a terminal, for test_screens and test_golden */
#ifndef KW_SCREENUTIL_H
#define KW_SCREENUTIL_H

#include "pick.h"
#include "screen.h"

/*
 * A drive is the shell's loop (ui_curses_run) with the terminal taken
 * out: each input is handed to the screen that was drawn for it, as the
 * shell does, and a frame is laid out for every screen shown, so that
 * the scrolling that paint does happens here too. Keys go through the
 * key table (screen_lookup) as the shell's decoding sends them.
 */
struct drive {
	struct kw_session *s;
	struct kw_ui_opts o;
	struct cui ui;
	struct frame f;
	int lines, cols;
	int over;		/* screen_next said the run is over */
	struct kw_pick pick;	/* drive_pick's trees */
};

/* A run on the bundled tree in `lang`, on a terminal of lines x cols;
 * drive_practice: a practice call of its first scenario. */
void drive_start(struct drive *d, const char *lang, int lines, int cols);
void drive_practice(struct drive *d, const char *lang, int lines, int cols);
/* The pick screen (--pick) over the trees of the source tree's wizard
 * folder (as KEYWIZ_PATH) and the fixture team's folders
 * (tests/fixtures/team), none other: trees installed on the machine are
 * left out. */
void drive_pick(struct drive *d, const char *lang, int lines, int cols);
void drive_free(struct drive *d);

/* One turn of the loop up to the paint: the screen up now (SCR_COUNT
 * once the run is over); drive_screen fails the test then. */
enum scr drive_frame(struct drive *d);
enum scr drive_screen(struct drive *d);
/* `in` to screen `scr`, the one drawn: what the screen did. */
enum key_result drive_handle(struct drive *d, enum scr scr, struct input in);
/* A key as the shell decodes it (a character or FN | KW_K_*); ASCII typed
 * one key at a time; a paste; the terminal resized. */
enum key_result drive_key(struct drive *d, int code);
void drive_type(struct drive *d, const char *s);
void drive_paste(struct drive *d, const char *text);
void drive_resize(struct drive *d, int lines, int cols);

/* What the terminal shows now, one line per row, trailing blanks dropped
 * (the rule as U+2500, the scroll arrows as U+2191 and U+2193). Caller
 * frees. */
char *drive_show(struct drive *d);

/* The text the last answer was given with (a filter, a paste); the
 * current node's id; from the key screen to the error list, a valid key
 * pasted. */
const char *drive_answer(const struct drive *d);
const char *drive_node(const struct drive *d);
void drive_to_errors(struct drive *d);

#endif
