/* SPDX-License-Identifier: MIT */
/* test_journal.c - the session journal: written as the call goes, cut at every byte, garbage after it, locked, continued */
#include "config.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "interact.h"
#include "journal.h"
#include "session.h"
#include "testutil.h"

#define KEY "BCDFG-HJKMP-QRTVW-XY234-6789B"

static char tmpdir[4096];

static void
setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	i18n_init("en");
	tu_scratch(tmpdir, sizeof tmpdir, "journal");
	setenv("XDG_STATE_HOME", tmpdir, 1);
	unsetenv("KEYWIZ_NO_JOURNAL");
}

static void
teardown(void)
{
	tu_rm_rf(tmpdir);
}

TestSuite(journal, .init = setup, .fini = teardown);

/* A real call on the bundled tree, journaled as it goes: a key, a wrong
 * turn and back, a tick, a pasted answer, a note, a restart, an outcome.
 * Returns the session (journal closed, file kept) and the journal's path. */
static struct kw_session *
call(char *path, size_t size)
{
	const struct kw_tree *t = tu_bundled();
	struct kw_session *s = session_new(t, 0, tu_fake_clock);
	struct kw_journal *j;
	struct kw_keycheck k;
	char err[512];

	j = journal_create(s, tu_src("wizard/m365-product-key.yaml"), err,
	    sizeof err);
	cr_assert_not_null(j, "journal_create: %s", err);
	snprintf(path, size, "%s", journal_file(j));
	interact_set_key(s, KEY, &k);
	prodkey_wipe(&k);
	cr_assert_eq(interact_continue(s), 0);
	cr_assert_eq(session_answer(s, 8, NULL, 0), 0);	/* admin */
	cr_assert_eq(session_check_item(s, 0, 1), 0);
	cr_assert_eq(session_back(s), 0);
	cr_assert_eq(session_answer(s, 3, "has expired", 0), 0);
	session_add_note(s, "called back at 10:20");
	session_restart(s);
	cr_assert_eq(interact_continue(s), 0);
	cr_assert_eq(session_answer(s, 3, NULL, 0), 0);
	cr_assert_eq(session_answer(s, KW_OPT_YES, NULL, 0), 0);
	cr_assert_null(journal_error(j));
	journal_close(j, 0);
	return s;
}

/* Where each event's JSON ends in the file (before its newline). */
static size_t
json_ends(const char *buf, size_t len, size_t *ends, size_t max)
{
	size_t n = 0, line = 0;

	for (size_t i = 0; i < len && n < max; i++)
		if (buf[i] == '\n' && line++ > 0)
			ends[n++] = i;
	return n;
}

Test(journal, written_as_the_call_goes)
{
	char path[4096], *buf;
	struct kw_session *s = call(path, sizeof path);
	struct kw_journal_read r;
	struct stat st;
	char err[512];
	size_t len;

	buf = tu_slurp(path, &len);
	cr_assert_null(strstr(buf, "BCDFG"), "the full key is in the journal");
	cr_assert_not_null(strstr(buf, "XXXXX-XXXXX-XXXXX-XXXXX-6789B"));
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(stat(tmpdir, &st), 0);
	cr_assert_eq(journal_parse(buf, len, &r, err, sizeof err), 0, "%s",
	    err);
	cr_assert_eq(json_array_size(r.events), session_nevents(s));
	cr_assert_eq(r.dropped, 0);
	for (size_t i = 0; i < session_nevents(s); i++)
		cr_assert_str_eq(json_string_value(json_object_get(
		    json_array_get(r.events, i), "type")),
		    session_event_name(session_event(s, i)->type));
	journal_read_free(&r);
	free(buf);
	session_free(s);
}

/* The journal cut at every byte: every event before the cut comes back
 * (an answer whose screen was cut off goes with it), never a crash. */
