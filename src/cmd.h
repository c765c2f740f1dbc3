/* SPDX-License-Identifier: MIT */
/* cmd.h - the commands that print something and exit (--check, --match, ...) */
#ifndef KW_CMD_H
#define KW_CMD_H

#include <stdio.h>
#include <sys/types.h>

#include "tree.h"

/* Exit statuses (keywiz(1) "EXIT STATUS"; sysexits.h values). */
enum {
	KW_EXIT_OK = 0,
	KW_EXIT_NEGATIVE = 1,	/* key invalid, nothing matched, quit early */
	KW_EXIT_USAGE = 64,
	KW_EXIT_DATAERR = 65,	/* invalid tree or record */
	KW_EXIT_NOINPUT = 66,	/* cannot open input */
	KW_EXIT_SOFTWARE = 70,
	KW_EXIT_IOERR = 74,
	KW_EXIT_TEMPFAIL = 75,	/* the end-of-call command failed */
	KW_EXIT_CONFIG = 78	/* a configuration file is wrong */
};

/* Options shared by the commands and the front ends. */
struct kw_opts {
	const char *tree_path;	/* resolved path of the tree (--recover
				 * without TREE: NULL, the journal's) */
	const char *lang;	/* UI language code */
	int lang_given;		/* by --lang, not from the environment */
	const char *transcript;	/* -o FILE, or NULL */
	const char *resume;	/* --resume FILE, or NULL */
	const char *recover;	/* --recover[=list|N]: "", "list", N; or NULL */
	int plain;
	int training;
	int practice;
	const char *scenario;	/* --scenario=ID, or NULL: a random one */
	const char *agent;	/* --agent or the config's, or NULL */
	const char *ticket;	/* --ticket, or NULL */
	int agent_given;	/* --agent on the command line */
	const char *records;	/* the records folder, or NULL */
	mode_t records_mode;	/* its records' mode (0: 0600) */
	const char *on_end;	/* the end-of-call command, or NULL */
};

/* --check: load and check, print diagnostics to stderr, "FILE: OK ..." to
 * stdout; returns 0, 65 (invalid) or 66 (cannot open). */
int cmd_check(const struct kw_opts *o);
/* --check-key=KEY: print the analysis; 0 well-formed, 1 not. The key format
 * comes from `t` (or the default when t is NULL or has none). */
int cmd_key(const struct kw_tree *t, const char *key, FILE *out);
/* --match=TEXT: print the matches best first; 0, or 1 when none. */
int cmd_match(const struct kw_tree *t, size_t lang, const char *text,
    FILE *out);

/* --list: every tree found (name, version, languages, title in `lang`,
 * path), the shadowed ones marked; 0, or 1 when there is none. */
int cmd_list(const char *lang, FILE *out);

/* --dot: the tree as a Graphviz digraph (shapes by node type, answers on
 * the edges) in language `lang`. */
int cmd_dot(const struct kw_tree *t, size_t lang, FILE *out);
/* What --report --dot draws over the tree: how many times each answer
 * was given and each node shown, in the records read. */
struct dot_traffic {
	unsigned long (*edge)(void *ctx, const struct kw_node *n, size_t opt);
	unsigned long (*visits)(void *ctx, const struct kw_node *n);
	void *ctx;
};
/* The drawing of --dot, with the traffic when `tr` is not NULL: visits
 * under each node's name, the count on each edge, pen widths by traffic,
 * edges never taken dashed. */
int dot_draw(const struct kw_tree *t, size_t lang,
    const struct dot_traffic *tr, FILE *out);
/* --guide: the whole tree as a Markdown study guide in language `lang`. */
int cmd_guide(const struct kw_tree *t, size_t lang, FILE *out);
/* --guide --format=html: the guide as one standalone HTML5 page (UTF-8,
 * the language in its lang attribute, a print stylesheet), rendered by
 * cmark without raw HTML from the tree. */
int cmd_guide_html(const struct kw_tree *t, size_t lang, FILE *out);

#endif
