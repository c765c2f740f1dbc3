/* SPDX-License-Identifier: MIT */
/* test_team.c - a team's keywiz: the lookup folders and --list's tree heads, the configuration files, the records folder, the agent and the ticket in a record, the pick's filter */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <dirent.h>
#include <jansson.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conf.h"
#include "datadir.h"
#include "diag.h"
#include "locate.h"
#include "pick.h"
#include "record.h"
#include "session.h"
#include "testutil.h"
#include "treelist.h"

TestSuite(team);

/* The lookup folders as a team has them: the fixture's user folder,
 * two system folders, nothing from the environment of the test run. */
static void
team_folders(void)
{
	char user[4096], dirs[8192];

	snprintf(user, sizeof user, "%s/tests/fixtures/team/user", KW_SRCDIR);
	snprintf(dirs, sizeof dirs, "%s/tests/fixtures/team/sys1:relative:"
	    "%s/tests/fixtures/team/sys2", KW_SRCDIR, KW_SRCDIR);
	setenv("XDG_DATA_HOME", user, 1);
	setenv("XDG_DATA_DIRS", dirs, 1);
	unsetenv("KEYWIZ_PATH");
}

/* ---- where trees live ---- */

Test(team, the_lookup_order_is_keywiz_path_user_system_installed)
{
	struct kw_folders f;
	char want[4096];

	team_folders();
	setenv("KEYWIZ_PATH", "/a:/b", 1);
	locate_folders(&f);
	cr_assert_eq(f.n, 7, "%zu folders", f.n);
	cr_assert_str_eq(f.v[0], "/a");
	cr_assert_str_eq(f.v[1], "/b");
	snprintf(want, sizeof want, "%s/tests/fixtures/team/user/keywiz",
	    KW_SRCDIR);
	cr_assert_str_eq(f.v[2], want);
	snprintf(want, sizeof want, "%s/tests/fixtures/team/sys1/keywiz",
	    KW_SRCDIR);
	cr_assert_str_eq(f.v[3], want, "relative entries are ignored");
	snprintf(want, sizeof want, "%s/tests/fixtures/team/sys2/keywiz",
	    KW_SRCDIR);
	cr_assert_str_eq(f.v[4], want);
	cr_assert_str_eq(f.v[5], datadir_wizard());
	cr_assert_str_eq(f.v[6], datadir_examples());
	locate_folders_free(&f);
}

Test(team, xdg_data_dirs_defaults_to_usr_local_share_then_usr_share)
{
	struct kw_folders f;

	team_folders();
	setenv("XDG_DATA_DIRS", "", 1);
	locate_folders(&f);
	cr_assert_str_eq(f.v[1], "/usr/local/share/keywiz");
	cr_assert_str_eq(f.v[2], "/usr/share/keywiz");
	locate_folders_free(&f);
}

Test(team, a_name_is_found_in_the_first_folder_that_has_it)
{
	char *p;

	team_folders();
	p = locate_tree("printer-not-printing");
	cr_assert(strstr(p, "/team/user/keywiz/") != NULL, "%s", p);
	free(p);
	p = locate_tree("vpn-down");
	cr_assert(strstr(p, "/team/sys1/keywiz/") != NULL, "%s", p);
	free(p);
	cr_assert_null(locate_tree("no-such-tree"));
}

Test(team, the_list_marks_shadowed_trees_and_broken_heads)
{
	struct kw_treelist l;
	const char *want[][3] = {
		/* name, folder, shadowed by (name's folder) or "" */
		{ "printer-not-printing", "/team/user/", "" },
		{ "vpn-down", "/team/sys1/", "" },
		{ "broken", "/team/sys2/", "" },
		{ "vpn-down", "/team/sys2/", "/team/sys1/" },
	};

	/* (the installed folders come next, if this prefix has them) */
	team_folders();
	treelist_scan(&l, "fr");
	cr_assert_geq(l.n, 4, "%zu trees", l.n);
	for (size_t i = 0; i < 4; i++) {
		const struct kw_treeinfo *ti = &l.v[i];

		cr_assert_str_eq(ti->name, want[i][0], "tree %zu", i);
		cr_assert(strstr(ti->path, want[i][1]) != NULL, "%s", ti->path);
		if (*want[i][2] == '\0')
			cr_assert_eq(ti->shadowed_by, -1, "%s", ti->path);
		else
			cr_assert(ti->shadowed_by >= 0 && strstr(
			    l.v[ti->shadowed_by].path, want[i][2]) != NULL,
			    "%s", ti->path);
	}
	cr_assert_str_eq(l.v[1].title,
	    "Le VPN ne se connecte pas, même après un redémarrage");
	cr_assert_str_eq(l.v[1].version, "3.1");
	cr_assert_str_eq(l.v[1].langs, "en, fr");
	cr_assert_null(l.v[2].version, "broken has none");
	cr_assert_null(l.v[2].title);
	cr_assert_str_eq(l.v[2].error, "5:8: expected a mapping for 'title', "
	    "found a list");
	treelist_free(&l);
}

