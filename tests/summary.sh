#!/bin/sh
# SPDX-License-Identifier: MIT
# summary.sh - print "N passed, N failed" from automake's test-suite.log
# files: summary.sh [LOG]... (default test-suite.log) sums over all of them,
# so one line counts a whole CI run (main build, sanitizer build, valgrind)
[ $# -eq 0 ] && set -- test-suite.log
# the readable ones (none: awk reads the empty standard input)
n=$#
for f in "$@"; do
	[ -r "$f" ] && set -- "$@" "$f"
done
shift "$n"
awk '
# each log counts once: its header, not lines quoted from failed tests
FNR == 1    { delete seen }
/^# (PASS|XFAIL|FAIL|XPASS|ERROR|SKIP):/ {
	if ($2 in seen) next
	seen[$2] = 1
}
/^# PASS:/  { pass += $3 }
/^# XFAIL:/ { pass += $3 }
/^# FAIL:/  { fail += $3 }
/^# XPASS:/ { fail += $3 }
/^# ERROR:/ { fail += $3 }
/^# SKIP:/  { skip += $3 }
END {
	line = sprintf("%d passed, %d failed", pass, fail)
	if (skip > 0) line = line sprintf(", %d skipped", skip)
	print line
}' "$@" </dev/null
