/* SPDX-License-Identifier: MIT */
/* test_hostile.c - hostile input: every file of tests/hostile/ refused precisely, generated worst cases at the limits, and a plain front end that survives any paste */
#include "config.h"

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <criterion/redirect.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "cmd.h"
#include "i18n.h"
#include "load.h"
#include "session.h"
#include "testutil.h"
#include "ui.h"
#include "xalloc.h"

#define HOSTILE		"tests/hostile"
#define ROWS_MAX	256
#define MIB		(1024 * 1024)
#define CAP		(16 * MIB)	/* the default file-size limit */
#define KEY		"BCDFG-HJKMN-PQRTV-WXY23-46789"
#define PASTE		100000		/* characters in a "paste" */

/* ---- the files of tests/hostile/ and their table ---- */

/* Criterion passes parameters to another process: no pointers in them. */
struct row {
	char file[64];
	char want[512];		/* "FILE:LINE:COL: error: MESSAGE" */
};

/* The rows of tests/hostile/EXPECTED: "FILE:..." lines, '#' comments. */
static size_t
read_table(struct row *rows, size_t max)
{
	FILE *fp = fopen(tu_src(HOSTILE "/EXPECTED"), "r");
	char line[1024];
	size_t n = 0;

	if (fp == NULL)
		return 0;
	while (n < max && fgets(line, sizeof line, fp) != NULL) {
		size_t len = strcspn(line, "\n"), flen;

		line[len] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		flen = strcspn(line, ":");
		if (flen >= sizeof rows[n].file || len >= sizeof rows[n].want)
			continue;	/* table_is_complete reports it */
		memcpy(rows[n].file, line, flen);
		rows[n].file[flen] = '\0';
		memcpy(rows[n].want, line, len + 1);
		n++;
	}
	fclose(fp);
	return n;
}

ParameterizedTestParameters(hostile, file)
{
	static struct row rows[ROWS_MAX];
	size_t n = read_table(rows, ROWS_MAX);

	return cr_make_param_array(struct row, rows, n);
}

/* The loader stops at the file's one error, at its exact place, and
 * `keywiz --check` prints just that and exits 65. */
ParameterizedTest(struct row *r, hostile, file, .init = cr_redirect_stderr)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_opts o;
	struct kw_tree *t;
	int cant_open = -1;
	char *got, want[600];

	unsetenv("KEYWIZ_MAX_TREE_BYTES");
	cr_assert_eq(chdir(tu_src(HOSTILE)), 0);
	load_default_limits(&lim);
	diags_init(&d, r->file);
	t = load_tree(r->file, &lim, &d, &cant_open);
	cr_assert_null(t, "%s loaded but should not", r->file);
	cr_assert_eq(cant_open, 0, "%s", r->file);
	cr_assert_eq(d.n, 1, "%s: %zu diagnostics", r->file, d.n);
	cr_assert_eq(d.v[0].sev, KW_SEV_ERROR);
	got = xasprintf("%s:%u:%u: error: %s", r->file, d.v[0].pos.line,
	    d.v[0].pos.col, d.v[0].msg);
	cr_assert_str_eq(got, r->want);
	free(got);
	diags_free(&d);

	memset(&o, 0, sizeof o);
	o.tree_path = r->file;
	cr_assert_eq(cmd_check(&o), KW_EXIT_DATAERR, "%s", r->file);
	fflush(stderr);
	snprintf(want, sizeof want, "%s\n", r->want);
	cr_assert_stderr_eq_str(want, "%s", r->file);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Every *.yaml of the folder has one row, every row a file; at least 25. */
