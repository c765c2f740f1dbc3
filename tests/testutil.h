/* SPDX-License-Identifier: MIT */
/* testutil.h - shared helpers for the Criterion suites */
#ifndef KW_TESTUTIL_H
#define KW_TESTUTIL_H

#include <stddef.h>
#include <time.h>

#include <criterion/parameterized.h>

#include "tree.h"

/* Absolute path of a file under the source tree ("tests/fixtures/x.yaml");
 * returns a static buffer overwritten by the next call. */
const char *tu_src(const char *rel);
/* Load and check a tree; fails the test (cr_fatal) on any error. Caller frees. */
struct kw_tree *tu_load(const char *path);
/* The bundled tree, loaded and checked once per process; do not free. */
const struct kw_tree *tu_bundled(void);
/* Read a whole file into a new NUL-terminated string (caller frees). */
char *tu_slurp(const char *path, size_t *len);
/* A fixed clock for sessions: 2026-11-24T10:00:00Z plus 1 s per call. */
time_t tu_fake_clock(void);

/* Parameters 0..n-1 for a table-driven ParameterizedTest: Criterion runs
 * each test in another process and copies its parameter there, so tests
 * pass an index into a static table, not pointers. */
struct criterion_test_params tu_indexes(size_t n);

#endif
