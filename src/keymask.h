/* SPDX-License-Identifier: MIT */
/* keymask.h - product keys found in free text, masked */
#ifndef KW_KEYMASK_H
#define KW_KEYMASK_H

#include "tree.h"

/* Separators allowed between two groups of a key in free text. */
#define KEYMASK_GAP_MAX 4

/*
 * A copy of `text` in which every key-shaped run is replaced by the key
 * masked as prodkey_mask() masks it ("XXXXX-XXXXX-XXXXX-XXXXX-7QW3K").
 * Key-shaped, for format `fmt` (NULL: the default, 5 groups of 5): its
 * groups of letters or digits (Latin, Greek or Cyrillic letters, any case,
 * full-width forms too), or more groups of that length, each followed by
 * the next directly or after at most KEYMASK_GAP_MAX separators
 * (prodkey_separator: spaces, line ends, dashes of any kind, invisible
 * characters), with no letter or digit right before or after the run.
 * Five five-letter words in a row are masked too, and a five-letter word
 * next to a key with it: a note loses a few words rather than keep a part
 * of a key. A run far longer than a key (more than half as long again) is
 * masked whole, nothing shown. Invalid UTF-8 is kept as it is. The caller
 * frees the copy.
 */
char *keymask_text(const struct kw_keyfmt *fmt, const char *text);

#endif