Test(hostile, table_is_complete)
{
	static struct row rows[ROWS_MAX];
	size_t n = read_table(rows, ROWS_MAX), files = 0;
	struct dirent *de;
	struct stat st;
	char *path;
	DIR *dir;

	cr_assert_geq(n, 25, "%zu rows in %s/EXPECTED", n, HOSTILE);
	cr_assert_lt(n, ROWS_MAX);
	for (size_t i = 0; i < n; i++) {
		path = xasprintf("%s/%s", tu_src(HOSTILE), rows[i].file);
		cr_assert_eq(stat(path, &st), 0, "no file %s", rows[i].file);
		free(path);
		for (size_t j = 0; j < i; j++)
			cr_assert_str_neq(rows[i].file, rows[j].file,
			    "two rows for %s", rows[i].file);
	}
	dir = opendir(tu_src(HOSTILE));
	cr_assert_not_null(dir);
	while ((de = readdir(dir)) != NULL) {
		size_t i;

		if (!has_suffix(de->d_name, ".yaml"))
			continue;
		files++;
		for (i = 0; i < n; i++)
			if (strcmp(rows[i].file, de->d_name) == 0)
				break;
		cr_assert_lt(i, n, "%s has no row in EXPECTED", de->d_name);
	}
	closedir(dir);
	cr_assert_eq(files, n);
}

/* ---- generated worst cases: too large to commit ---- */

struct buf {
	char *s;
	size_t len, cap;
};

