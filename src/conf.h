/* SPDX-License-Identifier: MIT */
/* conf.h - the configuration files: a team's settings, the user's over the system's */
#ifndef KW_CONF_H
#define KW_CONF_H

#include <stddef.h>
#include <sys/types.h>

#include "diag.h"

/* keywiz-config(5): the keys of config.yaml. Unset: NULL, -1 or 0. */
struct kw_conf {
	char *tree;		/* the tree when none is named */
	int pick;		/* 1: choose it on the pick screen instead */
	char *lang;		/* "en" or "fr" */
	int plain;		/* front_end: 1 plain, 0 curses (automatic) */
	int training;		/* 1 training mode */
	char *agent;		/* who takes the calls */
	char *records;		/* the records folder (~/ expanded) */
	mode_t records_mode;	/* its records' permission bits; 0: 0600 */
	char *on_end;		/* the end-of-call command */
};

/* A file larger than this is refused. */
#define KW_CONF_MAX_BYTES (1024 * 1024)
/* The longest agent name or ticket id. */
#define KW_CONF_NAME_MAX 64

/*
 * Read each configuration file that exists, the least important first:
 * each $XDG_CONFIG_DIRS folder's keywiz/config.yaml (default /etc/xdg),
 * the last folder first, then $XDG_CONFIG_HOME/keywiz/config.yaml (default
 * ~/.config), a key of a later file replacing the same key of an earlier
 * one. The settings are then conf_get()'s. Returns 0, or -1 once the
 * error ("FILE:LINE:COL: error: ...") is printed on stderr: an unknown
 * key (with a "did you mean"), a bad value, a file that cannot be read.
 */
int conf_load(void);

/* The settings in force: the files', with the command line's set over
 * them by main. Never NULL; the strings are owned by it. */
struct kw_conf *conf_get(void);

/* The records folder in force (config key `records`, or --records), or
 * NULL: where every session leaves its record, and what --report reads
 * by default. */
const char *conf_records_dir(void);

/*
 * One file's settings, `len` bytes at `buf`, over those in `c` (tests and
 * fuzzing; conf_load reads the files through it). The file name in
 * messages is the one `d` holds. Returns 0, or -1 with one error in `d`.
 */
int conf_parse(struct kw_conf *c, const char *buf, size_t len,
    struct kw_diags *d);
/* Free what `c` holds and unset it; accepts NULL. */
void conf_free(struct kw_conf *c);

/* Whether `s` can be an agent name or a ticket id (stored in records and
 * in their file names): NULL, or why not. */
const char *conf_name_problem(const char *s);

/* Replace the string *field by a copy of `s`. */
void conf_set(char **field, const char *s);

#endif
