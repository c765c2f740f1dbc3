/* SPDX-License-Identifier: MIT */
/* test_record_limits.c - what a record may be written to and read from
 * (regular files only, never waiting on a FIFO), the records that crashed
 * or fooled --resume, and the limits a written record keeps: years, size,
 * a masked key */
#include "config.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "record-json.h"
#include "record.h"
#include "session.h"
#include "testutil.h"

static struct kw_tree *tree;
static char tmpdir[4096];

static void
setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	i18n_init("en");
	tree = tu_load(tu_src("tests/fixtures/record/tree.yaml"));
	tu_scratch(tmpdir, sizeof tmpdir, "limits");
}

static void
teardown(void)
{
	chmod(tmpdir, 0700);
	tu_rm_rf(tmpdir);
	tree_free(tree);
}

TestSuite(record_limits, .init = setup, .fini = teardown);

static const char *
tmp_path(const char *name)
{
	static char buf[8192];

	snprintf(buf, sizeof buf, "%s/%s", tmpdir, name);
	return buf;
}

static void
write_file(const char *path, const char *data)
{
	FILE *fp = fopen(path, "w");

	cr_assert_not_null(fp, "%s: %s", path, strerror(errno));
	cr_assert_eq(fputs(data, fp) >= 0, 1);
	cr_assert_eq(fclose(fp), 0);
}

/* The record `root` written to `path`. */
static void
write_json(const char *path, const json_t *root)
{
	char *js = json_dumps(root, 0);

	cr_assert_not_null(js);
	write_file(path, js);
	free(js);
}

/* ---- --resume: records that crashed it or are not files ---- */

/* Each a record of the bundled tree that must be refused, not crash:
 * a show that follows no answer (issue 18: a SIGSEGV). */
static const char *const bad_shows[] = {
	/* the record of the issue, as it was filed */
	"{\"keywiz_record\": 1, \"tree\": {\"id\": \"m365-product-key\", "
	"\"hash\": \"x\"}, \"started\": \"2026-01-01T00:00:00Z\", \"events\": "
	"[{\"type\": \"start\", \"node\": \"enter-key\", \"time\": "
	"\"2026-01-01T00:00:00Z\"}, {\"type\": \"show\", \"node\": \"x\", "
	"\"time\": \"2026-01-01T00:00:00Z\"}]}",
	/* the same, the tree's own hash (no "the tree changed") */
	"{\"keywiz_record\": 1, \"tree\": {\"id\": \"m365-product-key\", "
	"\"hash\": \"HASH\"}, \"started\": \"2026-01-01T00:00:00Z\", "
	"\"events\": [{\"type\": \"start\", \"node\": \"enter-key\", \"time\": "
	"\"2026-01-01T00:00:00Z\"}, {\"type\": \"show\", \"node\": "
	"\"which-error\", \"time\": \"2026-01-01T00:00:00Z\"}]}",
	/* a show after a note, and after a restart */
	"{\"keywiz_record\": 1, \"tree\": {\"id\": \"m365-product-key\", "
	"\"hash\": \"x\"}, \"started\": \"2026-01-01T00:00:00Z\", \"events\": "
	"[{\"type\": \"start\", \"node\": \"enter-key\", \"time\": "
	"\"2026-01-01T00:00:00Z\"}, {\"type\": \"show\", \"node\": "
	"\"enter-key\", \"time\": \"2026-01-01T00:00:00Z\"}, {\"type\": "
	"\"note\", \"node\": \"enter-key\", \"text\": \"n\", \"time\": "
	"\"2026-01-01T00:00:00Z\"}, {\"type\": \"show\", \"node\": \"x\", "
	"\"time\": \"2026-01-01T00:00:00Z\"}]}",
	"{\"keywiz_record\": 1, \"tree\": {\"id\": \"m365-product-key\", "
	"\"hash\": \"x\"}, \"started\": \"2026-01-01T00:00:00Z\", \"events\": "
	"[{\"type\": \"start\", \"node\": \"enter-key\", \"time\": "
	"\"2026-01-01T00:00:00Z\"}, {\"type\": \"show\", \"node\": "
	"\"enter-key\", \"time\": \"2026-01-01T00:00:00Z\"}, {\"type\": "
	"\"restart\", \"node\": \"enter-key\", \"time\": "
	"\"2026-01-01T00:00:00Z\"}, {\"type\": \"show\", \"node\": "
	"\"which-error\", \"time\": \"2026-01-01T00:00:00Z\"}]}",
};