static void
put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->len + (size_t)n + 1 > b->cap)
		b->s = xgrow(b->s, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static void
put_n(struct buf *b, const char *s, size_t times)
{
	size_t n = strlen(s);

	if (b->len + n * times + 1 > b->cap)
		b->s = xgrow(b->s, &b->cap, b->len + n * times + 1, 1);
	for (size_t i = 0; i < times; i++, b->len += n)
		memcpy(b->s + b->len, s, n);
	b->s[b->len] = '\0';
}

#define HEAD "keywiz: 1\nid: gen\ntitle: {en: Generated}\nlanguages: [en]\n"

/* Load a generated file with the default limits: the "LINE:COL: error:
 * MESSAGE" lines it is refused with (caller frees), or NULL if it loaded
 * and checked without errors. */
static char *
load_gen(const struct buf *b)
{
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	char *got = NULL;

	unsetenv("KEYWIZ_MAX_TREE_BYTES");
	load_default_limits(&lim);
	cr_assert_leq(b->len, lim.max_bytes + 1);
	diags_init(&d, "gen.yaml");
	t = load_tree_mem(b->s, b->len, &lim, &d);
	if (t == NULL) {
		cr_assert_geq(d.n, 1);
		got = xstrdup("");
		for (size_t i = 0; i < d.n; i++) {	/* one a line */
			char *more = xasprintf("%s%s%u:%u: error: %s", got,
			    i > 0 ? "\n" : "", d.v[i].pos.line,
			    d.v[i].pos.col, d.v[i].msg);

			free(got);
			got = more;
		}
	} else {
		check_tree(t, 0, &d);
		if (d.nerrors > 0)
			diags_print(&d, stderr);
		cr_assert_eq(d.nerrors, 0, "the generated tree has errors");
	}
	tree_free(t);
	diags_free(&d);
	return got;
}

static void
refused(const struct buf *b, const char *want)
{
	char *got = load_gen(b);

	cr_assert_not_null(got, "loaded, but should be refused with %s",
	    want);
	cr_assert_str_eq(got, want);
	free(got);
}

static void
loads(const struct buf *b)
{
	char *got = load_gen(b);

	cr_assert_null(got, "refused: %s", got);
}

/* A chain of `n` nodes: n - 1 steps, then an outcome. */
static void
chain(struct buf *b, size_t n)
{
	put(b, HEAD "start: n0\nnodes:\n");
	for (size_t i = 0; i + 1 < n; i++)
		put(b, "  n%zu: {type: step, text: {en: s}, next: n%zu}\n", i,
		    i + 1);
	put(b, "  n%zu: {type: outcome, result: resolved, text: {en: e}}\n",
	    n - 1);
}

Test(hostile, node_limit)
{
	struct buf b = { 0 };

	chain(&b, 16384);
	loads(&b);
	b.len = 0;
	chain(&b, 16385);
	refused(&b, "16391:3: error: too many nodes (more than 16384)");
	free(b.s);
}

/* One step whose links list is `items` one-letter strings, in flow style:
 * two bytes an event, the cheapest events there are. */
static void
many_links(struct buf *b, size_t items)
{
	put(b, HEAD "start: a\nnodes:\n  a:\n    type: step\n    text: {en: "
	    "s}\n    next: b\n    links: [");
	put_n(b, "a,", items - 1);
	put(b, "a]\n  b: {type: outcome, result: resolved, text: {en: e}}\n");
}

/* 32 events come before the list's first item (stream, document, the
 * tree's mapping, ...) and 18 after its last: 499,949 items load; in a
 * longer list, item 499,968 is the 500,001st event. */
Test(hostile, event_limit)
{
	struct buf b = { 0 };
	char *got;

	many_links(&b, 499949);
	loads(&b);
	b.len = 0;
	many_links(&b, 499950);
	got = load_gen(&b);
	cr_assert_not_null(got);
	cr_assert(strstr(got, ": error: too many YAML events (more than "
	    "500000)") != NULL, "%s", got);
	free(got);
	b.len = 0;
	many_links(&b, (CAP - 200) / 2);
	refused(&b, "11:999947: error: too many YAML events (more than "
	    "500000)");
	free(b.s);
}

/* A file of exactly the size limit loads; one byte more is refused. */
Test(hostile, size_limit)
{
	struct buf b = { 0 };

	chain(&b, 2);
	put(&b, "#");
	put_n(&b, " ", CAP - b.len - 1);
	put(&b, "\n");
	cr_assert_eq(b.len, CAP);
	loads(&b);
	put(&b, "\n");
	refused(&b, "1:1: error: file too large: 16777217 bytes (at most "
	    "16777216; see KEYWIZ_MAX_TREE_BYTES)");
	free(b.s);
}

/* Strings of exactly the string limit, as many as fit in the file. */
Test(hostile, long_strings)
{
	struct buf b = { 0 };
	const char *url = "https://example.com/";
	size_t n = 0;
	char *want;

	put(&b, HEAD "start: a\nnodes:\n  a:\n    type: step\n    text: {en: "
	    "s}\n    next: b\n    links:\n");
	while (b.len + 65536 + 100 < CAP) {
		put(&b, "      - %s", url);
		put_n(&b, "x", 65536 - strlen(url));
		put(&b, "\n");
		n++;
	}
	put(&b, "  b: {type: outcome, result: resolved, text: {en: e}}\n");
	cr_assert_geq(n, 255);
	loads(&b);
	/* one byte more in the last one (on line 11 + n) */
	b.len -= strlen("  b: {type: outcome, result: resolved, text: {en: e}}"
	    "\n") + 1;
	put(&b, "x\n  b: {type: outcome, result: resolved, text: {en: e}}\n");
	want = xasprintf("%zu:9: error: string longer than 65536 bytes",
	    11 + n);
	refused(&b, want);
	free(want);
	free(b.s);
}

/* Nesting as deep as the file allows, where a string is expected. */
Test(hostile, deep_nesting_at_the_cap)
{
	struct buf b = { 0 };
	size_t depth = (CAP - 100) / 2;

	put(&b, "keywiz: 1\nid: deep\ntitle: {en: ");
	put_n(&b, "{", depth);
	put_n(&b, "}", depth);
	put(&b, "}\n");
	/* the value is skipped, up to the nesting limit */
	refused(&b, "3:13: error: expected a string for 'title', found a "
	    "mapping\n3:75: error: nesting deeper than 64 levels");
	b.len = 0;
	put(&b, "keywiz: 1\nid: deep\ntitle: ");
	put_n(&b, "[", depth);
	put_n(&b, "]", depth);
	put(&b, "\n");
	refused(&b, "3:8: error: expected a string or a mapping by language "
	    "for 'title', found a list\n3:71: error: nesting deeper than 64 "
	    "levels");
	free(b.s);
}

/* A plain scalar of 16 MiB, on one line. */
Test(hostile, one_huge_line)
{
	struct buf b = { 0 };

	put_n(&b, "x", CAP - 10);
	put(&b, ": 1\n");
	refused(&b, "1:1: error: string longer than 65536 bytes");
	free(b.s);
}

/* A bad byte after eight million lines is found at its line. */
Test(hostile, late_error)
{
	struct buf b = { 0 };

	put_n(&b, "#\n", CAP / 2 - 4);
	put(&b, "\xff\n");
	refused(&b, "8388605:1: error: invalid UTF-8 (byte 0xFF)");
	free(b.s);
}

/* ---- the plain front end: pastes, control characters, bad UTF-8 ---- */

/* Run `len` bytes of input through the plain front end on tree `t`. */
static void
run_on(const struct kw_tree *t, const char *script, size_t len, int echo,
    struct tu_run *r)
{
	struct kw_ui_opts o = { .training = 1, .echo = echo, .width = 80 };

	tu_run_plain(t, "en", script, len, &o, r);
}

static void
run_plain(const char *script, size_t len, int echo, struct tu_run *r)
{
	run_on(tu_bundled(), script, len, echo, r);
}

/* What reaches the screen is valid UTF-8 with no control character but
 * newline (no C0, DEL or C1): nothing a terminal would obey. */
static void
assert_clean(const struct tu_run *r)
{
	const unsigned char *u = (const unsigned char *)r->out;
	size_t i = 0, n = r->outlen;

	while (i < n) {
		unsigned c = u[i], cp, w;

		if (c < 0x80) {
			cr_assert(c >= 0x20 || c == '\n', "control byte 0x%02X "
			    "at %zu of the output", c, i);
			cr_assert_neq(c, 0x7F, "DEL at %zu of the output", i);
			i++;
			continue;
		}
		w = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 :
		    c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		cr_assert(w != 0 && i + w <= n, "invalid UTF-8 (0x%02X) at %zu "
		    "of the output", c, i);
		cp = c & (0xFFu >> (w + 1));
		for (size_t k = 1; k < w; k++) {
			cr_assert_eq(u[i + k] & 0xC0, 0x80, "invalid UTF-8 at "
			    "%zu of the output", i);
			cp = cp << 6 | (u[i + k] & 0x3F);
		}
		cr_assert(!(w == 3 && cp < 0x800) && !(w == 4 && cp < 0x10000)
		    && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF),
		    "invalid UTF-8 at %zu of the output", i);
		cr_assert(cp >= 0xA0, "C1 control U+%04X at %zu of the output",
		    cp, i);
		i += w;
	}
}

