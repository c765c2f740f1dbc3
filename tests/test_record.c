/* SPDX-License-Identifier: MIT */
/* test_record.c - the session record: both formats, safe writing, resume */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "load.h"
#include "record.h"
#include "session.h"
#include "testutil.h"
#include "text.h"
#include "ui.h"

#define T0 ((time_t)1795514400)	/* 2026-11-24T10:00:00Z */

static struct kw_tree *tree;
static char tmpdir[4096];

static void
setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	i18n_init("en");
	tree = tu_load(tu_src("tests/fixtures/record/tree.yaml"));
	tu_scratch(tmpdir, sizeof tmpdir, "record");
}

static void
teardown(void)
{
	tu_rm_rf(tmpdir);
	tree_free(tree);
}

TestSuite(record, .init = setup, .fini = teardown);

static time_t
fixed_clock(void)
{
	return T0;
}

/* ---- helpers ---- */

static void
answer(struct kw_session *s, const char *id, const char *text, unsigned fl)
{
	const struct kw_node *n = session_node(s);

	for (size_t i = 0; i < n->nopts; i++)
		if (strcmp(n->opts[i].id, id) == 0) {
			cr_assert_eq(session_answer(s, i, text, fl), 0,
			    "answer %s at %s", id, n->id);
			return;
		}
	cr_assert_fail("node %s has no answer %s", n->id, id);
}

/* Through two error messages, back twice, a note, a skipped wait, to an
 * outcome. */
static struct kw_session *
walk_session(time_t (*clock)(void))
{
	struct kw_session *s = session_new(tree, 0, clock);

	session_set_key(s, 0, "XXXXX-XXXXX-XXXXX-XXXXX-XXXXO",
	    "Not a valid key: 1 impossible character: O at 5.5.");
	session_set_key(s, 1, "XXXXX-XXXXX-XXXXX-XXXXX-7QW3K",
	    "A well-formed key.");
	answer(s, "next", NULL, 0);
	answer(s, "expired", "has expired", 0);
	answer(s, "no", NULL, 0);
	cr_assert_eq(session_back(s), 0);
	cr_assert_eq(session_back(s), 0);
	session_add_note(s, "The customer also saw a second message.");
	answer(s, "busy", "we can't process your request right now", 0);
	answer(s, "failing", NULL, KW_STEP_SKIPPED);
	session_finish(s);
	return s;
}

/* A checklist ticked and unticked, a restart, then quit before an outcome. */
static struct kw_session *
quit_session(time_t (*clock)(void))
{
	struct kw_session *s = session_new(tree, 0, clock);

	session_set_agent(s, "Ana Souza");
	session_set_ticket(s, "HD-2041");
	answer(s, "next", NULL, 0);
	answer(s, "used", NULL, 0);
	cr_assert_eq(session_check_item(s, 0, 1), 0);
	cr_assert_eq(session_check_item(s, 1, 1), 0);
	cr_assert_eq(session_check_item(s, 1, 0), 0);
	session_restart(s);
	answer(s, "next", NULL, 0);
	answer(s, "used", NULL, 0);
	cr_assert_eq(session_check_item(s, 1, 1), 0);
	session_add_note(s, "Colleagues asked; waiting for answers.");
	session_finish(s);
	return s;
}

/* The record in `fmt` ('m' Markdown, 'j' JSON) as a new string. */
static char *
render(const struct kw_session *s, int fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	cr_assert_not_null(fp);
	cr_assert_eq(fmt == 'j' ? record_json(s, fp) :
	    record_markdown(s, fp), 0);
	fclose(fp);
	return buf;
}

/* The program's version replaced by "@VERSION@", so goldens outlive it. */
static char *
normalise(char *s)
{
	const char *v = VERSION;
	size_t vn = strlen(v);
	char *p;

	while ((p = strstr(s, v)) != NULL) {
		char *rest = strdup(p + vn);
		char *out = malloc(strlen(s) + 16);

		cr_assert_not_null(rest);
		cr_assert_not_null(out);
		snprintf(out, strlen(s) + 16, "%.*s@VERSION@%s",
		    (int)(p - s), s, rest);
		free(rest);
		free(s);
		s = out;
	}
	return s;
}

