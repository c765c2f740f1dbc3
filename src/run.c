/* SPDX-License-Identifier: MIT */
/* run.c - loading the tree, choosing the front end, running the session */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "i18n.h"
#include "load.h"
#include "record.h"
#include "run.h"
#include "session.h"
#include "sig.h"
#include "ui.h"

/* The tree at o->tree_path, parsed and checked; NULL (diagnostics printed,
 * *status 65 or 66) if it does not load. */
struct kw_tree *
run_load(const struct kw_opts *o, int *status)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open = 0;

	load_default_limits(&lim);
	diags_init(&d, o->tree_path);
	t = load_tree(o->tree_path, &lim, &d, &cant_open);
	/* a training session shows the `why` there is; keywiz --check
	 * --training insists on every one */
	if (t != NULL && check_tree(t, 0, &d) > 0) {
		tree_free(t);
		t = NULL;
	}
	if (t == NULL) {
		diags_sort(&d);
		diags_print(&d, stderr);
		*status = cant_open ? KW_EXIT_NOINPUT : KW_EXIT_DATAERR;
	}
	diags_free(&d);
	return t;
}

size_t
run_lang(const struct kw_tree *t, const char *lang)
{
	int i = tree_lang(t, lang);

	if (i >= 0)
		return (size_t)i;
	fprintf(stderr, _("%s: the tree has no '%s' text; using '%s'\n"),
	    PACKAGE, lang, t->langs[0]);
	return 0;
}

/* The plain front end is for pipes, scripts, screen readers and terminals
 * that cannot address the cursor. */
static int
want_plain(const struct kw_opts *o)
{
	const char *term = getenv("TERM");

	return o->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	    term == NULL || *term == '\0' || strcmp(term, "dumb") == 0;
}

static size_t
term_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (cols != NULL && atoi(cols) > 0)
		return (size_t)atoi(cols);
	return 80;
}

/* --resume FILE: the session saved there, continued on tree `t` in the UI
 * language; NULL (status 65 or 66, reason on stderr) if refused. */
static struct kw_session *
run_resume(const struct kw_opts *o, const struct kw_tree *t, int *status)
{
	struct kw_session *s;
	char err[1024];
	int rc;

	rc = record_resume(t, o->resume, NULL, &s, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, _("%s: cannot resume: %s\n"), PACKAGE, err);
		*status = rc == -2 ? KW_EXIT_NOINPUT : KW_EXIT_DATAERR;
		return NULL;
	}
	if (*err != '\0')
		fprintf(stderr, "%s: %s\n", PACKAGE, err);
	session_set_lang(s, run_lang(t, o->lang));
	return s;
}

/* Where the session record goes at the end: -o FILE, else the JSON record
 * resumed from, else nowhere (NULL); *json says in which format. */
static const char *
run_record_path(const struct kw_opts *o, int *json)
{
	if (o->transcript != NULL) {
		*json = record_path_json(o->transcript);
		return o->transcript;
	}
	*json = 1;
	return o->resume;
}

/* Before the call starts: the record can be written where it will go. */
static int
run_check_record(const struct kw_opts *o)
{
	const char *path;
	char err[1024];
	int json;

	if ((path = run_record_path(o, &json)) == NULL ||
	    record_check_target(path, err, sizeof err) == 0)
		return 0;
	fprintf(stderr, _("%s: cannot write the session record: %s\n"),
	    PACKAGE, err);
	return -1;
}

/* Save the session record where run_record_path() says. On failure say
 * why and print the record on stderr in the same format (Markdown if even
 * that fails), so nothing is lost; returns -1. */
static int
run_save_record(const struct kw_opts *o, const struct kw_session *s)
{
	const char *path;
	char err[1024];
	int json;

	if ((path = run_record_path(o, &json)) == NULL ||
	    record_save(s, path, json, err, sizeof err) == 0)
		return 0;
	fprintf(stderr, _("%s: cannot save the session record: %s\n"),
	    PACKAGE, err);
	fprintf(stderr, _("%s: the record follows.\n\n"), PACKAGE);
	if (!json || record_json(s, stderr) < 0)
		record_markdown(s, stderr);
	return -1;
}

/* Practice: the scenario named by --scenario, else one drawn at random. */
static const struct kw_scenario *
run_scenario(const struct kw_opts *o, const struct kw_tree *t, int *status)
{
	if (t->nscenarios == 0) {
		fprintf(stderr, _("%s: %s has no scenarios to practise with\n"),
		    PACKAGE, o->tree_path);
		*status = KW_EXIT_DATAERR;
		return NULL;
	}
	if (o->scenario == NULL) {
		srand((unsigned)time(NULL) ^ (unsigned)getpid());
		return &t->scenarios[(size_t)rand() % t->nscenarios];
	}
	for (size_t i = 0; i < t->nscenarios; i++)
		if (strcmp(t->scenarios[i].id, o->scenario) == 0)
			return &t->scenarios[i];
	fprintf(stderr, _("%s: no scenario '%s' in %s\n"), PACKAGE,
	    o->scenario, o->tree_path);
	*status = KW_EXIT_USAGE;
	return NULL;
}

int
run_session(const struct kw_opts *o)
{
	struct kw_ui_opts uo;
	struct kw_session *s;
	struct kw_tree *t;
	int status = 0, saved;

	if ((t = run_load(o, &status)) == NULL)
		return status;
	if (o->resume != NULL) {
		if ((s = run_resume(o, t, &status)) == NULL) {
			tree_free(t);
			return status;
		}
	} else
		s = session_new(t, run_lang(t, o->lang), NULL);
	if (run_check_record(o) < 0) {
		session_free(s);
		tree_free(t);
		return KW_EXIT_IOERR;
	}
	memset(&uo, 0, sizeof uo);
	uo.training = o->training;
	if (o->practice && (uo.scenario = run_scenario(o, t, &status)) ==
	    NULL) {
		session_free(s);
		tree_free(t);
		return status;
	}
	sig_install();
	if (want_plain(o)) {
		uo.echo = !isatty(STDIN_FILENO);
		uo.width = term_width();
		if (uo.width > 100)
			uo.width = 100;
		status = ui_plain_run(s, stdin, stdout, &uo);
	} else
		status = ui_curses_run(s, &uo);
	saved = run_save_record(o, s);
	session_free(s);
	tree_free(t);
	if (status > 128 && sig_caught)
		sig_reraise();
	return saved < 0 ? KW_EXIT_IOERR : status;
}

int
run_check_key(const struct kw_opts *o, const char *key)
{
	struct kw_tree *t = NULL;
	int status = 0;

	if (o->tree_path != NULL && (t = run_load(o, &status)) == NULL)
		return status;
	status = cmd_key(t, key, stdout);
	tree_free(t);
	return status;
}

int
run_match(const struct kw_opts *o, const char *text)
{
	struct kw_tree *t;
	int status = 0;

	if ((t = run_load(o, &status)) == NULL)
		return status;
	status = cmd_match(t, run_lang(t, o->lang), text, stdout);
	tree_free(t);
	return status;
}

int
run_print(const struct kw_opts *o,
    int (*print)(const struct kw_tree *, size_t, FILE *))
{
	struct kw_tree *t;
	int status = 0;

	if ((t = run_load(o, &status)) == NULL)
		return status;
	status = print(t, run_lang(t, o->lang), stdout);
	if (fflush(stdout) != 0 && status == KW_EXIT_OK)
		status = KW_EXIT_IOERR;
	tree_free(t);
	return status;
}