/* Answers that walk any path of the bundled tree to an outcome: a yes,
 * Enter (steps), Enter (the note prompt "n" opens at an outcome) and 1
 * (waits and choices), over and over. */
static void
put_walk(struct buf *b)
{
	put_n(b, "y\n\n\n1\n", 12);
}

/* The session went on to an outcome after the garbage. */
static void
assert_outcome(const struct tu_run *r)
{
	cr_assert_eq(r->status, KW_EXIT_OK, "%.2000s", r->out);
	cr_assert_not_null(session_outcome(r->s));
	cr_assert(session_finished(r->s));
}

/* `n` characters of pasted junk: letters, digits, dashes, accents. */
static void
put_paste(struct buf *b, size_t n)
{
	static const char *const parts[] = {
		"BCDFG", "-", "0O", " ", "é", "\xE2\x80\x94", "Q", "x"
	};

	for (size_t i = 0; i < n; i++)
		put(b, "%s", parts[(i * 7 + i / 13) % 8]);
}

/* The paste does not come back on screen (the key is never echoed). */
static void
assert_not_echoed(const struct tu_run *r)
{
	cr_assert_lt(r->outlen, 20000, "%zu bytes of output", r->outlen);
}

Test(hostile, paste_at_the_key_prompt)
{
	struct buf b = { 0 };
	const struct kw_keyinfo *k;
	struct tu_run r;

	put_paste(&b, PASTE);
	put(&b, "\n");
	run_plain(b.s, b.len, 1, &r);
	assert_clean(&r);
	assert_not_echoed(&r);
	cr_assert_eq(r.status, KW_EXIT_NEGATIVE);
	k = session_key(r.s);
	cr_assert(k->entered);
	cr_assert_not(k->valid);
	cr_assert_lt(strlen(k->masked), 64);
	cr_assert_null(strstr(k->masked, "BCDFG"), "%s", k->masked);
	tu_run_free(&r);

	/* and the session goes on with the right key */
	put(&b, KEY "\n\n9\n");
	put_walk(&b);
	run_plain(b.s, b.len, 1, &r);
	assert_clean(&r);
	assert_outcome(&r);
	cr_assert(session_key(r.s)->valid);
	cr_assert_str_eq(session_key(r.s)->masked,
	    "XXXXX-XXXXX-XXXXX-XXXXX-46789");
	tu_run_free(&r);
	free(b.s);
}