/* Compare with tests/fixtures/record/NAME (KW_UPDATE_GOLDEN=1 rewrites). */
static void
golden(const char *name, char *got)
{
	char rel[256];
	char *want;

	got = normalise(got);
	snprintf(rel, sizeof rel, "tests/fixtures/record/%s", name);
	if (getenv("KW_UPDATE_GOLDEN") != NULL) {
		FILE *fp = fopen(tu_src(rel), "w");

		cr_assert_not_null(fp);
		fputs(got, fp);
		fclose(fp);
	}
	want = tu_slurp(tu_src(rel), NULL);
	cr_assert_str_eq(got, want, "%s differs:\n%s", name, got);
	free(want);
	free(got);
}

static char *
tmp_path(const char *name)
{
	static char buf[8192];

	snprintf(buf, sizeof buf, "%s/%s", tmpdir, name);
	return buf;
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "w");

	cr_assert_not_null(fp, "%s: %s", path, strerror(errno));
	cr_assert_eq(fwrite(data, 1, len, fp), len);
	cr_assert_eq(fclose(fp), 0);
}

static size_t
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	cr_assert_not_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* ---- the two formats ---- */

Test(record, markdown_golden_through_several_errors)
{
	struct kw_session *s = walk_session(tu_fake_clock);

	golden("walk.md", render(s, 'm'));
	session_free(s);
}

Test(record, json_golden_through_several_errors)
{
	struct kw_session *s = walk_session(tu_fake_clock);

	golden("walk.json", render(s, 'j'));
	session_free(s);
}

Test(record, markdown_golden_quit_with_checklist)
{
	struct kw_session *s = quit_session(tu_fake_clock);

	golden("quit.md", render(s, 'm'));
	session_free(s);
}

Test(record, json_golden_quit_with_checklist)
{
	struct kw_session *s = quit_session(tu_fake_clock);

	golden("quit.json", render(s, 'j'));
	session_free(s);
}

Test(record, markdown_golden_in_french)
{
	struct kw_session *s;

	i18n_init("fr");
	s = walk_session(tu_fake_clock);
	session_set_lang(s, 1);
	golden("walk.fr.md", render(s, 'm'));
	session_free(s);
}

Test(record, markdown_lines_fit_80_columns)
{
	struct kw_session *s = walk_session(tu_fake_clock);
	char *md = render(s, 'm'), *line, *save = NULL;

	for (line = strtok_r(md, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		cr_assert_leq(text_width(line), 80, "too wide: %s", line);
	free(md);
	session_free(s);
}

Test(record, json_fields)
{
	struct kw_session *s = walk_session(tu_fake_clock);
	char *js = render(s, 'j');
	json_error_t e;
	json_t *r = json_loads(js, JSON_REJECT_DUPLICATES, &e), *ev, *path;

	cr_assert_not_null(r, "%s", e.text);
	cr_assert_eq(json_integer_value(json_object_get(r, "keywiz_record")),
	    1);
	cr_assert_str_eq(json_string_value(json_object_get(r,
	    "keywiz_version")), VERSION);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(r,
	    "tree"), "id")), "record-test");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(r,
	    "tree"), "version")), "3");
	cr_assert_str_eq(json_string_value(json_object_get(r, "started")),
	    "2026-11-24T10:00:00+00:00");
	cr_assert_str_eq(json_string_value(json_object_get(r, "status")),
	    "completed");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(r,
	    "error"), "option")), "busy");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(r,
	    "key"), "masked")), "XXXXX-XXXXX-XXXXX-XXXXX-7QW3K");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(r,
	    "outcome"), "contact")), "Microsoft support");
	path = json_object_get(r, "path");
	cr_assert_eq(json_array_size(path), 4);
	cr_assert(json_is_true(json_object_get(json_array_get(path, 2),
	    "skipped")));
	ev = json_object_get(r, "events");
	cr_assert_eq(json_array_size(ev), 18);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(ev,
	    10), "type")), "back");
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(ev,
	    10), "step")), 3);
	cr_assert_eq(json_array_size(json_object_get(r, "notes")), 1);
	json_decref(r);
	free(js);
	session_free(s);
}

