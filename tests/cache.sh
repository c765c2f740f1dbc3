#!/bin/sh
# SPDX-License-Identifier: MIT
# cache.sh - the compiled tree cache seen from outside: written once, read
# after, the same screens either way, never in the way. Prints TAP.
keywiz=${KEYWIZ:-src/keywiz}
src=${top_srcdir:-.}

if [ ! -x "$keywiz" ]; then
	echo "1..0 # SKIP $keywiz not built"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwcache.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME
unset KEYWIZ_NO_CACHE
LC_ALL=C.UTF-8
export LC_ALL

. "$src/tests/tap.sh"

# kw NAME [OPTION]...: keywiz with no input; output, error and status in
# $tmp/NAME.out, .err and .rc. (Variables for one run are exported in a
# subshell: "VAR=value kw" may outlive the call in some shells.)
kw() {
	name=$1
	shift
	"$keywiz" "$@" </dev/null >"$tmp/$name.out" 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
}

# same A B: A's output, error and status are B's
same() {
	for x in out err rc; do
		cmp -s "$tmp/$1.$x" "$tmp/$2.$x" || {
			echo "$1 and $2 differ ($x)"
			return
		}
	done
}

files() {
	ls -A "$XDG_CACHE_HOME/keywiz" 2>/dev/null | wc -l | tr -d ' '
}

tree=$tmp/m365.yaml
cp "$src/wizard/m365-product-key.yaml" "$tree"

echo "1..9"

kw cold --plain --lang=en "$tree"
mode=$(stat -c %a "$XDG_CACHE_HOME/keywiz"/tree-*.kwc 2>/dev/null)
dmode=$(stat -c %a "$XDG_CACHE_HOME/keywiz" 2>/dev/null)
why=
[ "$(cat "$tmp/cold.rc")" = 1 ] || why="exit $(cat "$tmp/cold.rc")"
[ -n "$why" ] || [ "$(files)" = 1 ] || why="$(files) files in the cache"
[ -n "$why" ] || [ "$mode" = 600 ] || why="file mode $mode"
[ -n "$why" ] || [ "$dmode" = 700 ] || why="folder mode $dmode"
t "the first run writes one owner-only file" "$why"

kw warm --plain --lang=en "$tree"
t "a run from the cache says what the first one said" "$(same cold warm)"

why=
for lang in en fr; do
	for what in guide dot; do
		kw "$what-$lang-c" --$what --lang=$lang "$tree"
		(export KEYWIZ_NO_CACHE=1
		kw "$what-$lang-y" --$what --lang=$lang "$tree")
		why=$why$(same "$what-$lang-c" "$what-$lang-y")
	done
done
t "--guide and --dot in en and fr: the cache gives the YAML's tree" "$why"

sed '/^title:/,/^languages:/s/^  en: .*/  en: Edited title/' \
    "$src/wizard/m365-product-key.yaml" >"$tree"
kw edited --plain --lang=en "$tree"
kw edited2 --plain --lang=en "$tree"
why=
grep -q 'Edited title' "$tmp/edited.out" || why="the edit is not shown"
[ -n "$why" ] || why=$(same edited edited2)
[ -n "$why" ] || [ "$(files)" = 1 ] || why="$(files) files in the cache"
t "an edited tree is read again and replaces its cache" "$why"

rm -rf "$XDG_CACHE_HOME"
(export KEYWIZ_NO_CACHE=1; kw off --plain --lang=en "$tree")
why=$(same edited off)
[ -n "$why" ] || [ ! -e "$XDG_CACHE_HOME" ] || why="the cache was written"
t "KEYWIZ_NO_CACHE: nothing written" "$why"

# a file where the cache folder should be
: >"$tmp/not-a-folder"
(export XDG_CACHE_HOME="$tmp/not-a-folder"
kw nodir --plain --lang=en "$tree")
t "no cache folder can be made: the session runs as before" \
    "$(same edited nodir)"

# damaged in the middle: ignored, then written again
kw again --plain --lang=en "$tree"
f=$(ls "$XDG_CACHE_HOME"/keywiz/tree-*.kwc)
cp "$f" "$tmp/good.kwc"
size=$(wc -c <"$f")
printf 'XXXX' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
kw damaged --plain --lang=en "$tree"
why=$(same edited damaged)
[ -n "$why" ] || cmp -s "$f" "$tmp/good.kwc" || why="not written again"
kw mended --plain --lang=en "$tree"
[ -n "$why" ] || why=$(same edited mended)
t "a damaged cache is not used, and is written again" "$why"

# a tree that fails keeps its messages and status, and is never cached
rm -rf "$XDG_CACHE_HOME"
kw bad --plain --lang=en "$src/tests/fixtures/check/unknown-target.yaml"
(export KEYWIZ_NO_CACHE=1
kw bad2 --plain --lang=en "$src/tests/fixtures/check/unknown-target.yaml")
why=$(same bad bad2)
[ -n "$why" ] || [ "$(cat "$tmp/bad.rc")" = 65 ] ||
    why="exit $(cat "$tmp/bad.rc")"
[ -n "$why" ] || [ "$(files)" = 0 ] || why="it was cached"
t "an invalid tree: exit 65, its diagnostics, no cache" "$why"

# warnings: the tree runs, uncached, and --check still reports them
kw warn --plain --lang=en "$src/tests/fixtures/check/link.yaml"
kw warncheck --check "$src/tests/fixtures/check/link.yaml"
why=
[ "$(files)" = 0 ] || why="it was cached"
[ -n "$why" ] || grep -q 'warning: link' "$tmp/warncheck.err" ||
    why="--check does not warn"
t "a tree with warnings is not cached" "$why"

exit $tap_fail