Test(hostile, paste_at_the_choice_prompt)
{
	static const char msg[] = "The product key you entered has expired. "
	    "Enter a different key. ";
	struct buf b = { 0 };
	const struct kw_node *node;
	size_t opt;
	struct tu_run r;

	put(&b, KEY "\n\n");
	put_n(&b, msg, PASTE / (sizeof msg - 1) + 1);
	put(&b, "\n");
	put_walk(&b);
	run_plain(b.s, b.len, 0, &r);
	assert_clean(&r);
	assert_outcome(&r);
	cr_assert(session_error(r.s, &node, &opt));
	cr_assert_str_eq(node->opts[opt].id, "expired");
	cr_assert_leq(strlen(session_step(r.s, 2)->text), 64 * 1024,
	    "the answer kept is cut to the line limit");
	tu_run_free(&r);

	/* junk that matches nothing: asked again, no harm */
	b.len = 0;
	put(&b, KEY "\n\n");
	put_paste(&b, PASTE);
	put(&b, "\n4\n");
	put_walk(&b);
	run_plain(b.s, b.len, 1, &r);
	assert_clean(&r);
	assert_outcome(&r);
	cr_assert(session_error(r.s, &node, &opt));
	cr_assert_str_eq(node->opts[opt].id, "expired");
	tu_run_free(&r);
	free(b.s);
}

/* The last note event of the session. */
static const char *
last_note(const struct kw_session *s)
{
	const char *text = NULL;

	for (size_t i = 0; i < session_nevents(s); i++)
		if (session_event(s, i)->type == KW_EV_NOTE)
			text = session_event(s, i)->text;
	return text;
}

Test(hostile, paste_as_a_note)
{
	struct buf b = { 0 };
	const char *note;
	struct tu_run r;

	/* "note TEXT" at the choice prompt */
	put(&b, KEY "\n\nnote ");
	put_n(&b, "ab\xc3\xa9 ", PASTE / 4);
	put(&b, "\n9\n");
	put_walk(&b);
	run_plain(b.s, b.len, 1, &r);
	assert_clean(&r);
	assert_outcome(&r);
	note = last_note(r.s);
	cr_assert_not_null(note);
	cr_assert_leq(strlen(note), 64 * 1024);
	cr_assert_eq(strncmp(note, "ab\xc3\xa9 ab", 7), 0, "%.20s", note);
	tu_run_free(&r);

	/* at the note prompt ("note" alone asks for the text) */
	b.len = 0;
	put(&b, KEY "\n\nnote\n");
	put_n(&b, "\xff\x1b[2J\x07 ", PASTE / 7);
	put(&b, "\n9\n");
	put_walk(&b);
	run_plain(b.s, b.len, 1, &r);
	assert_clean(&r);
	assert_outcome(&r);
	cr_assert_not_null(last_note(r.s));
	tu_run_free(&r);
	free(b.s);
}

