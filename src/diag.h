/* SPDX-License-Identifier: MIT */
/* diag.h - diagnostics about an input file: FILE:LINE:COL: severity: message */
#ifndef KW_DIAG_H
#define KW_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* A position in a source file; line and col are 1-based, 0 means unknown. */
struct kw_pos {
	unsigned line;
	unsigned col;
};

enum kw_severity {
	KW_SEV_ERROR,
	KW_SEV_WARNING
};

struct kw_diag {
	enum kw_severity sev;
	struct kw_pos pos;
	char *msg;		/* owned */
};

/* A list of diagnostics about one file. Zero-initialise, then diags_init(). */
struct kw_diags {
	char *file;		/* owned copy of the file name used in messages */
	struct kw_diag *v;
	size_t n, cap;
	size_t nerrors, nwarnings;
};

void diags_init(struct kw_diags *d, const char *file);
void diags_add(struct kw_diags *d, enum kw_severity sev, struct kw_pos pos,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Sort by position (stable), so reports read top to bottom. */
void diags_sort(struct kw_diags *d);
#define KW_DIAGS_PRINT_MAX 1000

/* Print each as "FILE:LINE:COL: error: MSG" ("FILE: error: MSG" when the
 * position is unknown), the first KW_DIAGS_PRINT_MAX of them, then a line
 * counting the rest. */
void diags_print(const struct kw_diags *d, FILE *fp);
/* fprintf() for every message that quotes outside data (a file name, an
 * id or text from a tree or a record, an argument): the whole message goes
 * through text_clean(), so that no control character (an escape sequence
 * that would set the title or write the clipboard), bidi override or
 * invalid UTF-8 reaches the terminal; each shows as '?'. */
void diag_printf(FILE *fp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Frees what the list owns; accepts NULL. */
void diags_free(struct kw_diags *d);

#endif