Test(team, a_folder_named_twice_is_listed_once)
{
	struct kw_treelist l;
	char path[4096];

	team_folders();
	snprintf(path, sizeof path, "%s/tests/fixtures/team/sys1/keywiz",
	    KW_SRCDIR);
	setenv("KEYWIZ_PATH", path, 1);
	treelist_scan(&l, "en");
	cr_assert_geq(l.n, 4, "%zu trees", l.n);
	cr_assert_str_eq(l.v[3].name, "vpn-down");
	cr_assert_geq(l.v[3].shadowed_by, 0);
	cr_assert_str_eq(l.v[0].name, "vpn-down");
	cr_assert_str_eq(l.v[0].title, "The VPN does not connect");
	treelist_free(&l);
}

Test(team, the_pick_offers_what_runs_and_filters_without_accents)
{
	struct kw_pick p;

	team_folders();
	pick_init(&p, "fr");
	cr_assert_eq(p.list.v[p.all[0]].shadowed_by, -1);
	cr_assert_eq(p.all[3 - 1], 2, "the shadowed vpn-down is not offered");
	pick_filter(&p, "REDEMARRAGE");
	cr_assert_eq(p.nshown, 1);
	cr_assert_str_eq(pick_shown(&p, 0)->name, "vpn-down");
	pick_filter(&p, "printer");
	cr_assert_eq(p.nshown, 1);
	cr_assert(strstr(pick_shown(&p, 0)->path, "/team/user/") != NULL);
	pick_filter(&p, "nothing like it");
	cr_assert_eq(p.nshown, 0);
	pick_filter(&p, "");
	cr_assert_eq(p.nshown, p.nall);
	pick_free(&p);
}

/* ---- the configuration ---- */

/* `text` parsed as a configuration over `c`: 0, or the error as
 * "LINE:COL: message" in err. */
static int
parse(struct kw_conf *c, const char *text, char *err, size_t size)
{
	struct kw_diags d;
	int r;

	diags_init(&d, "config.yaml");
	r = conf_parse(c, text, strlen(text), &d);
	*err = '\0';
	if (r < 0) {
		cr_assert_eq(d.n, 1);
		snprintf(err, size, "%u:%u: %s", d.v[0].pos.line,
		    d.v[0].pos.col, d.v[0].msg);
	}
	diags_free(&d);
	return r;
}

