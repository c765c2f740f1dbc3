#!/bin/sh
# SPDX-License-Identifier: MIT
# boundaries.sh - the layers stay apart: only the loader sees libyaml, only the
# curses front end sees curses, the engine sees neither (nor stdio); and the
# program links libyaml, jansson and libunistring as configure was told
src=${top_srcdir:-.}/src
# shellcheck source=tests/tap.sh
. "${top_srcdir:-.}/tests/tap.sh"
inc() { grep -lE "#[[:space:]]*include[[:space:]]*[<\"]($1)[>\"]" "$src"/*.[ch] 2>/dev/null |
	sed 's|.*/||' | grep -vxE "$2" | tr '\n' ' '; }

# The shared libraries among the program's NEEDED entries that should not
# be (static build), or the ones missing (the default, shared build).
needed() {
	if ! command -v readelf >/dev/null 2>&1; then
		echo "readelf (binutils) is not installed"
		return
	fi
	dyn=$(readelf -d "$KEYWIZ" 2>&1) || { echo "readelf -d $KEYWIZ: $dyn"; return; }
	for lib in libyaml libjansson libunistring; do
		if printf '%s\n' "$dyn" | grep -q "(NEEDED).*\[${lib}[-.]"; then
			[ "$KW_STATIC_DEPS" = yes ] && printf '%s linked shared; ' "$lib"
		else
			[ "$KW_STATIC_DEPS" = yes ] || printf '%s not linked shared; ' "$lib"
		fi
	done
}

echo "1..6"
t "only the loader's YAML cursor (yamlcur.c) includes yaml.h" "$(inc 'yaml\.h' 'yamlcur\.c')"
t "only the curses shell (ui_curses.c) includes curses.h, no screen*.c nor interact.c" "$(inc '(ncursesw/)?n?curses\.h' 'ui_curses\.c')"
t "the engine (tree, session) and the interaction layer use no stdio" "$(inc 'stdio\.h' 'x' | tr ' ' '\n' | grep -xE '(tree|session|hash|interact)\.[ch]' | tr '\n' ' ')"
t "only the record (record*.c, record-json.h), the journal (journal.c) and the report (report*.c) include jansson.h" "$(inc 'jansson\.h' 'record(-[a-z]+)?\.c|record-json\.h|journal\.c|report(-[a-z]+)?\.c')"
t "only the HTML guide (cmd-guide-html.c) includes cmark.h" "$(inc 'cmark\.h' 'cmd-guide-html\.c')"
if [ "$KW_STATIC_DEPS" = yes ]; then
	t "libyaml, jansson and libunistring linked statically (--enable-static-deps)" "$(needed)"
else
	t "libyaml, jansson and libunistring linked shared (readelf NEEDED)" "$(needed)"
fi
exit $tap_fail
