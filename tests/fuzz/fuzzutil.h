/* SPDX-License-Identifier: MIT */
/* fuzzutil.h - shared by the libFuzzer harnesses: the entry points, the
 * bundled tree, and what "clean terminal output" means */
#ifndef KW_FUZZUTIL_H
#define KW_FUZZUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "tree.h"

/* libFuzzer's entry points (declared here for -Wmissing-prototypes). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled tree ($KEYWIZ_FUZZ_TREE, else the source tree's
 * wizard/m365-product-key.yaml), loaded and checked once; aborts if it does
 * not load cleanly. Never freed. */
const struct kw_tree *fz_bundled(void);

/* A NUL-terminated copy of the input (caller frees). */
char *fz_cstr(const uint8_t *data, size_t size);

/* Abort, naming `what`, unless `s` (n bytes) is valid UTF-8 without control
 * characters (C0 but newline, DEL, C1): what may reach a terminal. */
void fz_assert_clean(const char *s, size_t n, const char *what);

#endif
