/* SPDX-License-Identifier: MIT */
/* recover.c - unfinished calls in the journal folder: listing them, offering one, continuing one */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "input.h"
#include "locate.h"
#include "recover.h"
#include "run.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

#define OFFER_WINDOW (24 * 60 * 60)

/* The file's bytes, whole (caller wipes and frees); NULL if unreadable. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	char *buf;
	FILE *fp;

	if ((fp = fopen(path, "rbe")) == NULL)
		return NULL;
	if (fstat(fileno(fp), &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > KW_JOURNAL_MAX) {
		fclose(fp);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	*len = fread(buf, 1, (size_t)st.st_size, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

/* A tree, quietly: NULL if it does not load or check clean. */
static struct kw_tree *
load_quiet(const char *path)
{
	struct kw_diags d;
	struct kw_tree *t;
	int cant_open;

	t = run_tree(path, &d, &cant_open);
	diags_free(&d);
	return t;
}

/* The tree file a journal names: its own file if it is still there, else
 * a tree of its id in the usual folders (caller frees; NULL: none). */
static char *
journal_tree_file(const struct kw_journal_read *r)
{
	const char *file = journal_head_str(r, "tree.file");
	const char *id = journal_head_str(r, "tree.id");

	if (file != NULL && file[0] == '/' && access(file, R_OK) == 0)
		return xstrdup(file);
	return id != NULL ? locate_tree_id(id) : NULL;
}

/* ---- finding the calls ---- */

struct tree_cache {
	char **file;
	struct kw_tree **t;
	size_t n, cap, tcap;
};

static const struct kw_tree *
cache_tree(struct tree_cache *tc, const char *file)
{
	for (size_t i = 0; i < tc->n; i++)
		if (strcmp(tc->file[i], file) == 0)
			return tc->t[i];
	tc->file = xgrow(tc->file, &tc->cap, tc->n + 1, sizeof *tc->file);
	tc->t = xgrow(tc->t, &tc->tcap, tc->n + 1, sizeof *tc->t);
	tc->file[tc->n] = xstrdup(file);
	tc->t[tc->n] = load_quiet(file);
	return tc->t[tc->n++];
}

static void
cache_free(struct tree_cache *tc)
{
	for (size_t i = 0; i < tc->n; i++) {
		free(tc->file[i]);
		tree_free(tc->t[i]);
	}
	free(tc->file);
	free(tc->t);
}

/* Read and replay one call, to fill in its tree, step and error. */
static void
call_read(struct kw_call *c, const char *lang, const struct kw_tree *only,
    struct tree_cache *tc)
{
	struct kw_journal_read r;
	const struct kw_tree *t = only;
	struct kw_session *s;
	const struct kw_node *node;
	char err[1024], *buf, *file;
	size_t len = 0, n, opt;

	if ((buf = slurp(c->path, &len)) == NULL) {
		c->problem = xstrdup(_("cannot be read"));
		return;
	}
	if (journal_parse(buf, len, &r, err, sizeof err) < 0) {
		c->problem = xstrdup(err);
		explicit_bzero(buf, len);
		free(buf);
		return;
	}
	explicit_bzero(buf, len);
	free(buf);
	if (journal_head_str(&r, "tree.id") != NULL)
		c->tree_id = text_clean(journal_head_str(&r, "tree.id"));
	if (t == NULL) {
		if ((file = journal_tree_file(&r)) != NULL) {
			t = cache_tree(tc, file);
			free(file);
		}
		if (t == NULL) {
			c->problem = xasprintf(_("its tree '%s' is not found "
			    "or does not load"), c->tree_id != NULL ?
			    c->tree_id : "?");
			journal_read_free(&r);
			return;
		}
	}
	if ((s = journal_resume(t, &r, &n, err, sizeof err)) == NULL) {
		char *clean = text_clean(err);

		c->problem = clean;
		journal_read_free(&r);
		return;
	}
	c->started = session_started(s);
	/* the number its screen shows (a logic node is none) */
	c->step = view_step_number(s, session_depth(s) - 1);
	if (session_error(s, &node, &opt)) {
		int li = tree_lang(t, lang);

		c->error = text_clean(tree_text(&node->opts[opt].label,
		    li >= 0 ? (size_t)li : 0));
	}
	session_free(s);
	journal_read_free(&r);
}

