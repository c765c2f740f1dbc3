/* SPDX-License-Identifier: MIT */
/* hash.h - FNV-1a, the one non-cryptographic hash keywiz uses */
#ifndef KW_HASH_H
#define KW_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The 64-bit FNV-1a offset basis: the hash of nothing. */
#define HASH_FNV1A64_INIT 0xcbf29ce484222325ULL

/* Hash `n` bytes at `p` on top of `h` (HASH_FNV1A64_INIT to start), so a
 * hash can be fed in pieces: the result is the same as in one call. */
uint64_t hash_fnv1a64(uint64_t h, const void *p, size_t n);

#endif
