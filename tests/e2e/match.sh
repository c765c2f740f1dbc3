#!/bin/sh
# SPDX-License-Identifier: MIT
# match.sh - the error list: one matcher for typed and pasted text, any fragment, any language, right-to-left text
# shellcheck source=tests/lib.sh
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 5

if ! { kw_start 80 24 --lang en && kw_wait '^Key: *$'; }; then
	kw_fail "start"
	kw_done
fi
kw_keys Enter && kw_wait '^The error message'

# typed key by key: the list follows every key, the best match focused
kw_type 'expi'
if kw_wait '^Filter: expi *$' &&
    kw_wait '^> 4\) The product key has expired' &&
    kw_gone '^  1\) Invalid product key'; then
	kw_ok "typing 'expi' leaves the expired message, focused"
else
	kw_fail "typing 'expi' leaves the expired message, focused"
fi
kw_keys Escape && kw_gone '^Filter:'

# one word another language has: the filter line names it
kw_type 'abgelaufen'
kw_check "a German word: its message, the language named" \
    kw_wait '^Filter: abgelaufen +\(recognised in de\)'
kw_keys Escape && kw_gone '^Filter:'

# a word two messages share lists both, best first
kw_type 'already'
if kw_wait '^> 3\) You have already entered' &&
    kw_wait '^  5\) The product key has already been used' &&
    kw_gone '^  4\) The product key has expired'; then
	kw_ok "a shared word lists its messages"
else
	kw_fail "a shared word lists its messages"
fi
kw_keys Escape && kw_gone '^Filter:'

# Arabic pasted: matched, and the screen stays sane
kw_paste 'انتهت صلاحية مفتاح المنتج الذي أدخلته'
kw_check "pasted Arabic finds its message and names the language" \
    kw_wait '^The pasted text, in ar, matches 4\)'

# text of no message: nothing
kw_type 'the printer is offline'
kw_check "unrelated text matches nothing" \
    kw_wait '^! No answer contains this text'

kw_done