Test(journal, cut_at_every_byte)
{
	char path[4096], err[1024], *buf;
	struct kw_session *orig = call(path, sizeof path);
	size_t len, ends[256], nev;

	buf = tu_slurp(path, &len);
	nev = json_ends(buf, len, ends, 256);
	cr_assert_eq(nev, session_nevents(orig));
	for (size_t cut = 0; cut <= len; cut++) {
		struct kw_journal_read r;
		struct kw_session *s;
		size_t whole = 0, n = 0;

		while (whole < nev && ends[whole] <= cut)
			whole++;
		if (journal_parse(buf, cut, &r, err, sizeof err) < 0) {
			cr_assert(whole == 0, "cut %zu: %s", cut, err);
			continue;
		}
		cr_assert_eq(json_array_size(r.events), whole, "cut %zu", cut);
		cr_assert_eq(r.good + r.dropped, cut);
		journal_damage(&r, err, sizeof err);
		cr_assert((r.dropped > 0) == (*err != '\0'), "cut %zu", cut);
		s = journal_resume(tu_bundled(), &r, &n, err, sizeof err);
		if (whole < 2) {
			/* the start without its screen: nothing to go on */
			cr_assert_null(s, "cut %zu", cut);
			journal_read_free(&r);
			continue;
		}
		cr_assert_not_null(s, "cut %zu: %s", cut, err);
		cr_assert(n == whole || (n + 1 == whole &&
		    session_event(orig, n)->type == KW_EV_ANSWER),
		    "cut %zu: %zu of %zu events", cut, n, whole);
		for (size_t i = 0; i < n; i++) {
			const struct kw_event *a = session_event(orig, i);
			const struct kw_event *b = session_event(s, i);

			cr_assert_eq(a->type, b->type, "cut %zu ev %zu", cut, i);
			cr_assert_eq(a->node, b->node, "cut %zu ev %zu", cut, i);
			/* a screen takes the time of what showed it (the
			 * replay's way; the fake clock ticks at each call) */
			cr_assert(i < 2 || a->type == KW_EV_SHOW ||
			    a->t == b->t, "cut %zu ev %zu", cut, i);
		}
		cr_assert_eq(session_event(s, n)->type, KW_EV_RESUME);
		session_free(s);
		journal_read_free(&r);
	}
	free(buf);
	session_free(orig);
}

/* Random garbage after a whole journal: every event comes back, and the
 * garbage is said to be dropped. */
Test(journal, garbage_after_it)
{
	char path[4096], err[1024], *buf, *bad;
	struct kw_session *orig = call(path, sizeof path);
	size_t len;

	buf = tu_slurp(path, &len);
	bad = malloc(len + 512);
	cr_assert_not_null(bad);
	srand(18);
	for (int trial = 0; trial < 300; trial++) {
		size_t glen = 1 + (size_t)rand() % 500, n = 0;
		struct kw_journal_read r;
		struct kw_session *s;

		memcpy(bad, buf, len);
		for (size_t i = 0; i < glen; i++)
			bad[len + i] = (char)(rand() & 0xff);
		if (trial % 3 == 0)
			bad[len] = '\n';
		cr_assert_eq(journal_parse(bad, len + glen, &r, err,
		    sizeof err), 0, "%s", err);
		cr_assert_eq(json_array_size(r.events),
		    session_nevents(orig));
		cr_assert_eq(r.dropped, glen);
		journal_damage(&r, err, sizeof err);
		cr_assert_neq(*err, '\0');
		s = journal_resume(tu_bundled(), &r, &n, err, sizeof err);
		cr_assert_not_null(s, "%s", err);
		cr_assert_eq(n, session_nevents(orig));
		session_free(s);
		journal_read_free(&r);
	}
	free(bad);
	free(buf);
	session_free(orig);
}

/* A second process cannot open a journal held by the first: it learns
 * which process holds it. Once the holder is gone, it can. */
