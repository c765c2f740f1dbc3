# SPDX-License-Identifier: MIT
# shellcheck shell=sh disable=SC2034 # tap_fail is read by the scripts that source this
# tap.sh - one TAP result per call, for the shell tests without tmux (sourced)
#
#   echo "1..3"
#   t "what was checked" "$why"   # why empty: ok; else "not ok ...: why"
#   exit $tap_fail

tap_n=0
tap_fail=0
t() {
	tap_n=$((tap_n + 1))
	if [ -z "$2" ]; then
		echo "ok $tap_n - $1"
	else
		echo "not ok $tap_n - $1: $2"
		tap_fail=1
	fi
}
# s "what was not checked" "why": a skipped test
s() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# tap_why STATUS PATTERN FILE: why a run went wrong - its exit status $st
# is not STATUS, or FILE has no line matching PATTERN (grep) - with FILE
# then as TAP comments on standard error; nothing when it went right
# shellcheck disable=SC2154 # $st is the caller's
tap_why() {
	if [ "$st" -ne "$1" ]; then
		echo "exit $st"
	elif ! grep -q -- "$2" "$3"; then
		echo "no '$2' in the output"
	else
		return
	fi
	sed 's/^/# /' "$3" >&2
}