static const struct {
	const char *text, *error;
} bad_configs[] = {
	{ "recrods: /srv\n", "1:1: unknown key 'recrods' in the "
	    "configuration (did you mean 'records'?)" },
	{ "language: fr\ncolour: blue\n", "2:1: unknown key 'colour' in the "
	    "configuration" },
	{ "agent: a\nagent: b\n", "2:1: duplicate key 'agent' (first at 1:1)" },
	{ "front_end: curse\n", "1:12: invalid value 'curse' for 'front_end' "
	    "(expected curses, plain) (did you mean 'curses'?)" },
	{ "language: French\n", "1:11: invalid value 'French' for "
	    "'language' (a language code: two or three letters, as de, or "
	    "with a region, as pt-BR)" },
	{ "training: maybe\n", "1:11: invalid value 'maybe' for 'training' "
	    "(expected true or false)" },
	{ "pick: ture\n", "1:7: invalid value 'ture' for 'pick' (expected "
	    "true or false) (did you mean 'true'?)" },
	{ "records: srv/records\n", "1:10: invalid value 'srv/records' for "
	    "'records' (expected an absolute path, or one starting with ~/)" },
	{ "records_mode: rw-rw----\n", "1:15: invalid value 'rw-rw----' for "
	    "'records_mode' (expected an octal file mode such as 0640 or "
	    "0660)" },
	{ "records_mode: 0440\n", "1:15: invalid value '0440' for "
	    "'records_mode' (the owner must read and write a record, and "
	    "nobody execute it: 0600, 0640, 0660...)" },
	{ "records_mode: 0770\n", "1:15: invalid value '0770' for "
	    "'records_mode' (the owner must read and write a record, and "
	    "nobody execute it: 0600, 0640, 0660...)" },
	{ "agent: \"\"\n", "1:8: invalid value for 'agent' (it is empty)" },
	{ "agent: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaa\n", "1:8: invalid value for 'agent' (it is longer than 64 "
	    "bytes)" },
	{ "on_end: \"\"\n", "1:9: invalid value for 'on_end' (it is empty)" },
	{ "tree: {name: x}\n", "1:7: expected a string for 'tree', found a "
	    "mapping" },
	{ "agent: ~\n", "1:8: expected a string for 'agent', found nothing" },
	{ "- tree: x\n", "1:1: expected a mapping for the configuration, "
	    "found a list" },
	{ "tree: x\n---\ntree: y\n", "2:1: several YAML documents in one "
	    "file; a tree is a single document" },
};

TU_TABLE_TEST(team, every_config_diagnostic_says_where_and_what,
    sizeof bad_configs / sizeof bad_configs[0], .timeout = 10)
{
	struct kw_conf c = { .plain = -1, .training = -1 };
	char err[512];

	conf_set(&c.agent, "kept");
	cr_assert_eq(parse(&c, bad_configs[*ip].text, err, sizeof err), -1,
	    "%s", bad_configs[*ip].text);
	cr_assert_str_eq(err, bad_configs[*ip].error);
	cr_assert_str_eq(c.agent, "kept", "a file with an error sets nothing");
	conf_free(&c);
}

Test(team, every_key_is_read)
{
	struct kw_conf c = { .plain = -1, .training = -1 };
	char err[512];

	setenv("HOME", "/home/ana", 1);
	cr_assert_eq(parse(&c, "# the team's\ntree: vpn-down\nlanguage: fr\n"
	    "front_end: plain\ntraining: yes\nagent: Ana Souza\n"
	    "records: ~/records\nrecords_mode: 0o660\non_end: post --json\n",
	    err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(c.tree, "vpn-down");
	cr_assert_eq(c.pick, 0);
	cr_assert_str_eq(c.lang, "fr");
	cr_assert_eq(c.plain, 1);
	cr_assert_eq(c.training, 1);
	cr_assert_str_eq(c.agent, "Ana Souza");
	cr_assert_str_eq(c.records, "/home/ana/records");
	cr_assert_eq(c.records_mode, 0660);
	cr_assert_str_eq(c.on_end, "post --json");
	/* a later file: pick over the tree, and only what it sets */
	cr_assert_eq(parse(&c, "pick: TRUE\nrecords_mode: 640\n", err,
	    sizeof err), 0, "%s", err);
	cr_assert_eq(c.pick, 1);
	cr_assert_str_eq(c.tree, "vpn-down");
	cr_assert_eq(c.records_mode, 0640);
	cr_assert_str_eq(c.agent, "Ana Souza");
	/* and a tree again turns the pick off */
	cr_assert_eq(parse(&c, "tree: other\n", err, sizeof err), 0);
	cr_assert_eq(c.pick, 0);
	conf_free(&c);
}

Test(team, empty_and_comment_only_files_set_nothing)
{
	struct kw_conf c = { .plain = -1, .training = -1 };
	char err[512];

	cr_assert_eq(parse(&c, "", err, sizeof err), 0, "%s", err);
	cr_assert_eq(parse(&c, "# nothing yet\n", err, sizeof err), 0, "%s",
	    err);
	cr_assert_eq(parse(&c, "---\n", err, sizeof err), 0, "%s", err);
	cr_assert_null(c.tree);
	cr_assert_eq(c.plain, -1);
	conf_free(&c);
}

static void
write_file(const char *dir, const char *text)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof path, "%s/keywiz", dir);
	mkdir(dir, 0700);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/keywiz/config.yaml", dir);
	cr_assert_not_null(fp = fopen(path, "w"));
	fputs(text, fp);
	cr_assert_eq(fclose(fp), 0);
}