Test(record, times_carry_the_local_offset)
{
	struct kw_session *s;
	char *js;

	setenv("TZ", "CET-1", 1);
	tzset();
	s = session_new(tree, 0, fixed_clock);
	js = render(s, 'j');
	cr_assert(strstr(js, "\"started\": \"2026-11-24T11:00:00+01:00\"")
	    != NULL, "%s", js);
	free(js);
	session_free(s);
}

Test(record, an_interrupted_session_says_so)
{
	struct kw_session *s = session_new(tree, 0, fixed_clock);
	char *js, *md;

	answer(s, "next", NULL, 0);
	js = render(s, 'j');
	md = render(s, 'm');
	cr_assert(strstr(js, "\"status\": \"interrupted\"") != NULL, "%s", js);
	cr_assert(strstr(md, "- Status: interrupted") != NULL, "%s", md);
	/* only a JSON record can be resumed: the Markdown one says so */
	cr_assert(strstr(md, "a Markdown record cannot be resumed") != NULL,
	    "%s", md);
	cr_assert(strstr(js, "\"outcome\": null") != NULL, "%s", js);
	free(js);
	free(md);
	session_free(s);
}

/* ---- privacy ---- */

Test(record, the_full_key_never_reaches_the_record)
{
	static const char script[] =
	    "BCDFG-HJKMP-QRTVW-XY234-6789O\n"	/* an impossible O */
	    "bcdfg hjkmp qrtvw xy234 6789b\n"
	    "\n"
	    "note my key is in the session only\n"
	    "2\n3\n\n";
	static const char *const parts[] = {
	    "BCDFG", "HJKMP", "QRTVW", "XY234", "bcdfg", "hjkmp",
	    "BCDFGHJKMP"
	};
	struct kw_ui_opts o = { .training = 0, .echo = 1, .width = 80 };
	struct kw_session *s = session_new(tree, 0, tu_fake_clock);
	FILE *in = fmemopen((void *)script, strlen(script), "r");
	char *out = NULL, *md, *js, *file, err[512];
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);

	cr_assert_eq(ui_plain_run(s, in, fp, &o), 0);
	fclose(in);
	fclose(fp);
	cr_assert(session_key(s)->entered);
	md = render(s, 'm');
	js = render(s, 'j');
	cr_assert_eq(record_write(s, tmp_path("p.md"), err, sizeof err), 0);
	file = tu_slurp(tmp_path("p.md"), NULL);
	cr_assert(strstr(md, "6789B") != NULL, "%s", md);
	cr_assert(strstr(js, "6789B") != NULL, "%s", js);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		cr_assert_null(strstr(md, parts[i]), "%s in:\n%s", parts[i],
		    md);
		cr_assert_null(strstr(js, parts[i]), "%s in:\n%s", parts[i],
		    js);
		cr_assert_null(strstr(file, parts[i]), "%s in the file",
		    parts[i]);
	}
	free(file);
	free(md);
	free(js);
	free(out);
	session_free(s);
}

/* ---- writing safely ---- */