/* Escape sequences (colours, clear screen, window title, cursor keys and
 * function keys the plain front end does not use), C0 and C1 controls,
 * NUL bytes, bidi overrides and invalid UTF-8, at every kind of prompt,
 * echoed: nothing of it reaches the screen raw, and the session goes on. */
Test(hostile, control_characters_everywhere)
{
	static const char *const junk[] = {
		"\x1b[2J\x1b[H", "\x1b]0;pwned\x07", "\x1b[31mred\x1b[0m",
		"\x1b[A", "\x1bOP", "\x1b[15~", "\x1b[200~paste\x1b[201~",
		"\x07\x08\x7f", "a\rb", "\xc2\x9b" "2J", "\xe2\x80\xae" "evil",
		"\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\xe2\x82", "1\x1b[A", "y\x07"
	};
	const size_t njunk = sizeof junk / sizeof junk[0];
	struct buf b = { 0 };
	struct tu_run r;

	for (size_t lead = 0; lead < 2; lead++) {
		b.len = 0;
		/* at the key prompt, then the choice, then onwards */
		for (size_t i = 0; i < njunk; i++)
			put(&b, "%s\n", junk[i]);
		put(&b, KEY "\n\n");
		for (size_t i = 0; i < njunk; i++)
			put(&b, "%s\n", junk[i]);
		put(&b, "note %s\n", junk[lead]);
		put(&b, "%s\n", lead ? "3" : "9");
		for (size_t k = 0; k < 12; k++) {
			put(&b, "%s\ny\n\n%s\n\n1\n", junk[k % njunk],
			    junk[(k + 5) % njunk]);
		}
		b.s[b.len] = '\0';
		run_plain(b.s, b.len, 1, &r);
		assert_clean(&r);
		assert_outcome(&r);
		tu_run_free(&r);
	}
	free(b.s);
}

/* NUL bytes in the input: a line is read to its newline, NULs and all. */
Test(hostile, nul_bytes_in_input)
{
	static const char script[] = "\0\0\0\n\n" KEY "\0junk\n\n\0""9\n"
	    "y\n\n\n1\ny\n\n\n1\ny\n\n\n1\n";
	struct tu_run r;

	run_plain(script, sizeof script - 1, 1, &r);
	assert_clean(&r);
	assert_outcome(&r);
	tu_run_free(&r);
}

/* Numbers a choice does not have, and lines of blanks. */
Test(hostile, numbers_out_of_range)
{
	static const char script[] = KEY "\n\n99999999999999999999999999\n-1\n0\n"
	    "+1\n11\n0x1\n1e1\n \t \n\t\n9\n"
	    "y\n\n\n1\ny\n\n\n1\ny\n\n\n1\ny\n\n\n1\ny\n\n\n1\ny\n\n\n1\n";
	struct tu_run r;

	run_plain(script, sizeof script - 1, 1, &r);
	assert_clean(&r);
	assert_outcome(&r);
	cr_assert(strstr(r.out, "[1-10, text, b back, q quit, ? help]> -1\n") != NULL, "%s",
	    r.out);
	tu_run_free(&r);
}

/* Input that ends in the middle of a line, or at once. */
Test(hostile, input_ends_anywhere)
{
	static const char *const scripts[] = {
		"", "\n", KEY, KEY "\n", KEY "\n\n9", KEY "\n\n9\nn", "\xff",
		"note", "note ", "q"
	};
	struct tu_run r;

	for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
		run_plain(scripts[i], strlen(scripts[i]), 1, &r);
		assert_clean(&r);
		cr_assert_eq(r.status, KW_EXIT_NEGATIVE, "script %zu", i);
		cr_assert(session_finished(r.s));
		tu_run_free(&r);
	}
}

