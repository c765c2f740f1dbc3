#!/bin/sh
# SPDX-License-Identifier: MIT
# nav.sh - the curses front end everywhere: back, restart, help, search, filter, quit
# shellcheck source=tests/lib.sh
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 12

if ! { kw_start 80 24 --lang en && kw_wait '^Key: *$'; }; then
	kw_fail "start"
	kw_done
fi
kw_paste 'BCDFGHJKMPQRTVWXY2346789B'
kw_wait '^Key: BCDFG' && kw_keys Enter && kw_wait '^The error message'

# type to filter, accent- and case-insensitive; paste selects a message
kw_type 'ALREADY'
if kw_wait '^Filter: ALREADY' && kw_wait '^> 3\) You have already entered' &&
    kw_gone '^  1\) Invalid product key'; then
	kw_ok "typing filters the list"
else
	kw_fail "typing filters the list"
fi
kw_keys Escape
kw_type 'déjà'
kw_check "the filter ignores accents and matches French text" \
    kw_wait '^> 3\) You have already entered'
kw_keys Escape && kw_gone '^Filter:'
kw_paste "This product key has already been used. Enter a different product key."
kw_check "pasting a whole message selects it" \
    kw_wait '^> 5\) The product key has already been used'

kw_keys Enter
kw_wait '^Find out who used it' && kw_keys Enter && kw_wait '^Used in your organization'
kw_check "the title line shows the step and the path" \
    kw_wait '^Step 4: .*The error message › Find out who used it › Used in your organization\?'

kw_keys BSpace
kw_check "Backspace goes back one step" kw_wait '^Find out who used it'
kw_keys Left
kw_check "Left goes back one more" kw_wait '^Step 2: '

kw_keys 5 && kw_wait '^Find out who used it' && kw_keys Enter &&
    kw_wait '^Used in your organization'
kw_keys '?'
if kw_wait '^Help' && kw_wait '^Esc, Backspace, Left' && kw_wait '^Keys'; then
	kw_ok "? shows the help"
else
	kw_fail "? shows the help"
fi
kw_keys x
kw_check "any key closes the help" kw_wait '^Used in your organization'

# search: a step of the path jumps back, another is shown read-only
kw_keys /
kw_wait '^Search:' && kw_type 'vlsc'
if kw_wait '^> - Copy the key from the VLSC' &&
    kw_wait '^  - Bought through a partner' && kw_keys Down Up &&
    kw_keys Enter && kw_wait '^Not on your path: shown for reading only' &&
    kw_wait '^Copy the key from the VLSC'; then
	kw_ok "search finds steps off the path and shows them read-only"
else
	kw_fail "search finds steps off the path and shows them read-only"
fi
kw_keys Escape && kw_wait '^Search: vlsc'
kw_keys BSpace BSpace BSpace BSpace
kw_type 'error message'
if kw_wait '^> \[step 2\] The error message' && kw_keys Enter &&
    kw_wait '^Step 2: ' && kw_wait '^Type to filter'; then
	kw_ok "Enter on a search hit of the path goes back to that step"
else
	kw_fail "Enter on a search hit of the path goes back to that step"
fi

kw_keys 9 && kw_wait '^Check your admin role'
kw_keys Home && kw_wait '^Start again from the first step\?' && kw_keys y
kw_check "Home asks, then restarts at the key" kw_wait '^Step 1: '

kw_keys F10
if kw_wait '^Quit before an outcome\?' && kw_keys n &&
    kw_wait '^Step 1: ' && kw_keys F10 && kw_wait '^Quit before' &&
    kw_keys y && kw_wait '^\[exit 1\]'; then
	kw_ok "quitting asks first; n goes on, y quits with status 1"
else
	kw_fail "quitting asks first; n goes on, y quits with status 1"
fi
kw_done