static int
by_mtime(const void *a, const void *b)
{
	const struct kw_call *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? 1 : -1;
	return strcmp(y->path, x->path);
}

void
recover_find(struct kw_calls *c, const char *lang, const struct kw_tree *t,
    time_t since)
{
	struct tree_cache tc = { 0 };
	size_t cap = 0;
	struct dirent *de;
	DIR *d;

	memset(c, 0, sizeof *c);
	if ((c->dir = journal_dir()) == NULL ||
	    (d = opendir(c->dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t nl = strlen(de->d_name), sl = strlen(KW_JOURNAL_SUFFIX);
		struct kw_call *k;
		struct stat st;
		char *path;

		if (de->d_name[0] == '.' || nl <= sl || strcmp(de->d_name +
		    nl - sl, KW_JOURNAL_SUFFIX) != 0)
			continue;
		path = xasprintf("%s/%s", c->dir, de->d_name);
		if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
		    st.st_mtime < since) {
			free(path);
			continue;
		}
		c->v = xgrow(c->v, &cap, c->n + 1, sizeof *c->v);
		k = &c->v[c->n++];
		memset(k, 0, sizeof *k);
		k->path = path;
		k->mtime = st.st_mtime;
		k->started = st.st_mtime;
	}
	closedir(d);
	if (c->n > 0)
		qsort(c->v, c->n, sizeof *c->v, by_mtime);
	for (size_t i = 0; i < c->n; i++) {
		struct kw_call *k = &c->v[i];

		k->holder = journal_holder(k->path);
		call_read(k, lang, t, &tc);
		if (t != NULL && (k->tree_id == NULL ||
		    strcmp(k->tree_id, t->id) != 0)) {
			free(k->problem);
			k->problem = xstrdup(_("on another tree"));
		}
	}
	cache_free(&tc);
}

void
recover_calls_free(struct kw_calls *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free(c->v[i].tree_id);
		free(c->v[i].error);
		free(c->v[i].problem);
	}
	free(c->v);
	free(c->dir);
	memset(c, 0, sizeof *c);
}

/* ---- listing ---- */

static void
call_when(time_t t, char *buf, size_t size)
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

int
recover_list(const struct kw_opts *o)
{
	struct kw_calls c;

	recover_find(&c, o->lang, NULL, 0);
	if (c.n == 0) {
		diag_printf(stdout, _("No unfinished call in %s.\n"),
		    c.dir != NULL ? c.dir : _("the journal folder "
		    "($XDG_STATE_HOME and $HOME are unset)"));
		recover_calls_free(&c);
		return KW_EXIT_OK;
	}
	diag_printf(stdout, _("Unfinished calls in %s, the most recent "
	    "first:\n"), c.dir);
	for (size_t i = 0; i < c.n; i++) {
		const struct kw_call *k = &c.v[i];
		char when[32];

		call_when(k->started, when, sizeof when);
		diag_printf(stdout, "%3zu  %s  %s", i + 1, when,
		    k->tree_id != NULL ? k->tree_id : "?");
		if (k->problem != NULL)
			diag_printf(stdout, _("  cannot be continued: %s"),
			    k->problem);
		else {
			diag_printf(stdout, _("  step %zu"), k->step);
			diag_printf(stdout, "  %s", k->error != NULL ?
			    k->error : _("(no error message chosen yet)"));
		}
		if (k->holder != 0)
			diag_printf(stdout, _("  [in use by keywiz process "
			    "%ld]"), (long)k->holder);
		putchar('\n');
	}
	recover_calls_free(&c);
	return fflush(stdout) == 0 ? KW_EXIT_OK : KW_EXIT_IOERR;
}

