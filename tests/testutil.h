/* SPDX-License-Identifier: MIT */
/* testutil.h - shared helpers for the Criterion suites */
#ifndef KW_TESTUTIL_H
#define KW_TESTUTIL_H

#include <stddef.h>
#include <time.h>

#include <criterion/parameterized.h>

#include "session.h"
#include "tree.h"
#include "ui.h"

/* Absolute path of a file under the source tree ("tests/fixtures/x.yaml");
 * returns a static buffer overwritten by the next call. */
const char *tu_src(const char *rel);
/* Load and check a tree; fails the test (cr_fatal) on any error. Caller frees. */
struct kw_tree *tu_load(const char *path);
/* The bundled tree, loaded and checked once per process; do not free. */
const struct kw_tree *tu_bundled(void);
/* Read a whole file into a new NUL-terminated string (caller frees). */
char *tu_slurp(const char *path, size_t *len);
/* A new scratch folder tests/tmp/NAME-XXXXXX in the build tree, its path in
 * `buf`; fails the test if it cannot be made. Remove it with tu_rm_rf(). */
void tu_scratch(char *buf, size_t size, const char *name);
/* Remove a folder and everything in it (made writable first); for the
 * suites' scratch folders. */
void tu_rm_rf(const char *dir);
/* A fixed clock for sessions: 2026-11-24T10:00:00Z plus 1 s per call. */
time_t tu_fake_clock(void);

/* A run of the plain front end: its exit status, what it printed, and the
 * session it leaves (for the test to inspect). */
struct tu_run {
	int status;
	char *out;
	size_t outlen;
	struct kw_session *s;
};

/* Run `len` bytes of `script` (0: empty input) through the plain front end
 * on tree `t`, the program and the session speaking `lang`. */
void tu_run_plain(const struct kw_tree *t, const char *lang,
    const char *script, size_t len, const struct kw_ui_opts *o,
    struct tu_run *r);
void tu_run_free(struct tu_run *r);

/* Parameters 0..n-1 for a table-driven ParameterizedTest: Criterion runs
 * each test in another process and copies its parameter there, so tests
 * pass an index into a static table, not pointers. */
struct criterion_test_params tu_indexes(size_t n);

/* A table-driven test: one test per row of a table of `n` rows, the body
 * seeing the row's index as *ip; what follows `n` are ParameterizedTest's
 * options (at least one: .init = setup, .timeout = 10...). */
#define TU_TABLE_TEST(suite, name, n, ...) \
	ParameterizedTestParameters(suite, name) \
	{ \
		return tu_indexes(n); \
	} \
	ParameterizedTest(size_t *ip, suite, name, __VA_ARGS__)

#endif
