#!/bin/sh
# SPDX-License-Identifier: MIT
# cli.sh - the command line as keywiz(1) documents it: modes that cannot go
# together, --format, --version, '-' as TREE, the examples found by name,
# and every exit status the code can return listed in the manual
top=${top_srcdir:-.}
# shellcheck source=tests/tap.sh
. "$top/tests/tap.sh"
tmp=${TMPDIR:-/tmp}/kwcli.$$
trap 'rm -f "$tmp".*' EXIT

# "" when `keywiz ARGS...` exits with status $1 and says $2 on stderr
expect() {
	want=$1 say=$2
	shift 2
	st=0
	"$KEYWIZ" "$@" </dev/null >"$tmp.out" 2>"$tmp.err" || st=$?
	if [ "$st" != "$want" ]; then
		echo "keywiz $*: exit $st, not $want"
	elif [ -n "$say" ] && ! grep -qF -- "$say" "$tmp.err"; then
		echo "keywiz $*: no '$say' in: $(head -n 1 "$tmp.err")"
	fi
}

echo "1..11"

why=
for a in --check --check-key=X --match=x --dot --guide --list; do
	for b in --check --check-key=X --match=x --dot --guide --list; do
		[ "$a" = "$b" ] && continue
		why="$why$(expect 64 "${a%%=*} and ${b%%=*} cannot be used together" \
			--lang=en "$a" "$b")"
	done
done
t "any two of --check, --check-key, --match, --dot, --guide, --list: exit 64 naming both" "$why"

# a wrong configuration file: where and what, exit 78 (EX_CONFIG)
mkdir -p "$tmp.cfg/keywiz"
printf 'language: fr\nfront_end: curse\n' >"$tmp.cfg/keywiz/config.yaml"
why=$(XDG_CONFIG_HOME=$tmp.cfg expect 78 \
	"$tmp.cfg/keywiz/config.yaml:2:12: error: invalid value 'curse' for 'front_end' (expected curses, plain) (did you mean 'curses'?)" \
	--check)
rm -rf "$tmp.cfg"
t "a configuration error: FILE:LINE:COL, exit 78" "$why"

why="$(expect 64 "--format applies to --guide and --report only" --lang=en --check --format=html)"
why="$why$(expect 64 "unknown format 'pdf'" --lang=en --guide --format=pdf)"
t "--format without --guide, or an unknown format: exit 64" "$why"

why=
"$KEYWIZ" --guide --format=html --lang=fr >"$tmp.html" 2>"$tmp.err" ||
	why="exit $?: $(cat "$tmp.err")"
[ -z "$why" ] && { head -n 2 "$tmp.html" | tr '\n' '|' |
	grep -qx '<!DOCTYPE html>|<html lang="fr">|' &&
	grep -q '<meta charset="utf-8">' "$tmp.html" &&
	grep -q '^<title>..*</title>$' "$tmp.html" &&
	[ "$(tail -n 1 "$tmp.html")" = "</html>" ]; } ||
	why=${why:-"not a standalone HTML page: $(head -n 3 "$tmp.html" | tr '\n' '|')"}
t "--guide --format=html: one standalone page in the chosen language" "$why"

why=
"$KEYWIZ" --guide --format=markdown --lang=en >"$tmp.md2" &&
	"$KEYWIZ" --guide --lang=en >"$tmp.md1" && cmp -s "$tmp.md1" "$tmp.md2" ||
	why="--format=markdown differs from the default"
t "--format=markdown is the default" "$why"

why=
"$KEYWIZ" --version >"$tmp.v" || why="exit $?"
sed -n 1p "$tmp.v" | grep -qE '^keywiz [0-9]+\.[0-9]+' || why="$why first line: $(sed -n 1p "$tmp.v")"
grep -q '^Copyright (C) [0-9]* the keywiz authors$' "$tmp.v" || why="$why no copyright line"
grep -q 'NO WARRANTY' "$tmp.v" || why="$why no warranty line"
t "--version in the GNU form" "$why"

why=
"$KEYWIZ" --check - <"$top/wizard/examples/password-expired.yaml" \
	>"$tmp.out" 2>"$tmp.err" || why="exit $?: $(head -n 1 "$tmp.err")"
t "'-' as TREE reads the tree from standard input" "$why"

# the uninstalled program finds the examples in the source tree by name
why=
(unset KEYWIZ_PATH; HOME=/nonexistent XDG_DATA_HOME='' \
	"$KEYWIZ" --check printer-not-printing) >"$tmp.out" 2>"$tmp.err" ||
	why="exit $?: $(head -n 1 "$tmp.err")"
t "an example runs by name (keywiz printer-not-printing)" "$why"

# a folder called like a tree does not hide it (only a file is a path)
why=
mkdir "$tmp.d" "$tmp.d/printer-not-printing" &&
	(cd "$tmp.d" && unset KEYWIZ_PATH && HOME=/nonexistent XDG_DATA_HOME='' \
	"$KEYWIZ" --check printer-not-printing) >"$tmp.out" 2>"$tmp.err" ||
	why="exit $?: $(head -n 1 "$tmp.err")"
rm -rf "$tmp.d"
t "a folder named like a tree is not taken for a path" "$why"

# every status the code returns (cmd.h, exit() and _exit() calls) is in
# keywiz(1) EXIT STATUS, and the manual lists none the code never returns
code=$( { sed -n 's/^[[:space:]]*KW_EXIT_[A-Z]* = \([0-9]*\).*/\1/p' "$top/src/cmd.h"
	grep -ho '[^_a-z]_\{0,1\}exit([0-9][0-9]*)' "$top"/src/*.c |
		sed 's/.*(\([0-9]*\))/\1/'; } | sort -un)
man=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /s/^\.B \([0-9][0-9]*\)$/\1/p' \
	"$top/man/keywiz.1" | sort -un)
why=
for n in $code; do
	printf '%s\n' "$man" | grep -qx "$n" || why="$why $n not in keywiz(1);"
done
for n in $man; do
	printf '%s\n' "$code" | grep -qx "$n" || why="$why $n in keywiz(1) but not in the code;"
done
grep -q '^\.BI 128+ N$' "$top/man/keywiz.1" || why="$why 128+N missing;"
t "every exit status in the code is in keywiz(1) EXIT STATUS" "$why"

# the help's exit status line says the same
why=
help=$("$KEYWIZ" --lang=en --help | tr '\n' ' ')
for n in $code; do
	case $help in *" $n "*) ;; *) why="$why $n;" ;; esac
done
t "every exit status is in --help" "${why:+not in --help:$why}"
exit $tap_fail