Test(team, the_users_file_is_over_the_first_system_folder_over_the_next)
{
	char top[1024], user[1100], s1[1100], s2[1100], dirs[4096];
	struct kw_conf *c = conf_get();

	tu_scratch(top, sizeof top, "conf");
	snprintf(user, sizeof user, "%s/user", top);
	snprintf(s1, sizeof s1, "%s/s1", top);
	snprintf(s2, sizeof s2, "%s/s2", top);
	write_file(s2, "language: fr\nagent: nobody\nrecords: /srv/r\n"
	    "training: true\n");
	write_file(s1, "language: en\nagent: team\n");
	write_file(user, "agent: ana\n");
	snprintf(dirs, sizeof dirs, "%s:%s:%s/none", s1, s2, top);
	setenv("XDG_CONFIG_DIRS", dirs, 1);
	setenv("XDG_CONFIG_HOME", user, 1);
	cr_assert_eq(conf_load(), 0);
	cr_assert_str_eq(c->lang, "en", "the first system folder wins");
	cr_assert_str_eq(c->agent, "ana", "the user's file wins");
	cr_assert_str_eq(c->records, "/srv/r");
	cr_assert_str_eq(conf_records_dir(), "/srv/r");
	cr_assert_eq(c->training, 1);
	tu_rm_rf(top);
}

Test(team, a_config_error_stops_the_load, .init = cr_redirect_stderr)
{
	char top[1024], user[1100], want[2048];

	tu_scratch(top, sizeof top, "conf");
	snprintf(user, sizeof user, "%s/user", top);
	write_file(user, "language: fr\nrecord: /srv\n");
	setenv("XDG_CONFIG_DIRS", top, 1);
	setenv("XDG_CONFIG_HOME", user, 1);
	cr_assert_eq(conf_load(), -1);
	fflush(stderr);
	snprintf(want, sizeof want, "%s/keywiz/config.yaml:2:1: error: "
	    "unknown key 'record' in the configuration (did you mean "
	    "'records'?)\n", user);
	cr_assert_stderr_eq_str(want);
	tu_rm_rf(top);
}

/* ---- the records folder ---- */

static struct kw_session *
team_session(const struct kw_tree *t)
{
	struct kw_session *s = session_new(t, 0, tu_fake_clock);

	session_set_agent(s, "Ana Souza");
	session_set_ticket(s, "HD/2041");
	session_finish(s);
	return s;
}

Test(team, a_records_name_sorts_by_time_and_says_who_and_what)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/team/sys1/keywiz/"
	    "vpn-down.yaml"));
	struct kw_session *s = team_session(t);
	char *a = record_folder_name(s, "/r"), *b;
	regex_t re;

	cr_assert_eq(regcomp(&re, "^/r/20261124T100000Z-Ana_Souza-HD_2041-"
	    "[a-z0-9]{6}\\.json$", REG_EXTENDED | REG_NOSUB), 0);
	cr_assert_eq(regexec(&re, a, 0, NULL, 0), 0, "%s", a);
	b = record_folder_name(s, "/r");
	cr_assert_str_neq(a, b, "a unique suffix");
	regfree(&re);
	free(a);
	free(b);
	session_free(s);
	s = session_new(t, 0, tu_fake_clock);
	a = record_folder_name(s, "/r");
	cr_assert_eq(strlen(a), strlen("/r/20261124T100000Z-xxxxxx.json"),
	    "%s", a);
	free(a);
	session_free(s);
	tree_free(t);
}

static size_t
count_records(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	cr_assert_not_null(d);
	while ((e = readdir(d)) != NULL) {
		char path[8192];
		struct stat st;
		json_t *j;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		cr_assert_eq(stat(path, &st), 0);
		cr_assert_eq(st.st_mode & 07777, 0640, "%s: %o", path,
		    st.st_mode & 07777);
		cr_assert_not_null(j = json_load_file(path, 0, NULL),
		    "%s is a whole JSON record", path);
		json_decref(j);
		n++;
	}
	closedir(d);
	return n;
}