Test(record_limits, a_show_after_no_answer_is_refused_not_a_crash)
{
	const struct kw_tree *t = tu_bundled();
	struct kw_session *r = NULL;
	char hash[32], err[1024], *js, *at;
	const char *p = tmp_path("show.json");

	record_tree_hash(t, hash, sizeof hash);
	for (size_t i = 0; i < sizeof bad_shows / sizeof bad_shows[0]; i++) {
		js = strdup(bad_shows[i]);
		if ((at = strstr(js, "HASH")) != NULL) {
			char *fixed = NULL;

			cr_assert_gt(asprintf(&fixed, "%.*s%s%s",
			    (int)(at - js), js, hash, at + 4), 0);
			free(js);
			js = fixed;
		}
		write_file(p, js);
		free(js);
		cr_assert_eq(record_resume(t, p, NULL, &r, err, sizeof err),
		    -1, "record %zu: %s", i, err);
		cr_assert_null(r);
		cr_assert(strstr(err, "the record is damaged or was edited") !=
		    NULL, "record %zu: %s", i, err);
	}
}

/* Found by fuzz_record: a first event that is not an object was refused
 * without a word. */
Test(record_limits, a_refusal_always_says_why)
{
	static const char *const events[] = { "[\"resume\"]", "[1]",
	    "[null, {}]", "[{}]", "[{\"type\": \"start\"}]" };
	struct kw_session *s = session_new(tree, 0, tu_fake_clock), *r = NULL;
	const char *p = tmp_path("why.json");
	char err[1024];
	json_t *root = record_to_json(s);

	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
		json_object_set_new(root, "events", json_loads(events[i], 0,
		    NULL));
		write_json(p, root);
		strcpy(err, "");
		cr_assert_eq(record_resume(tree, p, NULL, &r, err, sizeof err),
		    -1, "%s", events[i]);
		cr_assert_gt(strlen(err), strlen(p) + 2, "%s: '%s'", events[i],
		    err);
	}
	json_decref(root);
	session_free(s);
}

/* A FIFO with no writer, a device, a folder: refused at once, by resume
 * and by the tree-id lookup --resume does first. */
Test(record_limits, not_a_regular_file_is_refused_without_waiting)
{
	static const struct {
		const char *name;
		const char *says;
	} rows[] = {
		{ "fifo", "a FIFO, not a regular file" },
		{ "/dev/null", "a device, not a regular file" },
		{ "folder", "a folder, not a regular file" },
	};
	struct kw_session *r = NULL;
	char err[1024], id[KW_ID_MAX + 1];

	cr_assert_eq(mkfifo(tmp_path("fifo"), 0600), 0);
	cr_assert_eq(mkdir(tmp_path("folder"), 0700), 0);
	/* waiting on the FIFO's writer would end the test with SIGALRM
	 * (Criterion's .timeout leaks a block of its own under LSan) */
	alarm(10);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char path[8192];

		snprintf(path, sizeof path, "%s", rows[i].name[0] == '/' ?
		    rows[i].name : tmp_path(rows[i].name));
		cr_assert_eq(record_tree_id(path, id, sizeof id), -1, "%s",
		    path);
		cr_assert_eq(record_resume(tree, path, NULL, &r, err,
		    sizeof err), -2, "%s", path);
		cr_assert(strstr(err, rows[i].says) != NULL, "%s", err);
	}
	alarm(0);
}

/* ---- a key showing more than keywiz writes ---- */

