#!/bin/sh
# SPDX-License-Identifier: MIT
# boundaries.sh - the layers stay apart: only the loader sees libyaml, only the
# curses front end sees curses, the engine sees neither (nor stdio)
src=${top_srcdir:-.}/src
. "${top_srcdir:-.}/tests/tap.sh"
inc() { grep -lE "#[[:space:]]*include[[:space:]]*[<\"]($1)[>\"]" "$src"/*.[ch] 2>/dev/null |
	sed 's|.*/||' | grep -vxE "$2" | tr '\n' ' '; }

echo "1..4"
t "only load.c includes yaml.h" "$(inc 'yaml\.h' 'load\.c')"
t "only ui_curses.c includes curses.h" "$(inc '(ncursesw/)?n?curses\.h' 'ui_curses\.c')"
t "the engine (tree, session) uses no stdio" "$(inc 'stdio\.h' 'x' | tr ' ' '\n' | grep -xE '(tree|session|hash)\.[ch]' | tr '\n' ' ')"
t "only record.c includes jansson.h" "$(inc 'jansson\.h' 'record\.c')"
exit $tap_fail
