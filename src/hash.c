/* SPDX-License-Identifier: MIT */
/* hash.c - FNV-1a, 64 bits */
#include "config.h"

#include "hash.h"

#define FNV64_PRIME 0x100000001b3ULL

uint64_t
hash_fnv1a64(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV64_PRIME;
	return h;
}