Test(record, written_owner_only_and_by_suffix)
{
	static const char *const names[] = { "r.md", "r.json", "r.JSON",
	    "r.txt" };
	struct kw_session *s = walk_session(tu_fake_clock);
	char err[512];
	mode_t old = umask(0);

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *p = tmp_path(names[i]);
		struct stat st;
		char *got;

		/* a new record is owner-only; one replaced keeps its mode */
		cr_assert_eq(record_write(s, p, err, sizeof err), 0, "%s", err);
		cr_assert_str_eq(err, "");
		cr_assert_eq(stat(p, &st), 0);
		cr_assert_eq(st.st_mode & 07777, 0600, "%s: %o", names[i],
		    (unsigned)(st.st_mode & 07777));
		write_file(p, "old content\n", 12);
		chmod(p, 0640);
		cr_assert_eq(record_write(s, p, err, sizeof err), 0, "%s", err);
		cr_assert_eq(stat(p, &st), 0);
		cr_assert_eq(st.st_mode & 07777, 0640, "%s: %o", names[i],
		    (unsigned)(st.st_mode & 07777));
		got = tu_slurp(p, NULL);
		if (strstr(names[i], "json") || strstr(names[i], "JSON"))
			cr_assert(strncmp(got, "{\n  \"keywiz_record\": 1,", 23)
			    == 0, "%s", got);
		else
			cr_assert(strncmp(got, "# Record test\n", 14) == 0,
			    "%s", got);
		free(got);
	}
	umask(old);
	/* no temporary file left behind */
	cr_assert_eq(count_files(tmpdir), 4);
	session_free(s);
}

Test(record, write_failures_are_clean)
{
	struct kw_session *s = walk_session(tu_fake_clock);
	char err[512], *p, want[8192];
	struct {
		const char *name;	/* under tmpdir, or absolute */
		int errnum;
	} rows[] = {
		{ "no-such-folder/r.md", ENOENT },
		{ "a-folder", 0 },
		{ "a-folder/", 0 },
		{ "/proc/self/keywiz-record.md", 0 },
	};

	cr_assert_eq(mkdir(tmp_path("a-folder"), 0700), 0);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		p = rows[i].name[0] == '/' ? (char *)rows[i].name :
		    tmp_path(rows[i].name);
		strcpy(want, p);
		cr_assert_eq(record_write(s, want, err, sizeof err), -1, "%s",
		    want);
		strcat(want, ": ");
		cr_assert(strncmp(err, want, strlen(want)) == 0, "%s", err);
		if (rows[i].errnum != 0)
			cr_assert_str_eq(err + strlen(want),
			    strerror(rows[i].errnum), "%s", err);
		else
			cr_assert_gt(strlen(err), strlen(want));
	}
	/* only the folder: every temporary file was removed */
	cr_assert_eq(count_files(tmpdir), 1);
	cr_assert_eq(count_files(tmp_path("a-folder")), 0);
	session_free(s);
}

/* ---- resume ---- */

static void
save_json(const struct kw_session *s, const char *path)
{
	char *js = render(s, 'j');

	write_file(path, js, strlen(js));
	free(js);
}

/* The record's JSON without the fields that change on resume. */
static json_t *
comparable(const char *js, size_t drop_events)
{
	json_error_t e;
	json_t *r = json_loads(js, 0, &e), *ev;

	cr_assert_not_null(r, "%s", e.text);
	json_object_del(r, "ended");
	json_object_del(r, "status");
	ev = json_object_get(r, "events");
	for (size_t i = 0; i < drop_events; i++)
		json_array_remove(ev, json_array_size(ev) - 1);
	return r;
}

