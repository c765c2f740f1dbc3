/* SPDX-License-Identifier: MIT */
/* utf8.h - decoding and encoding one UTF-8 character, and validating */
#ifndef KW_UTF8_H
#define KW_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * keywiz's one UTF-8 decoder. libunistring does the real Unicode work
 * (case folding, normalisation, categories, widths); stepping through
 * characters is done here, so a session whose text needs none of that
 * never touches the library's pages (a measured 80 KB of the resident
 * set: see tests/bench/RESULTS).
 *
 * The kw_ prefix: libjansson's static archive has its own utf8_encode()
 * and friends, which would clash in a static link.
 */

/* The character at `s` (of `n` bytes, or NUL-terminated with n >= 4)
 * decoded strictly: no overlong forms, surrogates or code points past
 * U+10FFFF. Returns its length (1-4) and sets *cp, or 0 if invalid or cut
 * short. */
size_t kw_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* The same, but never failing (for text that may be invalid and is to be
 * stepped through): an invalid byte is U+FFFD of length 1. `n` >= 1. */
size_t kw_utf8_next(const unsigned char *s, size_t n, uint32_t *cp);

/* The start of the character before `p` (> s) in [s, p). */
const unsigned char *kw_utf8_prev(const unsigned char *s,
    const unsigned char *p);

/* Encode `cp` (<= U+10FFFF, not a surrogate) into `out`; returns the
 * length (1-4), or 0 (nothing written) for an invalid code point. */
size_t kw_utf8_encode(uint32_t cp, unsigned char out[4]);

/* Whether the `n` bytes at `s` are all valid UTF-8. */
int kw_utf8_valid(const unsigned char *s, size_t n);

#endif
