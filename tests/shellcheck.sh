#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/shellcheck.sh - shellcheck finds nothing in bootstrap, .ci/run, the bash
# completion and every test script (skipped when shellcheck is missing)
if ! command -v shellcheck >/dev/null 2>&1; then
	echo "1..0 # SKIP shellcheck is not installed"
	exit 0
fi
# the "# shellcheck source=tests/..." directives are relative to the top
cd "${top_srcdir:-.}" || exit 1
# shellcheck source=tests/tap.sh
. tests/tap.sh
echo "1..2"
t "shellcheck: bootstrap, .ci/run and the test scripts" \
	"$(shellcheck -x -f gcc bootstrap .ci/run tests/*.sh tests/e2e/*.sh \
		tests/hostile/*.sh 2>&1 | head -n 10)"
t "shellcheck: the bash completion" \
	"$(shellcheck -s bash -f gcc completion/keywiz.in 2>&1 | head -n 10)"
exit "$tap_fail"
