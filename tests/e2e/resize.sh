#!/bin/sh
# SPDX-License-Identifier: MIT
# resize.sh - the curses front end follows the terminal's size, down to 40x12
# shellcheck source=tests/lib.sh
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 7

if ! { kw_start 80 24 --lang en && kw_wait '^Key: *$'; }; then
	kw_fail "start"
	kw_done
fi
kw_paste 'BCDFGHJKMPQRTVWXY2346789B'
kw_wait '^Key: BCDFG' && kw_keys Enter && kw_wait '^The error message' &&
    kw_keys 9 && kw_wait '^Check your admin role'

kw_tmux resize-window -t kw -x 40 -y 12
if kw_wait '^Step 3: ' && kw_wait '^Check your admin role' &&
    kw_wait '^Space tick  Enter continue' && kw_wait 'q quit'; then
	kw_ok "at 40x12 the step from the start of its text, and the footer"
else
	kw_fail "at 40x12 the step from the start of its text, and the footer"
fi

kw_tmux resize-window -t kw -x 30 -y 10
kw_check "below 40x12: a terminal too small notice" \
    kw_wait '^! Terminal too small: keywiz'

kw_tmux resize-window -t kw -x 40 -y 12
kw_check "growing back recovers the screen" kw_wait '^Check your admin role'

kw_keys Enter
kw_check "keys work at 40x12" kw_wait '^Are you listed\?'

kw_tmux resize-window -t kw -x 80 -y 24
if kw_wait '^Step 4: .*Check your admin role › Are you listed\?' &&
    kw_keys n && kw_wait '^Ask an admin' && kw_keys Enter &&
    kw_wait '^\[exit 0\]'; then
	kw_ok "back at 80x24 the walk goes on to its outcome"
else
	kw_fail "back at 80x24 the walk goes on to its outcome"
fi

# the countdown keeps going through a resize and the help
kw_start 80 24 --lang en && kw_wait '^Key: *$' &&
    kw_paste 'BCDFGHJKMPQRTVWXY2346789B' && kw_wait '^Key: BCDFG' &&
    kw_keys Enter && kw_wait '^The error message' && kw_keys 6 &&
    kw_wait '^Time left: '
kw_tmux resize-window -t kw -x 40 -y 12
kw_check "the countdown is shown at 40x12" kw_wait '^Time left: 1[45]:[0-9][0-9]'
kw_keys '?' && kw_wait '^Help' && kw_keys q
kw_check "and after the help" kw_wait '^Time left: 1[45]:[0-9][0-9]'
kw_done
