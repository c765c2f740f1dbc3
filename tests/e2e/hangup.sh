#!/bin/sh
# SPDX-License-Identifier: MIT
# hangup.sh - the terminal closed under keywiz with no SIGHUP (a
# pseudo-terminal that is not its controlling terminal): it saves the
# record and exits in either front end, instead of spinning on reads that
# fail; and a reader of its output that goes away ends it quietly
# shellcheck source=tests/tap.sh
. "${top_srcdir:-.}/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwhangup.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
echo "1..7"

# the record says STATUS (JSON, without python: the status line)
rec_says() {
	grep -q "\"status\": \"$2\"" "$1" 2>/dev/null
}

# closed: keywiz gone as if hung up (killed by SIGHUP: "exited -1"), the
# record saved, "interrupted"
if ! command -v python3 >/dev/null 2>&1; then
	t "full screen, terminal closed: saved and gone # SKIP no python3" ""
	t "plain, terminal closed: saved and gone # SKIP no python3" ""
else
	for fe in full plain; do
		opt=
		[ "$fe" = plain ] && opt=--plain
		rm -f "$tmp/rec.json"
		out=$(python3 "${top_srcdir:-.}/tests/e2e/ptyclose.py" \
		    "$KEYWIZ" "$tmp/rec.json" $opt 2>&1)
		case $out in
		"exited -1"*)
			if rec_says "$tmp/rec.json" interrupted; then
				t "$fe, terminal closed: saved and gone" ""
			else
				t "$fe, terminal closed: saved and gone" \
				    "the record: $(head -c 300 "$tmp/rec.json" 2>&1)"
			fi
			;;
		*)
			t "$fe, terminal closed: saved and gone" \
			    "$(printf '%s' "$out" | tr '\n' ' ')"
			;;
		esac
	done
fi

# keywiz --plain | head -1: the reader goes before keywiz writes again.
# keywiz reads its answers from a FIFO, so that it writes only once head
# has gone: it ends as killed by SIGPIPE (141), nothing on standard error,
# the record saved
mkfifo "$tmp/in" "$tmp/out" || exit 1
head -1 <"$tmp/out" >"$tmp/head" &
hp=$!
rm -f "$tmp/rec.json"
"$KEYWIZ" --plain --lang en -o "$tmp/rec.json" >"$tmp/out" <"$tmp/in" \
    2>"$tmp/err" &
kp=$!
exec 3>"$tmp/in"
wait $hp
printf 'BCDFG-HJKMP-QRTVW-XY234-6789B\n\n5\n' >&3
exec 3>&-
wait $kp
st=$?
t "--plain | head -1: ends as SIGPIPE (141)" "$([ $st -eq 141 ] || echo "exit $st")"
t "--plain | head -1: nothing on standard error" \
    "$([ -s "$tmp/err" ] && head -c 300 "$tmp/err")"
t "--plain | head -1: the first line only, the record saved" \
    "$([ "$(wc -l <"$tmp/head")" -eq 1 ] || echo "head: $(cat "$tmp/head")")$(rec_says "$tmp/rec.json" interrupted || echo "record: $(head -c 300 "$tmp/rec.json" 2>&1)")"

# A printing mode: killed by SIGPIPE or done, quiet either way
"$KEYWIZ" --guide --lang en 2>"$tmp/err" | head -1 >/dev/null
t "--guide | head -1: nothing on standard error" \
    "$([ -s "$tmp/err" ] && head -c 300 "$tmp/err")"
{ "$KEYWIZ" --plain --lang en </dev/null 2>"$tmp/err"; echo $? >"$tmp/st"; } |
    head -1 >/dev/null
st=$(cat "$tmp/st")
t "--plain </dev/null | head -1: quiet, 1 or 141" \
    "$([ -s "$tmp/err" ] && head -c 300 "$tmp/err")$([ "$st" = 1 ] || [ "$st" = 141 ] || echo "exit $st")"
exit $tap_fail