/* ---- continuing ---- */

/* The journal --recover names (caller frees), or NULL with the reason
 * printed and *status set. */
static char *
recover_pick(const struct kw_opts *o, int *status)
{
	struct kw_calls c;
	char *path = NULL, *end;
	unsigned long num = 0;

	if (*o->recover != '\0') {
		num = strtoul(o->recover, &end, 10);
		if (*end != '\0' || num == 0 || o->recover[0] < '0' ||
		    o->recover[0] > '9') {
			diag_printf(stderr, _("%s: --recover takes 'list' or "
			    "the number of a call in that list, not '%s'\n"),
			    PACKAGE, o->recover);
			*status = KW_EXIT_USAGE;
			return NULL;
		}
	}
	recover_find(&c, o->lang, NULL, 0);
	if (num > c.n) {
		diag_printf(stderr, _("%s: there is no call %lu to continue "
		    "(keywiz --recover=list shows %zu)\n"), PACKAGE, num, c.n);
		*status = KW_EXIT_USAGE;
	} else if (num > 0) {
		path = xstrdup(c.v[num - 1].path);
	} else {
		for (size_t i = 0; i < c.n && path == NULL; i++)
			if (c.v[i].holder == 0 && c.v[i].problem == NULL)
				path = xstrdup(c.v[i].path);
		if (path == NULL) {
			if (c.n == 0)
				diag_printf(stderr, _("%s: no unfinished call "
				    "to continue in %s\n"), PACKAGE,
				    c.dir != NULL ? c.dir : "$XDG_STATE_HOME");
			else
				diag_printf(stderr, _("%s: none of the "
				    "unfinished calls can be continued now "
				    "(keywiz --recover=list says why)\n"),
				    PACKAGE);
			*status = KW_EXIT_NOINPUT;
		}
	}
	recover_calls_free(&c);
	return path;
}

int
recover_call(const struct kw_opts *o, const char *path,
    struct kw_tree **tp, struct kw_session **sp, struct kw_journal **jp)
{
	struct kw_journal_read r;
	struct kw_journal *j;
	struct kw_session *s = NULL;
	char err[1024], note[1024], when[32], *buf = NULL, *picked = NULL;
	char *file;
	size_t len = 0, n = 0;
	pid_t holder;
	int status = KW_EXIT_OK;

	*sp = NULL;
	*jp = NULL;
	if (path == NULL && (path = picked = recover_pick(o, &status)) ==
	    NULL)
		return status;
	if ((j = journal_open(path, &buf, &len, &holder, err,
	    sizeof err)) == NULL) {
		diag_printf(stderr, _("%s: cannot continue the call: %s\n"),
		    PACKAGE, err);
		free(picked);
		return KW_EXIT_NOINPUT;
	}
	if (journal_parse(buf, len, &r, err, sizeof err) < 0) {
		diag_printf(stderr, _("%s: cannot continue the call: %s: %s\n"),
		    PACKAGE, path, err);
		status = KW_EXIT_DATAERR;
		goto out;
	}
	if (*tp == NULL) {
		file = o->tree_path != NULL ? xstrdup(o->tree_path) :
		    journal_tree_file(&r);
		if (file == NULL) {
			char *id = text_clean(journal_head_str(&r, "tree.id"));

			diag_printf(stderr, _("%s: cannot continue the call: "
			    "its tree '%s' is not found (name its file after "
			    "--recover)\n"), PACKAGE, id);
			free(id);
			status = KW_EXIT_NOINPUT;
			goto out_read;
		} else {
			struct kw_opts lo = *o;

			lo.tree_path = file;
			*tp = run_load(&lo, &status);
			free(file);
			if (*tp == NULL)
				goto out_read;
		}
	}
	if ((s = journal_resume(*tp, &r, &n, err, sizeof err)) == NULL) {
		char *clean = text_clean(err);

		diag_printf(stderr, _("%s: cannot continue the call: %s: %s\n"),
		    PACKAGE, path, clean);
		free(clean);
		status = KW_EXIT_DATAERR;
		goto out_read;
	}
	journal_damage(&r, note, sizeof note);
	if (*note != '\0')
		diag_printf(stderr, _("%s: %s: the journal was damaged: %s; "
		    "the call goes on from the %zu events before it\n"),
		    PACKAGE, path, note, journal_nevents(&r));
	if (*err != '\0') {
		char *clean = text_clean(err);

		diag_printf(stderr, "%s: %s: %s\n", PACKAGE, path, clean);
		free(clean);
	}
	session_set_lang(s, run_lang(*tp, o));
	call_when(session_started(s), when, sizeof when);
	diag_printf(stderr, _("%s: continuing the call of %s, step %zu (%s)\n"),
	    PACKAGE, when, session_depth(s), path);
	if (journal_continue(j, s, n, n > 0 ? r.end[n - 1] : r.good, err,
	    sizeof err) < 0) {
		diag_printf(stderr, _("%s: the call goes on without its "
		    "journal: %s\n"), PACKAGE, err);
		journal_close(j, 0);
		j = NULL;
	}
	*sp = s;
	*jp = j;
	j = NULL;
out_read:
	journal_read_free(&r);
out:
	journal_close(j, 0);
	explicit_bzero(buf, len);
	free(buf);
	free(picked);
	return status;
}

