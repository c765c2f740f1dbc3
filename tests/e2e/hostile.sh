#!/bin/sh
# SPDX-License-Identifier: MIT
# hostile.sh - the curses front end under hostile input: huge pastes, escapes, garbage keys
# shellcheck source=tests/lib.sh
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 13

TITLE='^ Problems with your Microsoft 365 for business product key'
ESC=$(printf '\033')

# a file pasted all at once (bracketed, as keywiz asks): kw_paste_file FILE
kw_paste_file() {
	kw_tmux load-buffer -b kwfile "$1" &&
	    kw_tmux paste-buffer -p -d -b kwfile -t kw
}

# The screen is still keywiz's: its title line and a footer, no control
# characters or replacement characters, no escape but colours, and the
# pane's title untouched (an OSC 0 would change it).
kw_sane() {
	kw_screen > "$KW_TMP/screen"
	if ! head -1 "$KW_TMP/screen" | grep -Eq -- "$TITLE"; then
		echo "# no title line"
	elif ! grep -v '^ *$' "$KW_TMP/screen" | tail -1 |
	    grep -Eq '(quit|cancel|search)$'; then
		echo "# no footer"
	elif tr -d '\n' < "$KW_TMP/screen" | LC_ALL=C grep -q '[[:cntrl:]]'; then
		echo "# a control character on the screen"
	elif grep -q '�' "$KW_TMP/screen"; then
		echo "# a replacement character on the screen"
	elif kw_tmux capture-pane -p -e -t kw |
	    sed "s/$ESC\\[[0-9;:]*m//g" | grep -q "$ESC"; then
		echo "# an escape other than colours on the screen"
	elif [ "$(kw_tmux display-message -p -t kw '#{pane_title}')" != \
	    "$PANE_TITLE" ]; then
		echo "# the pane title changed"
	else
		return 0
	fi
	sed 's/^/# | /' "$KW_TMP/screen"
	return 1
}

# Keys no screen binds, typed: letters, digits out of range, punctuation,
# function keys, Insert, Ctrl-S and Ctrl-Q (flow control, if left on,
# would freeze the screen), Ctrl-G, a CSI typed as a C1 character.
kw_garbage() {
	kw_type 'xzkjv%&*(),'
	kw_keys -l '%&*()[]{}=+;:,.<>|~`@#$^'
	kw_keys F5 F6 F7 F8 F9 F11 F12 IC C-s C-g C-q C-s
	kw_keys -l "$(printf '\302\233')"
	kw_keys -l '0'
}

# Empty the key field (64 characters at most).
kw_clear_key() {
	kw_keys End
	i=0
	while [ $i -lt 64 ]; do
		kw_keys BSpace
		i=$((i + 1))
	done
}

# A well-formed key pasted at an empty key screen, Enter: the error list.
kw_to_errors() {
	kw_paste 'BCDFGHJKMPQRTVWXY2346789B' && kw_wait '^Key: BCDFG' &&
	    kw_keys Enter && kw_wait '^The error message'
}

# 100,000 characters: a key over and over, a real message over and over
MSG='This product key has already been used. Enter a different product key.'
KEYS='bcdfg-hjkmp-qrtvw-xy234-6789b bcdfg-hjkmp-qrtvw-xy234-6789b'
i=0
while [ $i -lt 500 ]; do
	echo "$KEYS $KEYS $KEYS $KEYS"
	i=$((i + 1))
done | head -c 100000 > "$KW_TMP/keys"
i=0
while [ $i -lt 150 ]; do
	echo "$MSG $MSG $MSG $MSG $MSG $MSG $MSG $MSG $MSG $MSG"
	i=$((i + 1))
done | head -c 100000 > "$KW_TMP/msgs"
# controls, escapes and broken UTF-8 among the text
# (two lines: one line and its line end would be a line and Enter)
printf 'ab\033]0;pwned\007cd\033[2Jef\302\23331mgh\033P+q\033\\i\r\nj\r\n' \
    > "$KW_TMP/evil"

if ! { kw_start 80 24 --lang en && kw_wait '^Key: *$'; }; then
	kw_fail "start"
	kw_done
fi
PANE_TITLE=$(kw_tmux display-message -p -t kw '#{pane_title}')