Test(record_limits, a_key_showing_more_than_five_is_masked_again)
{
	static const struct {
		const char *in, *out;
		int note;
	} rows[] = {
		{ "BCDFG-HJKMN-PQRTV-WXY23-46789",
		    "XXXXX-XXXXX-XXXXX-XXXXX-46789", 1 },
		{ "XXXXX-XXXXX-XXXXX-XXXXX-46789",
		    "XXXXX-XXXXX-XXXXX-XXXXX-46789", 0 },
		{ "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX",
		    "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX", 0 },
		{ "XXXXXB-46789", "XXXXXX-46789", 1 },
		{ "\xc3\x89\xc3\x89-12345", "XX-12345", 1 },
		{ "ABC", "ABC", 0 },
	};
	const char *p = tmp_path("key.json");
	char err[1024];

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct kw_session *s = session_new(tree, 0, tu_fake_clock), *r;
		json_t *root, *events, *ev;
		size_t j;
		char *got;

		/* the session masks any key it is given (keymask), so the
		 * record showing more is written as another program would */
		session_set_key(s, 1, "XXXXX", "A well-formed key.");
		root = record_to_json(s);
		json_object_set_new(json_object_get(root, RF_KEY), RF_MASKED,
		    json_string(rows[i].in));
		events = json_object_get(root, RF_EVENTS);
		json_array_foreach(events, j, ev)
			if (json_object_get(ev, RF_MASKED) != NULL)
				json_object_set_new(ev, RF_MASKED,
				    json_string(rows[i].in));
		write_json(p, root);
		json_decref(root);
		cr_assert_eq(record_resume(tree, p, tu_fake_clock, &r, err,
		    sizeof err), 0, "%s", err);
		cr_assert_str_eq(session_key(r)->masked, rows[i].out);
		cr_assert_eq(strstr(err, "masked again") != NULL, rows[i].note,
		    "%s: %s", rows[i].in, err);
		/* saved again: the key as masked now, nowhere the old form */
		cr_assert_eq(record_save(r, p, 1, err, sizeof err), 0, "%s",
		    err);
		got = tu_slurp(p, NULL);
		cr_assert(strstr(got, rows[i].out) != NULL, "%s", got);
		cr_assert(!rows[i].note || strstr(got, rows[i].in) == NULL,
		    "%s", got);
		free(got);
		session_free(r);
		session_free(s);
	}
}

/* Only the record's key object (key.masked) shows more: masked again and
 * noted all the same. */
Test(record_limits, a_record_key_field_showing_more_is_noted)
{
	struct kw_session *s = session_new(tree, 0, tu_fake_clock), *r;
	const char *p = tmp_path("key.json");
	char err[1024];
	json_t *root;

	session_set_key(s, 1, "XXXXX-XXXXX-XXXXX-XXXXX-46789", "Fine.");
	root = record_to_json(s);
	json_object_set_new(json_object_get(root, "key"), "masked",
	    json_string("BCDFG-HJKMN-PQRTV-WXY23-46789"));
	write_json(p, root);
	cr_assert_eq(record_resume(tree, p, tu_fake_clock, &r, err,
	    sizeof err), 0, "%s", err);
	cr_assert(strstr(err, "masked again") != NULL, "%s", err);
	session_free(r);
	json_decref(root);
	session_free(s);
}

/* ---- what keywiz writes, --resume reads ---- */

static time_t clock_at;

static time_t
at_clock(void)
{
	return clock_at;
}

/* The last day of the year 9999 (UTC, the tests' TZ): written and read
 * back to the second. */
Test(record_limits, the_year_9999_round_trips)
{
	struct kw_session *s, *r;
	const char *p = tmp_path("y.json");
	char err[1024], *got;

	clock_at = (time_t)253402300799 - 3600;	/* 9999-12-31T22:59:59Z */
	s = session_new(tree, 0, at_clock);
	session_add_note(s, "late");
	cr_assert_eq(record_save(s, p, 1, err, sizeof err), 0, "%s", err);
	got = tu_slurp(p, NULL);
	cr_assert(strstr(got, "\"9999-12-31T22:59:59+00:00\"") != NULL, "%s",
	    got);
	free(got);
	cr_assert_eq(record_resume(tree, p, at_clock, &r, err, sizeof err), 0,
	    "%s", err);
	cr_assert_eq(session_started(r), clock_at);
	cr_assert_eq(session_event(r, 2)->t, clock_at);
	session_free(r);
	session_free(s);
}

