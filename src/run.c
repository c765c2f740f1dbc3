/* SPDX-License-Identifier: MIT */
/* run.c - loading the tree, choosing the front end, running the session */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "i18n.h"
#include "interact.h"
#include "journal.h"
#include "layout.h"
#include "load.h"
#include "pick.h"
#include "record.h"
#include "recover.h"
#include "run.h"
#include "session.h"
#include "sig.h"
#include "ui.h"
#include "xalloc.h"

struct kw_tree *
run_tree(const char *path, struct kw_diags *d, int *cant_open)
{
	struct kw_limits lim;
	struct kw_tree *t;

	load_default_limits(&lim);
	diags_init(d, path);
	*cant_open = 0;
	t = load_tree(path, &lim, d, cant_open);
	if (t != NULL && check_tree(t, 0, d) > 0) {
		tree_free(t);
		t = NULL;
	}
	return t;
}

/* The tree at o->tree_path, parsed and checked; NULL (diagnostics printed,
 * *status 65 or 66) if it does not load. */
struct kw_tree *
run_load(const struct kw_opts *o, int *status)
{
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open;

	t = run_tree(o->tree_path, &d, &cant_open);
	if (t == NULL) {
		diags_sort(&d);
		diags_print(&d, stderr);
		*status = cant_open ? KW_EXIT_NOINPUT : KW_EXIT_DATAERR;
	}
	diags_free(&d);
	return t;
}

