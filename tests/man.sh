#!/bin/sh
# SPDX-License-Identifier: MIT
# man.sh - both manual pages are clean for mandoc -Tlint and groff -ww
# (each check skipped when its tool is not installed)
top=${top_srcdir:-.}
# shellcheck source=tests/tap.sh
. "$top/tests/tap.sh"
pages="$top/man/keywiz.1 $top/man/keywiz-tree.5 $top/man/keywiz-config.5"

echo "1..2"
if command -v mandoc >/dev/null 2>&1; then
	# shellcheck disable=SC2086 # one word per page
	t "mandoc -Tlint is clean" "$(mandoc -Tlint $pages 2>&1 | head -n 5)"
else
	tap_n=1
	echo "ok 1 # SKIP mandoc is not installed"
fi
if command -v groff >/dev/null 2>&1; then
	why=
	for p in $pages; do
		why="$why$(groff -ww -t -man -z "$p" 2>&1 | head -n 5)"
	done
	t "groff -ww -man is clean" "$why"
else
	echo "ok 2 # SKIP groff is not installed"
fi
exit $tap_fail
