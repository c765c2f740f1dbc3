#!/bin/sh
# SPDX-License-Identifier: MIT
# summary.sh - print "N passed, N failed" from automake's test-suite.log
log=${1:-test-suite.log}
if [ ! -r "$log" ]; then
	echo "0 passed, 0 failed"
	exit 0
fi
awk '
/^# PASS:/  { pass = $3 }
/^# XFAIL:/ { pass += $3 }
/^# FAIL:/  { fail = $3 }
/^# XPASS:/ { fail += $3 }
/^# ERROR:/ { fail += $3 }
/^# SKIP:/  { skip = $3 }
END {
	line = sprintf("%d passed, %d failed", pass, fail)
	if (skip > 0) line = line sprintf(", %d skipped", skip)
	print line
}' "$log"
