#!/bin/sh
# SPDX-License-Identifier: MIT
# po.sh - the catalogue keeps up with the sources: every source file that
# marks strings (_() or N_()) is in po/POTFILES.in, every file listed there
# exists, and (with gettext's tools) every marked string has a French
# translation in po/fr.po
top=$(cd "${top_srcdir:-.}" && pwd)
# shellcheck source=tests/tap.sh
. "$top/tests/tap.sh"

listed() { grep -v '^[[:space:]]*\(#\|$\)' "$top/po/POTFILES.in"; }

missing=
for f in "$top"/src/*.c "$top"/src/*.h; do
	grep -qE '(^|[^A-Za-z0-9_])N?_\("' "$f" || continue
	rel=src/${f##*/}
	listed | grep -qxF "$rel" || missing="$missing $rel"
done
gone=
for rel in $(listed); do
	[ -f "$top/$rel" ] || gone="$gone $rel"
done

echo "1..3"
t "every source file that calls _() or N_() is in po/POTFILES.in" \
	"${missing:+not listed:$missing}"
t "every file in po/POTFILES.in exists" "${gone:+missing:$gone}"
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
	tmp=${TMPDIR:-/tmp}/kwpo.$$
	trap 'rm -f "$tmp".*' EXIT
	why=
	# shellcheck disable=SC2046 # one word per listed file
	if ! (cd "$top" && xgettext --keyword=_ --keyword=N_ \
		--from-code=UTF-8 -o "$tmp.pot" $(listed)) 2>"$tmp.err" ||
	    ! msgcmp "$top/po/fr.po" "$tmp.pot" >"$tmp.err" 2>&1; then
		# where each string missing is used: the pot's "#:" line
		why=$(sed -n 's|^.*/kwpo\.[0-9]*\.pot:\([0-9]*\): .*|\1|p' \
			"$tmp.err" | while read -r n; do
			awk -v n="$n" 'NR <= n && /^#: / { r = substr($0, 4) }
				NR == n { print r }' "$tmp.pot"
		done | head -n 20 | tr '\n' ' ')
		why=${why:+not translated: $why}
		why=${why:-$(head -n 5 "$tmp.err")}
	fi
	t "every marked string is translated in po/fr.po" "$why"
else
	echo "ok 3 # SKIP xgettext or msgcmp (gettext) is not installed"
fi
exit $tap_fail