/* Past 9999: the JSON record is refused when written, saying why; the
 * Markdown one, for people, says the year as it is. */
Test(record_limits, a_year_past_9999_is_refused_at_write)
{
	struct kw_session *s;
	char err[1024], *buf = NULL, *got;
	size_t len = 0;
	FILE *fp;

	clock_at = (time_t)253402300800 + 86400;	/* 10000-01-02 */
	s = session_new(tree, 0, at_clock);
	fp = open_memstream(&buf, &len);
	errno = 0;
	cr_assert_eq(record_json(s, fp), -1);
	cr_assert_eq(errno, EOVERFLOW);
	fclose(fp);
	cr_assert_eq(len, 0, "nothing written: %s", buf);
	free(buf);
	cr_assert_eq(record_write(s, tmp_path("y.json"), err, sizeof err), -1);
	cr_assert(strstr(err, "past the year 9999") != NULL, "%s", err);
	cr_assert_eq(access(tmp_path("y.json"), F_OK), -1);
	cr_assert_eq(record_write(s, tmp_path("y.md"), err, sizeof err), 0,
	    "%s", err);
	got = tu_slurp(tmp_path("y.md"), NULL);
	cr_assert(strstr(got, "10000-01-02T00:00:00+00:00") != NULL, "%s",
	    got);
	free(got);
	session_free(s);
}

/* A time a record cannot be written with is no time to resume at: the
 * end of 9999 twelve hours west of Greenwich is 10000 in UTC. */
Test(record_limits, a_time_past_9999_in_a_record_is_refused)
{
	struct kw_session *s = session_new(tree, 0, tu_fake_clock), *r = NULL;
	const char *p = tmp_path("t.json");
	char err[1024];
	json_t *root;

	root = record_to_json(s);
	json_object_set_new(root, "started",
	    json_string("9999-12-31T23:59:59-12:00"));
	write_json(p, root);
	cr_assert_eq(record_resume(tree, p, NULL, &r, err, sizeof err), -1);
	cr_assert(strstr(err, "'started' is not a time") != NULL, "%s", err);
	json_decref(root);
	session_free(s);
}

/* 21,000 answers, each taken back: a record larger than the old 4 MB
 * limit, resumed whole. */
Test(record_limits, a_long_session_resumes)
{
	struct kw_session *s = session_new(tree, 0, tu_fake_clock), *r;
	const char *p = tmp_path("long.json");
	char err[1024];
	struct stat st;

	for (size_t i = 0; i < 21000; i++) {
		cr_assert_eq(session_answer(s, 0, "a pasted message", 0), 0);
		cr_assert_eq(session_back(s), 0);
	}
	cr_assert_eq(record_save(s, p, 1, err, sizeof err), 0, "%s", err);
	cr_assert_eq(stat(p, &st), 0);
	cr_assert_gt(st.st_size, 4 * 1024 * 1024);
	cr_assert_eq(record_resume(tree, p, tu_fake_clock, &r, err,
	    sizeof err), 0, "%s", err);
	cr_assert_eq(session_nevents(r), session_nevents(s) + 1);
	session_free(r);
	session_free(s);
}

/* A record --resume would refuse as too large is not written: the save
 * fails, saying why, and leaves the old file. */
Test(record_limits, a_record_too_large_to_resume_is_refused_at_write)
{
	struct kw_session *s = session_new(tree, 0, tu_fake_clock);
	const char *p = tmp_path("huge.json");
	size_t n = 1024 * 1024;
	char err[1024], *note = malloc(n + 1), *got;

	cr_assert_not_null(note);
	memset(note, 'n', n);
	note[n] = '\0';
	for (size_t i = 0; i <= KW_RECORD_MAX / n; i++)
		session_add_note(s, note);
	free(note);
	write_file(p, "old record\n");
	cr_assert_eq(record_save(s, p, 1, err, sizeof err), -1);
	cr_assert(strstr(err, "larger than the 64 MiB --resume reads") !=
	    NULL, "%s", err);
	got = tu_slurp(p, NULL);
	cr_assert_str_eq(got, "old record\n");
	free(got);
	session_free(s);
}