Test(record, resume_round_trips_exactly)
{
	struct kw_session *s = walk_session(fixed_clock), *r = NULL;
	char err[512], *a, *b;
	json_t *ja, *jb;

	save_json(s, tmp_path("w.json"));
	cr_assert_eq(record_resume(tree, tmp_path("w.json"), fixed_clock, &r,
	    err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(err, "");
	cr_assert_not_null(r);
	cr_assert(!session_finished(r));
	cr_assert_str_eq(session_node(r)->id, "support");
	cr_assert_eq(session_event(r, session_nevents(r) - 1)->type,
	    KW_EV_RESUME);
	a = render(s, 'j');
	b = render(r, 'j');
	ja = comparable(a, 0);
	jb = comparable(b, 1);		/* the resume event */
	cr_assert(json_equal(ja, jb), "before:\n%s\nafter:\n%s", a, b);
	json_decref(ja);
	json_decref(jb);
	free(a);
	free(b);
	session_free(r);
	session_free(s);
}

Test(record, resume_keeps_path_answers_and_times)
{
	struct kw_session *s = walk_session(tu_fake_clock), *r = NULL;
	char err[512];

	save_json(s, tmp_path("w.json"));
	cr_assert_eq(record_resume(tree, tmp_path("w.json"), tu_fake_clock,
	    &r, err, sizeof err), 0, "%s", err);
	cr_assert_eq(session_depth(r), session_depth(s));
	cr_assert_eq(session_started(r), session_started(s));
	for (size_t i = 0; i < session_depth(s); i++) {
		const struct kw_step *x = session_step(s, i), *y =
		    session_step(r, i);

		cr_assert_eq(x->node, y->node);
		cr_assert_eq(x->opt, y->opt);
		cr_assert_eq(x->flags, y->flags);
		/* the replay stamps a step with its answer event's time,
		 * the fake clock's next second */
		cr_assert_leq(y->answered - x->answered, 1);
		cr_assert_geq(y->answered - x->answered, 0);
		if (x->text != NULL)
			cr_assert_str_eq(x->text, y->text);
	}
	cr_assert_str_eq(session_key(r)->masked, session_key(s)->masked);
	cr_assert_str_eq(session_key(r)->summary, session_key(s)->summary);
	cr_assert_eq(session_nevents(r), session_nevents(s) + 1);
	for (size_t i = 0; i < session_nevents(s); i++) {
		const struct kw_event *x = session_event(s, i), *y =
		    session_event(r, i);

		cr_assert_eq(x->type, y->type, "event %zu", i);
		cr_assert_eq(x->node, y->node, "event %zu", i);
		cr_assert_eq(x->opt, y->opt, "event %zu", i);
		/* screens shown are stamped with the event that showed them */
		if (x->type != KW_EV_SHOW && x->type != KW_EV_START)
			cr_assert_eq(x->t, y->t, "event %zu", i);
	}
	session_free(r);
	session_free(s);
}

/* The 15-minute story: quit at the wait, come back, it works now. */
Test(record, resume_after_the_wait_and_finish)
{
	struct kw_session *s = session_new(tree, 0, tu_fake_clock), *r = NULL;
	char err[512], *js;

	answer(s, "next", NULL, 0);
	answer(s, "busy", NULL, 0);
	session_finish(s);
	save_json(s, tmp_path("wait.json"));
	cr_assert_eq(record_resume(tree, tmp_path("wait.json"), tu_fake_clock,
	    &r, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(session_node(r)->id, "wait");
	answer(r, "worked", NULL, 0);
	session_finish(r);
	cr_assert_eq(record_write(r, tmp_path("wait.json"), err, sizeof err),
	    0, "%s", err);
	js = tu_slurp(tmp_path("wait.json"), NULL);
	cr_assert(strstr(js, "\"status\": \"completed\"") != NULL, "%s", js);
	cr_assert(strstr(js, "\"type\": \"quit\"") != NULL, "%s", js);
	cr_assert(strstr(js, "\"type\": \"resume\"") != NULL, "%s", js);
	free(js);
	session_free(r);
	/* and again: a record that was resumed resumes too */
	cr_assert_eq(record_resume(tree, tmp_path("wait.json"), tu_fake_clock,
	    &r, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(session_node(r)->id, "fixed");
	session_free(r);
	session_free(s);
}

Test(record, resume_a_checklist_and_restart)
{
	struct kw_session *s = quit_session(fixed_clock), *r = NULL;
	char err[512];

	save_json(s, tmp_path("q.json"));
	cr_assert_eq(record_resume(tree, tmp_path("q.json"), fixed_clock, &r,
	    err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(session_node(r)->id, "check-keys");
	cr_assert_eq(session_step(r, 2)->checked, 2UL);
	session_free(r);
	session_free(s);
}

Test(record, truncated_records_are_refused)
{
	struct kw_session *s = walk_session(tu_fake_clock), *r;
	char *js = render(s, 'j'), err[512];
	size_t len = strlen(js);
	const char *p = tmp_path("t.json");

	for (size_t n = 0; n < len; n++) {
		int rc;

		write_file(p, js, n);
		r = NULL;
		rc = record_resume(tree, p, tu_fake_clock, &r, err, sizeof err);
		if (n == len - 1) {	/* all but the final newline */
			cr_assert_eq(rc, 0, "%s", err);
			session_free(r);
			continue;
		}
		cr_assert_eq(rc, -1, "cut at %zu accepted", n);
		cr_assert_null(r);
		cr_assert(strncmp(err, p, strlen(p)) == 0, "%s", err);
	}
	free(js);
	session_free(s);
}

Test(record, unreadable_records)
{
	struct kw_session *r = NULL;
	char err[512], *big;
	const char *p = tmp_path("big.json");

	cr_assert_eq(record_resume(tree, tmp_path("none.json"), NULL, &r, err,
	    sizeof err), -2);
	cr_assert(strstr(err, strerror(ENOENT)) != NULL, "%s", err);
	cr_assert_eq(record_resume(tree, tmpdir, NULL, &r, err, sizeof err),
	    -2);
	big = malloc(KW_RECORD_MAX + 1);
	cr_assert_not_null(big);
	memset(big, ' ', KW_RECORD_MAX + 1);
	write_file(p, big, KW_RECORD_MAX + 1);
	free(big);
	cr_assert_eq(record_resume(tree, p, NULL, &r, err, sizeof err), -2);
	cr_assert(strstr(err, "larger than") != NULL, "%s", err);
	write_file(p, "[1, 2]", 6);
	cr_assert_eq(record_resume(tree, p, NULL, &r, err, sizeof err), -1);
	cr_assert(strstr(err, "not a keywiz session record") != NULL, "%s",
	    err);
	write_file(p, "{\"keywiz_record\": 1, \"keywiz_record\": 1}", 40);
	cr_assert_eq(record_resume(tree, p, NULL, &r, err, sizeof err), -1);
	cr_assert(strstr(err, "not a valid JSON record") != NULL, "%s", err);
	cr_assert_null(r);
}

/* Set (or delete, v == NULL) the value at "a/3/b" in `root`. */
static void
jset_path(json_t *root, const char *path, json_t *v)
{
	char *copy = strdup(path), *save = NULL, *part, *next;
	json_t *o = root;

	part = strtok_r(copy, "/", &save);
	while ((next = strtok_r(NULL, "/", &save)) != NULL) {
		o = json_is_array(o) ? json_array_get(o, strtoul(part, NULL,
		    10)) : json_object_get(o, part);
		cr_assert_not_null(o, "%s", path);
		part = next;
	}
	if (json_is_array(o)) {
		size_t i = strtoul(part, NULL, 10);

		if (v == NULL)
			cr_assert_eq(json_array_remove(o, i), 0, "%s", path);
		else
			cr_assert_eq(json_array_set_new(o, i, v), 0, "%s",
			    path);
	} else if (v == NULL)
		cr_assert_eq(json_object_del(o, part), 0, "%s", path);
	else
		cr_assert_eq(json_object_set_new(o, part, v), 0, "%s", path);
	free(copy);
}

Test(record, tampered_records_are_refused_clearly)
{
	/*
	 * The walk's events: 0 start, 1 show key, 2-3 key, 4 answer next,
	 * 5 show which-error, 6 answer expired, 7 show role, 8 answer no,
	 * 9 show ask-admin, 10 back to role (step 3), 11 back to
	 * which-error, 12 note, 13 answer busy, 14 show wait, 15 answer
	 * failing, 16 show support, 17 end.
	 */
	struct {
		const char *path;
		json_t *value;		/* NULL: delete */
		const char *says;
	} rows[] = {
		{ "keywiz_record", json_integer(2), "record version 2 is not "
		  "supported; this keywiz reads version 1" },
		{ "keywiz_record", json_string("1"), "is not a version number" },
		{ "keywiz_record", NULL, "not a keywiz session record" },
		{ "tree/id", json_string("other"),
		  "the record is for the tree 'other', not 'record-test'" },
		{ "tree", NULL, "'tree' is missing" },
		{ "started", json_string("2026-13-01T00:00:00+00:00"),
		  "'started' is not a time" },
		{ "events", json_object(), "'events' is missing or empty" },
		{ "events/0/type", json_string("show"),
		  "the first event is not the start" },
		{ "events/4/time", json_string("yesterday"),
		  "event 5: 'time' is not a time" },
		{ "events/5/type", json_string("dance"),
		  "event 6: unknown or misplaced type 'dance'" },
		{ "events/5/node", json_string("role"),
		  "the record is damaged or was edited" },
		{ "events/5", NULL, "the record is damaged or was edited" },
		{ "events/6/node", json_string("zzz"),
		  "node 'zzz' no longer exists" },
		{ "events/6/answer", json_string("nope"),
		  "node 'which-error' no longer has the answer 'nope'" },
		{ "events/6/answer_index", json_integer(2),
		  "answer 'expired' is not answer number 2" },
		{ "events/6/answer_index", json_integer(99999),
		  "event 7: 'answer_index' is missing or out of range" },
		{ "events/6/answer_index", json_integer(-1),
		  "event 7: 'answer_index' is missing or out of range" },
		{ "events/6/text", json_integer(7),
		  "event 7: 'text' is missing or not a valid string" },
		{ "events/10/step", json_integer(9),
		  "event 11: cannot go back to step 9" },
		{ "events/10/step", json_integer(0),
		  "event 11: cannot go back to step 0" },
		{ "events/12/text", json_string(""),
		  "event 13: 'text' is missing or not a valid string" },
		{ "events/2/masked", json_integer(5),
		  "event 3: 'masked' is missing or not a valid string" },
		{ "events/3/valid", json_string("yes"),
		  "event 4: 'valid' is missing or not true/false" },
		{ "events/17/type", json_string("quit"),
		  "the record is damaged or was edited" },
		{ "events/17", NULL, NULL },	/* fine: not finished */
		{ "events/16", NULL,
		  "event 17: a screen the record does not show is missing" },
		{ "path/2/node", json_string("role"),
		  "step 3 of the recorded path does not follow" },
		{ "path/3", NULL, "the recorded path does not follow" },
	};
	struct kw_session *s = walk_session(tu_fake_clock), *r;
	char *js = render(s, 'j'), err[512];
	const char *p = tmp_path("x.json");

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		json_t *root = json_loads(js, 0, NULL);
		char *bad;
		int rc;

		cr_assert_not_null(root);
		jset_path(root, rows[i].path, rows[i].value);
		bad = json_dumps(root, JSON_INDENT(2));
		write_file(p, bad, strlen(bad));
		r = NULL;
		rc = record_resume(tree, p, tu_fake_clock, &r, err, sizeof err);
		if (rows[i].says == NULL) {
			cr_assert_eq(rc, 0, "%s: %s", rows[i].path, err);
			session_free(r);
		} else {
			cr_assert_eq(rc, -1, "%s accepted", rows[i].path);
			cr_assert_null(r);
			cr_assert(strstr(err, rows[i].says) != NULL,
			    "%s: got \"%s\", want \"%s\"", rows[i].path, err,
			    rows[i].says);
		}
		free(bad);
		json_decref(root);
	}
	free(js);
	session_free(s);
}

Test(record, a_checklist_item_out_of_range_is_refused)
{
	struct kw_session *s = quit_session(tu_fake_clock), *r = NULL;
	char *js = render(s, 'j'), err[512];
	json_t *root = json_loads(js, 0, NULL);
	char *bad;

	/* 0 start, 1 show, 2 answer, 3 show, 4 answer, 5 show, 6 checked */
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(
	    json_object_get(root, "events"), 6), "type")), "checked");
	jset_path(root, "events/6/item", json_integer(5));
	bad = json_dumps(root, 0);
	write_file(tmp_path("c.json"), bad, strlen(bad));
	cr_assert_eq(record_resume(tree, tmp_path("c.json"), NULL, &r, err,
	    sizeof err), -1);
	cr_assert(strstr(err, "node 'check-keys' has no item 6 to tick") !=
	    NULL, "%s", err);
	free(bad);
	json_decref(root);
	free(js);
	session_free(s);
}

/* The fixture tree with `from` replaced by `to`, loaded (not checked). */
static struct kw_tree *
variant(const char *from, const char *to)
{
	char *yaml = tu_slurp(tu_src("tests/fixtures/record/tree.yaml"), NULL);
	char *at = strstr(yaml, from), *edited;
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;

	cr_assert_not_null(at, "%s", from);
	edited = malloc(strlen(yaml) + strlen(to) + 1);
	cr_assert_not_null(edited);
	sprintf(edited, "%.*s%s%s", (int)(at - yaml), yaml, to,
	    at + strlen(from));
	load_default_limits(&lim);
	diags_init(&d, "variant.yaml");
	t = load_tree_mem(edited, strlen(edited), &lim, &d);
	if (t == NULL)
		diags_print(&d, stderr);
	cr_assert_not_null(t);
	diags_free(&d);
	free(edited);
	free(yaml);
	return t;
}

Test(record, a_changed_tree_is_explained)
{
	struct {
		const char *from, *to, *says;
	} rows[] = {
		{ "      - id: busy\n", "      - id: later\n",
		  "the tree has changed since the record was saved: node "
		  "'which-error' no longer has the answer 'busy'" },
		{ "    failing: support\n", "    failing: fixed\n",
		  "the tree has changed since the record was saved: answer "
		  "'failing' at node 'wait' now leads to 'fixed', not "
		  "'support'" },
		{ "  wait:\n", "  pause:\n", "node 'wait' no longer exists" },
		{ "start: key\n", "start: which-error\n",
		  "it now starts at 'which-error', not 'key'" },
		/* harmless: the walk still exists */
		{ "    yes: new-key\n", "    yes: fixed\n", "note: the tree "
		  "has changed" },
		/* texts do not count */
		{ "Wait 15 minutes", "Wait a quarter of an hour", "" },
	};
	struct kw_session *s = walk_session(tu_fake_clock), *r;
	char err[512];

	save_json(s, tmp_path("w.json"));
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct kw_tree *t;
		int rc;

		t = variant(rows[i].from, rows[i].to);
		r = NULL;
		rc = record_resume(t, tmp_path("w.json"), NULL, &r, err,
		    sizeof err);
		if (strncmp(rows[i].says, "note:", 5) == 0 ||
		    *rows[i].says == '\0') {
			cr_assert_eq(rc, 0, "%s", err);
			cr_assert(strstr(err, rows[i].says) != NULL, "%s", err);
			if (*rows[i].says == '\0')
				cr_assert_str_eq(err, "");
			session_free(r);
		} else {
			cr_assert_eq(rc, -1, "%s accepted", rows[i].to);
			cr_assert(strstr(err, rows[i].says) != NULL,
			    "got \"%s\"\nwant \"%s\"", err, rows[i].says);
		}
		tree_free(t);
	}
	session_free(s);
}

/* The tree id a record names, read before any tree is loaded (--resume
 * without a tree): only a well-formed string fits. */
Test(record, tree_id_of_a_record)
{
	char path[4200], id[16];
	static const char *const bad[] = {
		"", "{", "[]", "{\"tree\": 3}", "{\"tree\": {\"id\": 7}}",
		"{\"tree\": {\"id\": \"a-very-long-tree-id\"}}",
		"{\"tree\": {\"id\": \"nul\\u0000inside\"}}",
	};

	snprintf(path, sizeof path, "%s/none.json", tmpdir);
	cr_assert_eq(record_tree_id(path, id, sizeof id), -1, "no file");
	snprintf(path, sizeof path, "%s/r.json", tmpdir);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		write_file(path, bad[i], strlen(bad[i]));
		cr_assert_eq(record_tree_id(path, id, sizeof id), -1,
		    "case %zu", i);
	}
	write_file(path, "{\"tree\": {\"id\": \"printer\"}}",
	    strlen("{\"tree\": {\"id\": \"printer\"}}"));
	cr_assert_eq(record_tree_id(path, id, sizeof id), 0);
	cr_assert_str_eq(id, "printer");
}