/* A checklist of 64 items, the most a step may have: all can be ticked,
 * the last one too. */
Test(hostile, sixty_four_items)
{
	struct buf b = { 0 }, in = { 0 };
	struct kw_limits lim;
	struct kw_diags d;
	struct kw_tree *t;
	struct tu_run r;

	put(&b, HEAD "start: a\nnodes:\n  a:\n    type: step\n    text: {en: "
	    "Tick.}\n    next: b\n    items:\n");
	for (size_t i = 1; i <= 64; i++)
		put(&b, "      - {en: \"Item %zu\"}\n", i);
	put(&b, "  b: {type: outcome, result: resolved, text: {en: Done.}}\n");
	load_default_limits(&lim);
	diags_init(&d, "items.yaml");
	t = load_tree_mem(b.s, b.len, &lim, &d);
	cr_assert_not_null(t);
	cr_assert_eq(check_tree(t, 0, &d), 0);
	cr_assert_eq(t->nodes[0].nitems, 64);
	put(&in, "64\n1\n65\n\n\n");
	run_on(t, in.s, in.len, 1, &r);
	assert_clean(&r);
	assert_outcome(&r);
	cr_assert(strstr(r.out, "  [x] 64. Item 64\n") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "  [x] 1. Item 1\n") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "> 65\nNot an answer here") != NULL, "%s",
	    r.out);
	cr_assert_eq(session_step(r.s, 0)->checked, 1ul | 1ul << 63);
	tu_run_free(&r);
	tree_free(t);
	diags_free(&d);
	free(b.s);
	free(in.s);
}

/* ---- inputs the fuzzer found: tests/hostile/plain/NAME.in ---- */

struct input {
	char name[128];
};

ParameterizedTestParameters(hostile, fuzz_input)
{
	static struct input inputs[64];
	size_t n = 0;
	struct dirent *de;
	DIR *dir = opendir(tu_src(HOSTILE "/plain"));

	if (dir == NULL)
		return cr_make_param_array(struct input, inputs, 0);
	while (n < 64 && (de = readdir(dir)) != NULL)
		if (has_suffix(de->d_name, ".in") &&
		    strlen(de->d_name) < sizeof inputs[n].name)
			strcpy(inputs[n++].name, de->d_name);
	closedir(dir);
	return cr_make_param_array(struct input, inputs, n);
}

/* Read as tests/fuzz/fuzz_plain.c does: the first byte picks training,
 * echo, the width and the tree's language; the rest is typed. */
ParameterizedTest(struct input *p, hostile, fuzz_input)
{
	struct kw_ui_opts o;
	char rel[256], *data;
	FILE *in, *out;
	size_t len;
	struct tu_run r;

	snprintf(rel, sizeof rel, HOSTILE "/plain/%s", p->name);
	data = tu_slurp(tu_src(rel), &len);
	cr_assert_gt(len, 0);
	memset(&o, 0, sizeof o);
	o.training = data[0] & 1;
	o.echo = (data[0] >> 1) & 1;
	o.width = 20 + ((unsigned char)data[0] >> 2);
	i18n_init("en");
	in = len > 1 ? fmemopen(data + 1, len - 1, "r") :
	    fopen("/dev/null", "r");
	out = open_memstream(&r.out, &r.outlen);
	cr_assert(in != NULL && out != NULL);
	r.s = session_new(tu_bundled(), ((unsigned char)data[0] >> 7) %
	    tu_bundled()->nlangs, tu_fake_clock);
	r.status = ui_plain_run(r.s, in, out, &o);
	fclose(in);
	fclose(out);
	cr_assert(r.status == KW_EXIT_OK || r.status == KW_EXIT_NEGATIVE,
	    "%s: status %d", p->name, r.status);
	cr_assert(session_finished(r.s), "%s", p->name);
	assert_clean(&r);
	tu_run_free(&r);
	free(data);
}