size_t
run_lang(const struct kw_tree *t, const struct kw_opts *o)
{
	int i = tree_lang(t, o->lang);

	if (i >= 0 && (size_t)i < t->nlangs)
		return (size_t)i;
	/* a language of the environment the tree lacks: its first, quietly;
	 * English if it has it */
	if (!o->lang_given)
		return (i = tree_lang(t, "en")) >= 0 && (size_t)i < t->nlangs ?
		    (size_t)i : 0;
	diag_printf(stderr, _("%s: the tree has no '%s' text; using '%s'\n"),
	    PACKAGE, o->lang, t->langs[0]);
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

/* Whether the plain front end runs; if so, its echo and width in `uo`. */
static int
plain_opts(const struct kw_opts *o, struct kw_ui_opts *uo)
{
	if (!want_plain(o))
		return 0;
	uo->echo = !isatty(STDIN_FILENO);
	uo->width = term_width();
	if (uo->width > 100)
		uo->width = 100;
	return 1;
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
		diag_printf(stderr, _("%s: cannot resume: %s\n"), PACKAGE, err);
		*status = rc == -2 ? KW_EXIT_NOINPUT : KW_EXIT_DATAERR;
		return NULL;
	}
	if (*err != '\0')
		diag_printf(stderr, "%s: %s\n", PACKAGE, err);
	session_set_lang(s, run_lang(t, o));
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

/* Before the call starts: the record can be written where it will go,
 * and the end-of-call command will have a JSON record to read. Returns 0,
 * or the exit status to leave with, the reason said. */
static int
run_check_record(const struct kw_opts *o)
{
	const char *path;
	char err[1024];
	int json;

	path = run_record_path(o, &json);
	if (o->on_end != NULL && o->records == NULL && (path == NULL ||
	    !json || strcmp(path, "-") == 0)) {
		fprintf(stderr, _("%s: the end-of-call command needs a JSON "
		    "record: a records folder (--records or the configuration), "
		    "-o FILE.json or --resume\n"), PACKAGE);
		return KW_EXIT_USAGE;
	}
	if (o->records != NULL && record_check_folder(o->records, err,
	    sizeof err) < 0) {
		diag_printf(stderr, _("%s: cannot write the session record: %s\n"),
		    PACKAGE, err);
		return KW_EXIT_IOERR;
	}
	if (path == NULL || record_check_target(path, err, sizeof err) == 0)
		return 0;
	diag_printf(stderr, _("%s: cannot write the session record: %s\n"),
	    PACKAGE, err);
	return KW_EXIT_IOERR;
}

/* Say why the record could not be saved and print it on stderr in the
 * same format (Markdown if even that fails), so nothing is lost. */
static void
run_record_lost(const struct kw_session *s, int json, const char *err)
{
	diag_printf(stderr, _("%s: cannot save the session record: %s\n"),
	    PACKAGE, err);
	fprintf(stderr, _("%s: the record follows.\n\n"), PACKAGE);
	if (!json || record_json(s, stderr) < 0)
		record_markdown(s, stderr);
}

/* A record resumed from the records folder is saved back in its place
 * there: the call is still one record. */
static int
resumed_in_folder(const struct kw_opts *o)
{
	struct stat a, b;
	const char *slash;
	char *dir;
	int same;

	if (o->resume == NULL || o->transcript != NULL || o->records == NULL)
		return 0;
	slash = strrchr(o->resume, '/');
	dir = slash == NULL ? xstrdup(".") : slash == o->resume ?
	    xstrdup("/") : xstrndup(o->resume, (size_t)(slash - o->resume));
	same = stat(dir, &a) == 0 && stat(o->records, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	free(dir);
	return same;
}

int
run_end_records(const struct kw_opts *o, const struct kw_session *s,
    char **where)
{
	const char *path, *json_path = NULL;
	char err[1024], *saved = NULL;
	int json, lost = 0, status = KW_EXIT_OK;

	if (where != NULL)
		*where = NULL;
	if ((path = run_record_path(o, &json)) != NULL) {
		if (record_save(s, path, json, err, sizeof err) < 0) {
			run_record_lost(s, json, err);
			lost = 1;
		} else if (strcmp(path, "-") != 0) {
			if (json)
				json_path = path;
			if (where != NULL)
				*where = xstrdup(path);
		}
	}
	if (o->records != NULL && !resumed_in_folder(o)) {
		if (record_save_folder(s, o->records, o->records_mode, &saved,
		    err, sizeof err) < 0) {
			if (!lost)
				run_record_lost(s, 1, err);
			else
				diag_printf(stderr, _("%s: cannot save the session "
				    "record: %s\n"), PACKAGE, err);
			lost = 1;
		} else {
			json_path = saved;
			if (where != NULL && *where == NULL)
				*where = xstrdup(saved);
		}
	}
	if (lost)
		status = KW_EXIT_IOERR;
	if (o->on_end != NULL && json_path != NULL &&
	    record_on_end(o->on_end, json_path, err, sizeof err) < 0) {
		diag_printf(stderr, _("%s: the end-of-call command failed: %s; "
		    "the record is kept in %s\n"), PACKAGE, err, json_path);
		if (status == KW_EXIT_OK)
			status = KW_EXIT_TEMPFAIL;
	}
	free(saved);
	return status;
}

/* After the full-screen front end, whose screens are gone: the outcome
 * on the normal screen (as dialog's --keep-tite keeps its last one), with
 * where the record was saved. */
static void
run_summary(const struct kw_session *s, const char *record)
{
	char *text, *line, *next, *sep;
	size_t width = term_width();

	/* interact_summary cleans every line of outside data (text_clean) */
	if ((text = interact_summary(s, record)) == NULL)
		return;
	/* each "Label: text" line wrapped to the terminal, its text hanging
	 * after the label as on the screens */
	for (line = text; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if ((sep = strstr(line, ": ")) != NULL) {
			char keep = sep[2];

			sep[2] = '\0';
			line = xstrdup(line);
			sep[2] = keep;
			layout_print(stdout, width, 0, line, sep + 2);
			free(line);
		} else
			layout_print(stdout, width, 0, NULL, line);
	}
	fflush(stdout);
	free(text);
}

/* Practice: the scenario named by --scenario, else one drawn at random. */
static const struct kw_scenario *
run_scenario(const struct kw_opts *o, const struct kw_tree *t, int *status)
{
	if (t->nscenarios == 0) {
		diag_printf(stderr, _("%s: %s has no scenarios to practise "
		    "with\n"),
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
	diag_printf(stderr, _("%s: no scenario '%s' in %s; its scenarios:"),
	    PACKAGE, o->scenario, o->tree_path);
	for (size_t i = 0; i < t->nscenarios; i++)
		diag_printf(stderr, "%s %s", i > 0 ? "," : "",
		    t->scenarios[i].id);
	fputc('\n', stderr);
	*status = KW_EXIT_USAGE;
	return NULL;
}

/* Who takes the call and what for: the command line's, else the
 * record's, else the configuration's agent. Before the journal starts,
 * so that its head names them. */
static void
run_who(const struct kw_opts *o, struct kw_session *s)
{
	const char *agent = o->agent, *ticket = o->ticket;

	if (agent != NULL && ((!o->agent_given && session_agent(s) != NULL) ||
	    (session_agent(s) != NULL && strcmp(session_agent(s), agent) == 0)))
		agent = NULL;
	if (ticket != NULL && session_ticket(s) != NULL &&
	    strcmp(session_ticket(s), ticket) == 0)
		ticket = NULL;
	if (agent != NULL || ticket != NULL)
		session_set_who(s, agent, ticket);
}

/* The session to run: --recover's, --resume's, the one offered at start,
 * or a new one; its journal in *jp (NULL: none). NULL with *status set
 * when there is none to run. */
static struct kw_session *
run_start(const struct kw_opts *o, struct kw_tree **tp,
    struct kw_journal **jp, int *status)
{
	struct kw_session *s = NULL;
	char err[1024], *offered;
	int ended = 0;

	*jp = NULL;
	if (o->recover != NULL) {
		if ((*status = run_check_record(o)) != 0)
			return NULL;
		*status = recover_call(o, NULL, tp, &s, jp);
		return s;
	}
	if ((*tp = run_load(o, status)) == NULL)
		return NULL;
	if (o->resume != NULL && (s = run_resume(o, *tp, status)) == NULL)
		return NULL;
	if ((*status = run_check_record(o)) != 0) {
		session_free(s);
		return NULL;
	}
	if (s == NULL && journal_enabled() && !o->practice &&
	    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
	    ((offered = recover_offer(o, *tp, &ended)) != NULL || ended)) {
		*status = KW_EXIT_NEGATIVE;
		if (offered != NULL)
			*status = recover_call(o, offered, tp, &s, jp);
		free(offered);
		return s;
	}
	if (s == NULL)
		s = session_new(*tp, run_lang(*tp, o), NULL);
	run_who(o, s);
	if (o->practice || !journal_enabled())
		return s;
	if ((*jp = journal_create(s, o->tree_path, err, sizeof err)) == NULL)
		diag_printf(stderr, _("%s: no journal for this call (it will "
		    "not survive a crash): %s\n"), PACKAGE, err);
	return s;
}

int
run_session(const struct kw_opts *o)
{
	struct kw_ui_opts uo;
	struct kw_session *s;
	struct kw_journal *j;
	struct kw_tree *t = NULL;
	struct kw_asks asks = { .n = 0 };
	char *where = NULL;
	int status = 0, saved, full = 0;

	if (o->recover != NULL && strcmp(o->recover, "list") == 0)
		return recover_list(o);
	if ((s = run_start(o, &t, &j, &status)) == NULL) {
		tree_free(t);
		return status;
	}
	run_who(o, s);
	memset(&uo, 0, sizeof uo);
	uo.training = o->training;
	if (o->practice && (uo.scenario = run_scenario(o, t, &status)) ==
	    NULL) {
		session_free(s);
		tree_free(t);
		return status;
	}
	if (uo.scenario != NULL) {
		/* the record says it was practice, and how it went */
		char *note = interact_practice_note(uo.scenario);

		interact_note(s, note);
		free(note);
		uo.asks = &asks;
	}
	sig_install();
	if (plain_opts(o, &uo))
		status = ui_plain_run(s, stdin, stdout, &uo);
	else {
		status = ui_curses_run(s, &uo);
		full = 1;
	}
	if (uo.scenario != NULL && !sig_caught) {
		struct kw_practice_score sc;
		char *line;

		interact_score(uo.scenario, s, &asks, &sc);
		line = interact_score_line(&sc);
		interact_note(s, line);
		free(line);
	}
	saved = run_end_records(o, s, &where);
	if (full && !sig_caught)
		run_summary(s, where);
	free(where);
	/* the call is over (an outcome, a quit) and its record safe: the
	 * journal goes; after a signal it stays for --recover */
	if (journal_error(j) != NULL)
		diag_printf(stderr, _("%s: the journal could not be written: "
		    "%s\n"),
		    PACKAGE, journal_error(j));
	journal_close(j, saved != KW_EXIT_IOERR && status <= KW_EXIT_NEGATIVE);
	session_free(s);
	tree_free(t);
	if (status > 128 && sig_caught)
		sig_reraise();
	if (saved == KW_EXIT_IOERR || (saved != 0 && status < 64))
		return saved;
	return status;
}

char *
run_pick(const struct kw_opts *o, int *status)
{
	struct kw_ui_opts uo;
	struct kw_pick p;
	size_t row = 0;
	char *path = NULL;

	pick_init(&p, o->lang);
	if (p.nall == 0) {
		fprintf(stderr, _("%s: no tree found (keywiz(1) TREES says "
		    "where keywiz looks)\n"), PACKAGE);
		pick_free(&p);
		*status = KW_EXIT_NOINPUT;
		return NULL;
	}
	memset(&uo, 0, sizeof uo);
	sig_install();
	if (plain_opts(o, &uo))
		*status = ui_plain_pick(&p, stdin, stdout, &uo, &row);
	else
		*status = ui_curses_pick(&p, &uo, &row);
	if (*status == KW_EXIT_OK)
		path = xstrdup(pick_shown(&p, row)->path);
	pick_free(&p);
	if (*status > 128 && sig_caught)
		sig_reraise();
	return path;
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
	status = cmd_match(t, run_lang(t, o), text, stdout);
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
	status = print(t, run_lang(t, o), stdout);
	if (fflush(stdout) != 0 && status == KW_EXIT_OK)
		status = KW_EXIT_IOERR;
	tree_free(t);
	return status;
}