# the key: 100,000 characters pasted; the field keeps its first 64
if [ "$(wc -c < "$KW_TMP/keys")" -eq 100000 ] &&
    kw_paste_file "$KW_TMP/keys" &&
    kw_wait '^Key: BCDFG-HJKMP-QRTVW-XY234-6789B' &&
    kw_wait '^! Far too long for a product key: 64 characters' && kw_sane &&
    kw_keys BSpace && kw_wait '^! Far too long for a product key: 63 '; then
	kw_ok "key: a 100,000-character paste fills the field, keys still work"
else
	kw_fail "key: a 100,000-character paste fills the field, keys still work"
fi

# escapes and C1 controls pasted at the key are dropped
kw_clear_key
if kw_wait '^Key: *$' && kw_paste_file "$KW_TMP/evil" &&
    kw_wait '^Key: AB\]0;-PWNED-CD\[2J-EF31M-GHP\+Q\\IJ *$' && kw_sane; then
	kw_ok "key: escapes, BEL and C1 controls in a paste are dropped"
else
	kw_fail "key: escapes, BEL and C1 controls in a paste are dropped"
fi

# the error list (a well-formed key first: an invalid one goes to the step
# that checks it again): a huge paste of a real message still finds it
kw_clear_key
kw_wait '^Key: *$' && kw_to_errors
if [ "$(wc -c < "$KW_TMP/msgs")" -eq 100000 ] &&
    kw_paste_file "$KW_TMP/msgs" &&
    kw_wait '^The pasted text matches 5\)' &&
    kw_wait '^> 5\) The product key has already been used' && kw_sane; then
	kw_ok "error list: a 100,000-character paste selects its message"
else
	kw_fail "error list: a 100,000-character paste selects its message"
fi

if kw_paste_file "$KW_TMP/evil" &&
    kw_wait '^! No message matches the pasted text' && kw_sane &&
    kw_type 'already' && kw_wait '^Filter: already *$' &&
    kw_wait '^> 3\) You have already entered' && kw_gone '1\) Invalid' &&
    kw_sane; then
	kw_ok "error list: an escape-laden paste matches nothing; typing filters, the best match focused"
else
	kw_fail "error list: an escape-laden paste matches nothing; typing filters, the best match focused"
fi
kw_keys Escape && kw_gone '^Filter:'

# the search field: huge and hostile pastes, cut and cleaned
kw_keys C-f
if kw_wait '^Search: *$' && kw_paste_file "$KW_TMP/keys" &&
    kw_wait '^Search: bcdfg-hjkmp-qrtvw-xy234-6789b bcdfg-hjkmp' &&
    kw_wait '^! No step contains these words' && kw_sane; then
	kw_ok "search: a 100,000-character paste is cut to the field"
else
	kw_fail "search: a 100,000-character paste is cut to the field"
fi
i=0
while [ $i -lt 520 ]; do
	kw_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
	    BSpace BSpace
	i=$((i + 10))
done
if kw_wait '^Search: *$' && kw_paste_file "$KW_TMP/evil" &&
    kw_wait '^Search: ab\]0;pwnedcd\[2Jef31mghP\+q\\i j *$' && kw_sane &&
    kw_keys Escape && kw_wait '^Type to filter'; then
	kw_ok "search: escapes and controls in a paste are dropped; Esc closes"
else
	kw_fail "search: escapes and controls in a paste are dropped; Esc closes"
fi

# garbage at a question, then at an outcome; a note pasted huge, then hostile
kw_keys 4
if kw_wait '^A new, unused key\?' && kw_garbage && kw_sane &&
    kw_wait '^> y\) Yes' && kw_keys y && kw_wait '^Result: Resolved' &&
    kw_garbage && kw_sane && kw_wait '^Enter finish'; then
	kw_ok "question and outcome: unbound keys, Ctrl-S and Ctrl-Q do nothing"
else
	kw_fail "question and outcome: unbound keys, Ctrl-S and Ctrl-Q do nothing"
fi

