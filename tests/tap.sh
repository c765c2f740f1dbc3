# SPDX-License-Identifier: MIT
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
