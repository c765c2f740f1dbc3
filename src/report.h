/* SPDX-License-Identifier: MIT */
/* report.h - --report: what a folder of session records says about the calls */
#ifndef KW_REPORT_H
#define KW_REPORT_H

#include <stdio.h>
#include <time.h>

enum report_format {
	REPORT_TEXT,		/* aligned tables with bars, for a terminal */
	REPORT_CSV,		/* one row per figure (RFC 4180) */
	REPORT_JSON		/* one object, for dashboards */
};

struct report_opts {
	const char *const *paths;	/* files and folders of JSON records */
	size_t npaths;
	enum report_format format;
	int dot;		/* the traffic map instead of the tables */
	int has_since, has_until;
	time_t since, until;	/* records started in [since, until] */
	const char *lang;	/* the interface language (labels from trees) */
};

/*
 * Read every record under o->paths, one file at a time (memory does not
 * grow with their number), and print the report on `out`. A file that
 * cannot be read or is not a keywiz record is skipped with one line on
 * stderr. Returns 0, 1 when no record was reported, 66 when nothing was
 * read and an argument could not be opened, 74 on a write error.
 */
int cmd_report(const struct report_opts *o, FILE *out);

/*
 * A --since or --until date: YYYY-MM-DD (local time; the start of that day,
 * or with `end` its last second) or a full record time
 * (YYYY-MM-DDTHH:MM:SS+HH:MM). Returns 0, or -1 when it is neither.
 */
int report_parse_date(const char *s, int end, time_t *out);

#endif
