#!/bin/sh
# SPDX-License-Identifier: MIT
# signal.sh - SIGTERM and SIGINT mid-walk restore the terminal, save the record and exit 128+N; every fatal signal restores the terminal
# shellcheck source=tests/lib.sh
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 48

# keywiz inside a shell in the pane, the terminal modes saved around it
cat > "$KW_TMP/run.sh" <<EOS
stty -g > "$KW_TMP/before"
sh -c 'echo \$\$ > "$KW_TMP/pid"; exec "\$0" --lang en -o "\$1"' "$KEYWIZ" "\$1"
echo "[status \$?]"
stty -g > "$KW_TMP/after"
echo "[modes saved]"
EOS

# keywiz with any options, no core file, the modes saved around it (the
# shell ignores SIGQUIT as an interactive one does: Ctrl-\ goes to the
# whole foreground group)
cat > "$KW_TMP/run2.sh" <<EOS
ulimit -c 0
trap '' QUIT
stty -g > "$KW_TMP/before"
sh -c 'echo \$\$ > "$KW_TMP/pid"; exec "\$0" --lang en "\$@"' "$KEYWIZ" "\$@"
echo "[status \$?]"
stty -g > "$KW_TMP/after"
echo "[modes saved]"
EOS

# ok when the modes after are the ones before
modes_check() {
	if [ -s "$KW_TMP/before" ] && cmp -s "$KW_TMP/before" "$KW_TMP/after"; then
		kw_ok "$1"
	else
		kw_fail "$1" \
		    "$(cat "$KW_TMP/before" 2>/dev/null) != $(cat "$KW_TMP/after" 2>/dev/null)"
	fi
}

# the record a signal leaves: written whole, owner-only, "interrupted"
rec_check() {
	case $1 in
	*.json)
		command -v python3 >/dev/null 2>&1 || return 77
		python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
sys.exit(r["status"] != "interrupted" or r["outcome"] is not None)' "$1"
		;;
	*)
		grep -q '^- Status: interrupted before an outcome (a Markdown record' "$1" &&
		    grep -q '^# Problems with your Microsoft 365' "$1"
		;;
	esac
}

for sig in TERM:15:rec.json TERM:15:rec.md INT:2:rec.json; do
	rec=$KW_TMP/${sig##*:}
	sig=${sig%:*}
	num=${sig#*:}
	sig=${sig%:*}
	rm -f "$KW_TMP/before" "$KW_TMP/after" "$KW_TMP/pid" "$rec"
	want=$((128 + num))
	kw_run 80 24 "sh '$KW_TMP/run.sh' '$rec'"
	kw_wait '^Key: *$' && kw_paste 'BCDFGHJKMPQRTVWXY2346789B' &&
	    kw_wait '^Key: BCDFG' && kw_keys Enter &&
	    kw_wait '^The error message' && kw_keys 5 &&
	    kw_wait '^Find out who used it'
	kill -s "$sig" "$(cat "$KW_TMP/pid")"
	kw_check "SIG$sig mid-walk: exit status $want" \
	    kw_wait "^\\[status $want\\]"
	kw_wait '^\[modes saved\]' >/dev/null
	modes_check "SIG$sig mid-walk: the terminal modes are as they were"
	what="SIG$sig mid-walk: ${rec##*/} written, mode 0600"
	if [ -s "$rec" ] && [ "$(stat -c %a "$rec")" = 600 ]; then
		kw_ok "$what"
	else
		kw_fail "$what" "$(ls -l "$rec" 2>&1)"
	fi
	what="SIG$sig mid-walk: ${rec##*/} parses and says interrupted"
	rec_check "$rec"
	case $? in
	0)	kw_ok "$what" ;;
	77)	kw_ok "$what # SKIP no python3" ;;
	*)	kw_fail "$what" "$(head -c 400 "$rec" 2>/dev/null)" ;;
	esac
done