/* ---- -o: where a record may be written ---- */

Test(record_limits, only_a_regular_file_of_ones_own_is_a_target)
{
	enum { ANYONE, ROOT, NOT_ROOT };
	static const struct {
		const char *name;	/* under tmpdir, or absolute */
		const char *says;	/* NULL: accepted */
		int who;		/* who can make the case */
	} rows[] = {
		{ "new.md", NULL, ANYONE },
		{ "mine.json", NULL, ANYONE },
		{ "-", NULL, ANYONE },
		{ "", "the record's file name is empty", ANYONE },
		{ "/dev/null", "a device; a record is written only to a "
		    "regular file", ANYONE },
		{ "fifo", "a FIFO; a record", ANYONE },
		{ "folder", "a folder; a record", ANYONE },
		{ "folder/", "names a folder, not a file", ANYONE },
		{ "link.md", "a symbolic link; a record", ANYONE },
		{ "dangling.md", "a symbolic link; a record", ANYONE },
		{ "no-such-folder/r.md", "the folder", ANYONE },
		/* root makes a file of someone else's, and writes anywhere */
		{ "theirs.md", "belongs to another user", ROOT },
		{ "ro/r.md", "cannot create a file in the folder", NOT_ROOT },
	};
	struct kw_session *s = session_new(tree, 0, tu_fake_clock);
	char err[1024], path[8192];
	struct stat st;

	write_file(tmp_path("mine.json"), "mine\n");
	write_file(tmp_path("theirs.md"), "theirs\n");
	cr_assert_eq(mkfifo(tmp_path("fifo"), 0600), 0);
	cr_assert_eq(mkdir(tmp_path("folder"), 0700), 0);
	cr_assert_eq(symlink("mine.json", tmp_path("link.md")), 0);
	cr_assert_eq(symlink("nowhere", tmp_path("dangling.md")), 0);
	cr_assert_eq(mkdir(tmp_path("ro"), 0500), 0);
	if (geteuid() == 0)
		cr_assert_eq(chown(tmp_path("theirs.md"), 65534, 65534), 0);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (rows[i].name[0] == '/' || rows[i].name[0] == '\0' ||
		    strcmp(rows[i].name, "-") == 0)
			snprintf(path, sizeof path, "%s", rows[i].name);
		else
			snprintf(path, sizeof path, "%s",
			    tmp_path(rows[i].name));
		if (rows[i].who == (geteuid() == 0 ? NOT_ROOT : ROOT))
			continue;
		if (rows[i].says == NULL) {
			cr_assert_eq(record_check_target(path, err,
			    sizeof err), 0, "%s: %s", path, err);
			continue;
		}
		cr_assert_eq(record_check_target(path, err, sizeof err), -1,
		    "%s", path);
		cr_assert(strncmp(err, path, strlen(path)) == 0 &&
		    strstr(err, rows[i].says) != NULL, "%s: %s", path, err);
		/* and at the end of the call, should it have become one */
		if (strcmp(rows[i].name, "no-such-folder/r.md") != 0 &&
		    strcmp(rows[i].name, "ro/r.md") != 0)
			cr_assert_eq(record_write(s, path, err, sizeof err),
			    -1, "%s", path);
	}
	/* each left as it was */
	cr_assert_eq(stat("/dev/null", &st), 0);
	cr_assert(S_ISCHR(st.st_mode));
	cr_assert_eq(lstat(tmp_path("fifo"), &st), 0);
	cr_assert(S_ISFIFO(st.st_mode));
	cr_assert_eq(lstat(tmp_path("link.md"), &st), 0);
	cr_assert(S_ISLNK(st.st_mode));
	cr_assert_eq(lstat(tmp_path("dangling.md"), &st), 0);
	cr_assert(S_ISLNK(st.st_mode));
	session_free(s);
}
