#!/bin/sh
# SPDX-License-Identifier: MIT
# signal.sh - SIGTERM and SIGINT mid-walk restore the terminal, save the record and exit 128+N
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 14

# keywiz inside a shell in the pane, the terminal modes saved around it
cat > "$KW_TMP/run.sh" <<EOS
stty -g > "$KW_TMP/before"
sh -c 'echo \$\$ > "$KW_TMP/pid"; exec "\$0" --lang en -o "\$1"' "$KEYWIZ" "\$1"
echo "[status \$?]"
stty -g > "$KW_TMP/after"
echo "[modes saved]"
EOS

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
	if [ -s "$KW_TMP/before" ] && cmp -s "$KW_TMP/before" "$KW_TMP/after"; then
		kw_ok "SIG$sig mid-walk: the terminal modes are as they were"
	else
		kw_fail "SIG$sig mid-walk: the terminal modes are as they were" \
		    "$(cat "$KW_TMP/before" 2>/dev/null) != $(cat "$KW_TMP/after" 2>/dev/null)"
	fi
	what="SIG$sig mid-walk: ${rec##*/} written, mode 0600"
	if [ -s "$rec" ] && ls -l "$rec" | grep -q '^-rw------- '; then
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

# Ctrl-Z and fg in an interactive shell: the terminal is the shell's while
# stopped, and the screen comes back whole
BASH=$(command -v bash 2>/dev/null)
if [ -z "$BASH" ]; then
	kw_ok "Ctrl-Z leaves the shell's terminal modes # SKIP no bash"
	kw_ok "fg redraws the screen # SKIP no bash"
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
kw_done