# Every fatal signal at the key screen: the terminal modes as they were,
# the shell's screen back (the full-screen mode left), the signal's status.
# SIGPIPE ends the session in order (the record saved), then as SIGPIPE.
for sig in QUIT:131 ABRT:134 SEGV:139 BUS:135 FPE:136 ILL:132 XCPU:152 \
    XFSZ:153 PIPE:141; do
	want=${sig#*:}
	sig=${sig%:*}
	rm -f "$KW_TMP/before" "$KW_TMP/after" "$KW_TMP/pid"
	kw_run 80 24 "sh '$KW_TMP/run2.sh'"
	kw_wait '^Key: *$' && kw_type 'bcdfg' && kw_wait '^Key: BCDFG-'
	kill -s "$sig" "$(cat "$KW_TMP/pid")"
	kw_check "SIG$sig at the key screen: exit status $want" \
	    kw_wait "^\\[status $want\\]"
	kw_wait '^\[modes saved\]' >/dev/null
	modes_check "SIG$sig at the key screen: the terminal modes are as they were"
	kw_check "SIG$sig at the key screen: the full screen is left" \
	    kw_gone '^Step 1: Enter the product key'
done

# Ctrl-\ typed: SIGQUIT from the terminal itself
rm -f "$KW_TMP/before" "$KW_TMP/after" "$KW_TMP/pid"
kw_run 80 24 "sh '$KW_TMP/run2.sh'"
kw_wait '^Key: *$' >/dev/null
kw_keys "C-\\"
kw_check "Ctrl-\\ at the key screen: exit status 131" kw_wait '^\[status 131\]'
kw_wait '^\[modes saved\]' >/dev/null
modes_check "Ctrl-\\ at the key screen: the terminal modes are as they were"

# The plain front end reads the key without echo: a signal while it waits
# leaves the echo on, and the key typed so far never shows
for sig in QUIT:131 TERM:143; do
	want=${sig#*:}
	sig=${sig%:*}
	rm -f "$KW_TMP/before" "$KW_TMP/after" "$KW_TMP/pid"
	kw_run 80 24 "sh '$KW_TMP/run2.sh' --plain"
	kw_wait '^\[key, q quit, \? help\]> *$' >/dev/null
	kw_type 'bcdfghj'
	kill -s "$sig" "$(cat "$KW_TMP/pid")"
	if kw_wait "^\\[status $want\\]" && ! kw_screen | grep -qi 'bcdfghj'; then
		kw_ok "plain, SIG$sig at the key prompt: exit status $want, nothing of the key shown"
	else
		kw_fail "plain, SIG$sig at the key prompt: exit status $want, nothing of the key shown"
	fi
	kw_wait '^\[modes saved\]' >/dev/null
	modes_check "plain, SIG$sig at the key prompt: the terminal modes are as they were"
done

# Ctrl-Z and fg in an interactive shell: the terminal is the shell's while
# stopped, and the screen comes back whole
BASH=$(command -v bash 2>/dev/null)
if [ -z "$BASH" ]; then
	kw_ok "Ctrl-Z leaves the shell's terminal modes # SKIP no bash"
	kw_ok "fg redraws the screen # SKIP no bash"
	kw_ok "plain, Ctrl-Z and fg at the key prompt: no echo still # SKIP no bash"
	kw_done
fi
KW_TERM=screen kw_run 80 24 "'$BASH' --norc --noprofile -i"
kw_wait '[$#] *$' >/dev/null
kw_keys "stty -g > '$KW_TMP/before'; '$KEYWIZ' --lang en" Enter
kw_wait '^Key: *$' && kw_type 'bcdfg' && kw_wait '^Key: BCDFG-'
kw_keys C-z
kw_wait 'Stopped' >/dev/null
kw_keys "stty -g > '$KW_TMP/after'; clear; fg" Enter
kw_wait '^Step 1: ' >/dev/null
if cmp -s "$KW_TMP/before" "$KW_TMP/after"; then
	kw_ok "Ctrl-Z leaves the shell's terminal modes"
else
	kw_fail "Ctrl-Z leaves the shell's terminal modes"
fi
kw_type 'h'
if kw_wait '^Step 1: Enter the product key' && kw_wait '^Key: BCDFG-H *$' &&
    kw_wait '\^X quit'; then
	kw_ok "fg redraws the screen"
else
	kw_fail "fg redraws the screen"
fi

# The plain front end stopped while the key is typed without echo: after
# fg (the characters typed before Ctrl-Z are gone, as the terminal flushes
# them), the key typed again does not show either
KW_TERM=screen kw_run 80 24 "'$BASH' --norc --noprofile -i"
kw_wait '[$#] *$' >/dev/null
kw_keys "'$KEYWIZ' --plain --lang en" Enter
kw_wait '^\[key, q quit, \? help\]> *$' >/dev/null
kw_type 'bcdfg'
kw_keys C-z
kw_wait 'Stopped' >/dev/null
kw_keys fg Enter
# typed once the terminal's echo is off again (keywiz on its SIGCONT)
tty=$(kw_tmux display-message -p -t kw '#{pane_tty}')
i=0
while [ $i -lt $((KW_WAIT * 20)) ] &&
    ! stty -F "$tty" -a 2>/dev/null | grep -q -- ' -echo '; do
	sleep 0.05
	i=$((i + 1))
done
kw_type 'bcdfghjkmpqrtvwxy2346789b'
kw_keys Enter
if kw_wait '^Key: XXXXX-XXXXX-XXXXX-XXXXX-6789B' &&
    ! kw_screen | grep -Eqi 'bcdfg|hjkmp|qrtvw|xy234'; then
	kw_ok "plain, Ctrl-Z and fg at the key prompt: no echo still"
else
	kw_fail "plain, Ctrl-Z and fg at the key prompt: no echo still"
	kw_screen | sed 's/^/# | /'
fi
kw_done