/* ---- the offer at start ---- */

/* A line for the terminal, wrapped to its width. */
static void
say_wrapped(const char *s)
{
	struct kw_lines l = { 0 };
	struct winsize ws;
	size_t width = 80;
	char *clean = text_clean(s);

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		width = ws.ws_col;
	text_wrap(clean, width, &l);
	for (size_t i = 0; i < l.n; i++)
		diag_printf(stdout, "%.*s\n", (int)l.len[i], l.line[i]);
	text_lines_free(&l);
	free(clean);
}

char *
recover_offer(const struct kw_opts *o, const struct kw_tree *t, int *ended)
{
	struct kw_calls c;
	const struct kw_call *k = NULL;
	char when[32], *line, *path = NULL;
	struct tm tm, today;
	time_t now = time(NULL);
	int yes;

	*ended = 0;
	recover_find(&c, o->lang, t, now - OFFER_WINDOW);
	for (size_t i = 0; i < c.n && k == NULL; i++)
		if (c.v[i].holder == 0 && c.v[i].problem == NULL)
			k = &c.v[i];
	if (k == NULL) {
		recover_calls_free(&c);
		return NULL;
	}
	localtime_r(&k->started, &tm);
	localtime_r(&now, &today);
	strftime(when, sizeof when, tm.tm_yday == today.tm_yday &&
	    tm.tm_year == today.tm_year ? "%H:%M" : "%Y-%m-%d %H:%M", &tm);
	if (k->error != NULL)
		/* TRANSLATORS: when, the error message chosen, the step */
		line = xasprintf(_("An unfinished call from %s \xe2\x80\x94 %s, "
		    "step %zu."), when, k->error, k->step);
	else
		line = xasprintf(_("An unfinished call from %s, step %zu."),
		    when, k->step);
	say_wrapped(line);
	free(line);
	diag_printf(stdout, _("Continue? %s/%s "), view_yes_key(),
	    view_no_key());
	fflush(stdout);
	line = input_line(stdin, 256, NULL);
	yes = line != NULL && view_yesno(line) == 1;
	if (line == NULL) {
		/* no answer (end of input, a signal): nothing starts */
		putchar('\n');
		*ended = 1;
	} else if (yes)
		path = xstrdup(k->path);
	else
		diag_printf(stdout, "%s\n",
		    _("Kept: keywiz --recover continues it later."));
	free(line);
	recover_calls_free(&c);
	return path;
}