Test(team, sessions_ending_in_the_same_second_each_leave_their_record,
    .timeout = 30)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/team/sys1/keywiz/"
	    "vpn-down.yaml"));
	char dir[4096], err[1024], *path;
	pid_t pids[8];
	int st;

	tu_scratch(dir, sizeof dir, "records");
	/* eight processes with the same start, agent and ticket: same name
	 * but for the suffix, at once */
	for (size_t i = 0; i < 8; i++) {
		cr_assert_geq(pids[i] = fork(), 0);
		if (pids[i] == 0) {
			struct kw_session *s = team_session(t);

			for (int k = 0; k < 25; k++)
				if (record_save_folder(s, dir, 0640, &path,
				    err, sizeof err) < 0)
					_exit(1);
				else
					free(path);
			_exit(0);
		}
	}
	for (size_t i = 0; i < 8; i++) {
		cr_assert_eq(waitpid(pids[i], &st, 0), pids[i]);
		cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	cr_assert_eq(count_records(dir), 200);
	tu_rm_rf(dir);
	tree_free(t);
}

Test(team, a_record_saved_in_the_folder_gives_agent_and_ticket_back)
{
	struct kw_tree *t = tu_load(tu_src("tests/fixtures/team/sys1/keywiz/"
	    "vpn-down.yaml"));
	struct kw_session *s = team_session(t), *r;
	char dir[4096], err[1024], *path;

	tu_scratch(dir, sizeof dir, "records");
	cr_assert_eq(record_save_folder(s, dir, 0, &path, err, sizeof err), 0,
	    "%s", err);
	{
		struct stat st;

		cr_assert_eq(stat(path, &st), 0);
		cr_assert_eq(st.st_mode & 07777, 0600, "the default mode");
	}
	cr_assert_eq(record_resume(t, path, NULL, &r, err, sizeof err), 0,
	    "%s", err);
	cr_assert_str_eq(session_agent(r), "Ana Souza");
	cr_assert_str_eq(session_ticket(r), "HD/2041");
	session_free(r);
	free(path);
	session_free(s);
	tu_rm_rf(dir);
	tree_free(t);
}

Test(team, a_missing_records_folder_is_found_before_the_call)
{
	char err[1024];

	cr_assert_eq(record_check_folder("/nonexistent/records", err,
	    sizeof err), -1);
	cr_assert_str_eq(err, "the records folder /nonexistent/records: No "
	    "such file or directory");
	cr_assert_eq(record_check_folder(tu_src("tests/fixtures/team/sys1/"
	    "keywiz/vpn-down.yaml"), err, sizeof err), -1);
	cr_assert(strstr(err, "vpn-down.yaml is a file, not a folder") !=
	    NULL, "%s", err);
}

Test(team, a_config_that_is_a_folder_or_too_large_is_an_error,
    .init = cr_redirect_stderr)
{
	char top[1024], path[1200], want[4096];
	FILE *fp;

	tu_scratch(top, sizeof top, "conf");
	snprintf(path, sizeof path, "%s/keywiz", top);
	cr_assert_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/keywiz/config.yaml", top);
	cr_assert_eq(mkdir(path, 0700), 0);
	setenv("XDG_CONFIG_DIRS", top, 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	cr_assert_eq(conf_load(), -1);
	cr_assert_eq(rmdir(path), 0);
	cr_assert_not_null(fp = fopen(path, "w"));
	for (int i = 0; i < KW_CONF_MAX_BYTES / 16 + 1; i++)
		fputs("# a long comment\n", fp);
	cr_assert_eq(fclose(fp), 0);
	cr_assert_eq(conf_load(), -1);
	fflush(stderr);
	snprintf(want, sizeof want, "%s: error: not a regular file\n"
	    "%s:1:1: error: file too large: %d bytes (at most %d)\n", path,
	    path, (KW_CONF_MAX_BYTES / 16 + 1) * 17, KW_CONF_MAX_BYTES);
	cr_assert_stderr_eq_str(want);
	tu_rm_rf(top);
}
