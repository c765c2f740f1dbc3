#!/bin/sh
# SPDX-License-Identifier: MIT
# installcheck.sh - make installcheck: the installed program against the
# installed tree, with nothing from the build or the user's environment:
# the bundled tree and an example found by name, the French catalogue, a
# scripted plain walk to an outcome, the installed manual pages and the
# bash completion. Prints TAP; exits 1 on any failure. A distribution can
# run it on its package (e.g. as an autopkgtest) with the variables below.
#
#   KEYWIZ        the installed program, $(bindir)/keywiz
#   KW_MANDIR     $(mandir)
#   KW_COMPLETION the installed completion file ("" when not installed)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwinst.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/tap.sh
. "${top_srcdir:-.}/tests/tap.sh"

# The installed program alone: no tree folder, no locale folder of the
# build, no user folder.
kw() {
	env -u KEYWIZ_PATH -u KEYWIZ_LOCALEDIR -u LANGUAGE HOME="$tmp/home" \
	    XDG_DATA_HOME= LC_ALL=C.UTF-8 "$KEYWIZ" "$@"
}
run() {
	st=0
	kw "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || st=$?
	[ "$st" -eq 0 ] || echo "keywiz $*: exit $st: $(head -n 2 "$tmp/err" | tr '\n' ' ')"
}

echo "1..7"
if [ ! -x "$KEYWIZ" ]; then
	t "keywiz is installed" "$KEYWIZ is not an executable"
	exit 1
fi
why=$(run --check)
[ -z "$why" ] && ! grep -q '/wizard/m365-product-key.yaml: OK' "$tmp/out" &&
	why="not the installed tree: $(cat "$tmp/out")"
case $(cat "$tmp/out") in
"${KW_BUILD_DIR:-/nonexistent}"/*) why="the build tree's: $(cat "$tmp/out")" ;;
esac
t "--check finds and passes the installed bundled tree" "$why"

why=
for ex in printer-not-printing password-expired; do
	w=$(run --check "$ex")
	[ -z "$w" ] && ! grep -q "/wizard/examples/$ex.yaml: OK" "$tmp/out" &&
		w="$ex: $(cat "$tmp/out")"
	why="$why$w"
done
t "the installed examples are found by name" "$why"

why=
kw --plain --lang=en printer-not-printing </dev/null >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 1 ] || why="exit $st (want 1, quit at end of input): $(head -n 2 "$tmp/err")"
grep -q 'printer' "$tmp/out" || why="$why no first screen"
t "keywiz printer-not-printing starts a session" "$why"

why=
kw --lang=fr --help >"$tmp/out" 2>&1 || why="exit $?"
grep -q 'afficher cette aide' "$tmp/out" ||
	why="$why not in French: $(head -n 1 "$tmp/out")"
t "the installed French catalogue is used" "$why"

# the README's example: the key, a pasted message, the remedy, an outcome
why=
printf 'KTD3V-NFJ8W-7QRT2-XWM9P-W7QRT\n\nwe cannot process your request right now\n1\n\n' |
	kw --plain --lang=en -o "$tmp/ticket.md" >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 0 ] || why="exit $st: $(head -n 2 "$tmp/err" | tr '\n' ' ')"
grep -q '^- Status: completed' "$tmp/ticket.md" 2>/dev/null ||
	why="$why the record says no completed session"
t "a scripted plain walk reaches an outcome and writes its record" "$why"

why=
# (a distribution's package compresses them)
for p in man1/keywiz.1 man5/keywiz-tree.5 man5/keywiz-config.5; do
	[ -f "$KW_MANDIR/$p" ] || [ -f "$KW_MANDIR/$p.gz" ] ||
		why="$why $KW_MANDIR/$p missing;"
done
t "the manual pages are installed" "$why"

if [ -n "$KW_COMPLETION" ]; then
	why=
	[ -f "$KW_COMPLETION" ] || why="$KW_COMPLETION missing"
	[ -z "$why" ] && ! bash -n "$KW_COMPLETION" 2>"$tmp/err" &&
		why="not bash: $(head -n 1 "$tmp/err")"
	# it completes the installed examples by name (no KEYWIZ_PATH)
	# shellcheck disable=SC2016 # the script bash -c runs
	[ -z "$why" ] && [ -r /usr/share/bash-completion/bash_completion ] &&
		why=$(env -u KEYWIZ_PATH HOME="$tmp/home" XDG_DATA_HOME= bash \
		--norc --noprofile -c '. /usr/share/bash-completion/bash_completion
		. "$1"; COMP_WORDS=(keywiz printer-); COMP_CWORD=1
		COMP_LINE="keywiz printer-"; COMP_POINT=${#COMP_LINE}
		_keywiz keywiz printer- keywiz
		[[ ${COMPREPLY[*]} == printer-not-printing ]] ||
			echo "completes printer- as: ${COMPREPLY[*]}"' sh \
		"$KW_COMPLETION" 2>&1)
	t "the bash completion is installed and finds the installed trees" "$why"
else
	echo "ok 7 # SKIP the bash completion is not installed"
fi
exit $tap_fail