Test(journal, locked_while_written)
{
	const struct kw_tree *t = tu_bundled();
	struct kw_session *s = session_new(t, 0, tu_fake_clock);
	struct kw_journal *j, *j2;
	char err[512], *buf;
	size_t len;
	pid_t child, holder;
	int st;

	j = journal_create(s, tu_src("wizard/m365-product-key.yaml"), err,
	    sizeof err);
	cr_assert_not_null(j, "%s", err);
	child = fork();
	cr_assert_neq(child, -1);
	if (child == 0) {
		j2 = journal_open(journal_file(j), &buf, &len, &holder, err,
		    sizeof err);
		_exit(j2 == NULL && holder == getppid() &&
		    strstr(err, "in use by keywiz process") != NULL &&
		    journal_holder(journal_file(j)) == getppid() ? 0 : 1);
	}
	cr_assert_eq(waitpid(child, &st, 0), child);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	journal_close(j, 0);
	session_free(s);
}

/* A cut journal continued: the damage is cut off, the new events follow
 * the old ones, and the file reads whole again. */
Test(journal, continued_after_a_cut)
{
	char path[4096], err[1024], *buf, *buf2;
	struct kw_session *orig = call(path, sizeof path), *s;
	struct kw_journal_read r;
	struct kw_journal *j;
	size_t len, len2, n = 0, ends[256], nev;
	pid_t holder;
	int fd;

	buf = tu_slurp(path, &len);
	nev = json_ends(buf, len, ends, 256);
	/* in the middle of the 8th event's line */
	fd = open(path, O_WRONLY | O_TRUNC);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, buf, ends[6] + 10), (ssize_t)(ends[6] + 10));
	close(fd);
	free(buf);
	j = journal_open(path, &buf, &len, &holder, err, sizeof err);
	cr_assert_not_null(j, "%s", err);
	cr_assert_eq(journal_parse(buf, len, &r, err, sizeof err), 0);
	s = journal_resume(tu_bundled(), &r, &n, err, sizeof err);
	cr_assert_not_null(s, "%s", err);
	cr_assert_eq(n, 7);
	cr_assert_eq(journal_continue(j, s, n, r.end[n - 1], err, sizeof err),
	    0, "%s", err);
	session_add_note(s, "after the crash");
	journal_close(j, 0);
	journal_read_free(&r);
	buf2 = tu_slurp(path, &len2);
	cr_assert_eq(journal_parse(buf2, len2, &r, err, sizeof err), 0);
	cr_assert_eq(r.dropped, 0);
	cr_assert_eq(json_array_size(r.events), n + 2);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(
	    r.events, n), "type")), "resume");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(
	    r.events, n + 1), "text")), "after the crash");
	journal_read_free(&r);
	(void)nev;
	free(buf);
	free(buf2);
	session_free(s);
	session_free(orig);
}

/* Heads that are not a journal's are refused with a reason. */
Test(journal, bad_heads)
{
	static const char *const heads[] = {
		"",
		"garbage\n",
		"[1]\n",
		"{\"keywiz_record\": 1}\n",
		"{\"keywiz_journal\": 2, \"tree\": {\"id\": \"x\", \"hash\": "
		    "\"y\"}, \"started\": \"2026-01-01T00:00:00Z\"}\n",
		"{\"keywiz_journal\": 1}\n",
		"{\"keywiz_journal\": 1, \"tree\": {\"id\": 3}}\n",
	};
	struct kw_journal_read r;
	char err[512];

	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		*err = '\0';
		cr_assert_eq(journal_parse(heads[i], strlen(heads[i]), &r, err,
		    sizeof err), -1, "head %zu", i);
		cr_assert_neq(*err, '\0', "head %zu", i);
	}
}

Test(journal, switched_off)
{
	setenv("KEYWIZ_NO_JOURNAL", "1", 1);
	cr_assert_not(journal_enabled());
	setenv("KEYWIZ_NO_JOURNAL", "0", 1);
	cr_assert(journal_enabled());
	setenv("KEYWIZ_NO_JOURNAL", "", 1);
	cr_assert(journal_enabled());
}
