#!/bin/sh
# SPDX-License-Identifier: MIT
# keys.sh - the curses front end's key entry: pasted in any form, marks, masking
# shellcheck source=tests/lib.sh
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 7

if ! { kw_start 80 24 --lang en && kw_wait '^Key: *$'; }; then
	kw_fail "start"
	kw_done
fi

kw_paste 'bcdfg-hjkmp-qrtvw-xy234-6789b'
kw_check "a key pasted with dashes is grouped and upper-cased" \
    kw_wait '^Key: BCDFG-HJKMP-QRTVW-XY234-6789B *$'
kw_check "a well-formed key says so" kw_wait '^= Well-formed'

kw_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace BSpace BSpace BSpace BSpace BSpace BSpace
kw_wait '^Key: *$' >/dev/null
kw_paste '  BCDFGHJKMPQRTVWXY23467 89B '
kw_check "a key pasted without dashes gets them" \
    kw_wait '^Key: BCDFG-HJKMP-QRTVW-XY234-6789B *$'

# typed one key at a time, with a typed dash and impossible characters
kw_start 80 24 --lang en && kw_wait '^Key: *$'
kw_type 'bcdfg-o5'
if kw_wait '^Key: BCDFG-O5 *$' && kw_wait '^ {11}\^\^ *$' &&
    kw_wait "^! Group 2, character 2: '5' is never in a product key; did you mean"; then
	kw_ok "marks under impossible characters, with a one-line reason"
else
	kw_fail "marks under impossible characters, with a one-line reason"
fi

kw_keys F2
if kw_wait '^Key: \*\*\*\*\*-\*\* *$' && kw_gone "'5'" &&
    kw_wait '\^T show key'; then
	kw_ok "F2 masks the key (and its reason line); the footer says so"
else
	kw_fail "F2 masks the key (and its reason line); the footer says so"
fi
kw_keys C-t
kw_check "Ctrl-T shows it again" kw_wait '^Key: BCDFG-O5 *$'

# Enter goes on even with an invalid key, straight to the step that checks
# it again; the session keeps it masked
kw_keys Enter
if kw_wait '^Check every character' && kw_keys Enter &&
    kw_wait '^Try again' && kw_keys y &&
    kw_wait '^Key accepted' &&
    kw_wait '^Key: XXXX.*\(Not a valid key' && kw_gone 'BCDF'; then
	kw_ok "Enter goes on with an invalid key; only the masked form stays"
else
	kw_fail "Enter goes on with an invalid key; only the masked form stays"
fi
kw_done