if kw_keys n && kw_wait '^A note for the record' &&
    kw_paste_file "$KW_TMP/msgs" && kw_wait "^> $MSG Th" && kw_sane &&
    kw_keys Enter && kw_wait '^= Note added\.' && kw_wait '^Notes: 1$' &&
    kw_keys n && kw_wait '^A note for the record' &&
    kw_paste_file "$KW_TMP/evil" &&
    kw_wait '^> ab\]0;pwnedcd\[2Jef31mghP\+q\\i j *$' && kw_sane &&
    kw_keys Enter && kw_wait '^Notes: 2$' && kw_sane &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "note: huge and hostile pastes make clean notes; exit 0"
else
	kw_fail "note: huge and hostile pastes make clean notes; exit 0"
fi

# garbage at a checklist step and at a wait, the walk goes on
kw_start 80 24 --lang en && kw_wait '^Key: *$' && kw_to_errors &&
    kw_wait '^The error message' && kw_keys 9
if kw_wait '^Check your admin role' && kw_garbage && kw_sane &&
    kw_wait '^> \[ \] 1\. ' && kw_keys Enter &&
    kw_wait '^Are you listed\?' && kw_keys n && kw_wait '^Ask an admin' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "step: unbound keys do nothing; the walk reaches its outcome"
else
	kw_fail "step: unbound keys do nothing; the walk reaches its outcome"
fi

kw_start 80 24 --lang en && kw_wait '^Key: *$' && kw_to_errors &&
    kw_wait '^The error message' && kw_keys 6
if kw_wait '^Time left: ' && kw_garbage && kw_sane &&
    kw_wait '^Time left: ' && kw_keys 3 &&
    kw_wait '^Contact Microsoft support' && kw_keys Enter &&
    kw_wait '^\[exit 0\]'; then
	kw_ok "wait: unbound keys do nothing; the walk reaches its outcome"
else
	kw_fail "wait: unbound keys do nothing; the walk reaches its outcome"
fi

# resizing while a huge paste arrives; the screen of an earlier size stays
# until keywiz has caught up, so wait for what only the last size shows:
# the whole title at 100 columns, the footer on the 24th line at 80x24
kw_start 80 24 --lang en && kw_wait '^Key: *$' && kw_to_errors &&
    kw_wait '^The error message'
kw_paste_file "$KW_TMP/msgs"
kw_tmux resize-window -t kw -x 40 -y 12
kw_tmux resize-window -t kw -x 30 -y 10
kw_tmux resize-window -t kw -x 100 -y 30
if kw_wait '^The pasted text matches 5\)' && kw_wait "$TITLE" && kw_sane &&
    kw_tmux resize-window -t kw -x 80 -y 24 &&
    kw_wait '^Enter choose' &&
    kw_wait '^> 5\) The product key has already been used' && kw_sane &&
    kw_keys Enter && kw_wait '^Find out who used it' && kw_keys Enter &&
    kw_wait '^Used in your organization' && kw_keys y &&
    kw_wait '^Result: ' && kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "resize during a paste: the paste lands whole, the walk goes on"
else
	kw_fail "resize during a paste: the paste lands whole, the walk goes on"
fi

# typed (not pasted) controls and broken UTF-8 at the key: never on screen
kw_start 80 24 --lang en && kw_wait '^Key: *$'
kw_keys -l "$(printf 'bc\302\233df\007g')"
if kw_wait '^Key: BCDFG- *$' && kw_sane && kw_keys Enter &&
    kw_wait '^Check every character' && kw_keys Enter &&
    kw_wait '^Try again' && kw_keys y &&
    kw_wait '^Result: Resolved' && kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "typed C1 and BEL are dropped; the walk goes on"
else
	kw_fail "typed C1 and BEL are dropped; the walk goes on"
fi

# an invalid UTF-8 byte (a Latin-1 terminal's é) is dropped, and only it:
# the keys that follow it still arrive
kw_start 80 24 --lang en && kw_wait '^Key: *$'
kw_keys -l "$(printf 'bcd\351fg')"
if KW_WAIT=3 kw_wait '^Key: BCDFG- *$' >/dev/null && kw_sane; then
	kw_ok "typed invalid UTF-8 is dropped, not what follows"
else
	kw_fail "typed invalid UTF-8 is dropped, not what follows"
fi
kw_done
