#!/bin/sh
# SPDX-License-Identifier: MIT
# report.sh - keywiz --report over tests/fixtures/report: the text, CSV and
# JSON reports against their golden files (KW_GOLDEN_UPDATE=1 writes them), French,
# the ASCII bars, the text that matched no message, --since/--until, files
# skipped, exit statuses, and the traffic map rendered by dot
top=${top_srcdir:-.}
# shellcheck source=tests/tap.sh
. "$top/tests/tap.sh"
fx=$top/tests/fixtures/report
gold=$top/tests/golden/report
tmp=${TMPDIR:-/tmp}/kwreport.$$
trap 'rm -rf "$tmp" "$tmp".*' EXIT
mkdir -p "$tmp"
# the fixtures' tree found by its id; times in UTC; a known width
KEYWIZ_PATH=$fx/trees TZ=UTC COLUMNS=100 TERM=xterm LC_ALL=C.UTF-8
export KEYWIZ_PATH TZ COLUMNS TERM LC_ALL

# "" when `keywiz --report ARGS...` exits with $1 and its output is the
# golden file $2
golden() {
	want=$1 name=$2
	shift 2
	st=0
	"$KEYWIZ" --report "$@" >"$tmp/$name" 2>"$tmp/$name.err" || st=$?
	[ "$st" = "$want" ] || { echo "exit $st, not $want: $(head -n 2 "$tmp/$name.err")"; return; }
	if [ -n "$KW_GOLDEN_UPDATE" ]; then
		cp "$tmp/$name" "$gold/$name"
	elif ! diff -u "$gold/$name" "$tmp/$name" >"$tmp/diff" 2>&1; then
		echo "differs from $gold/$name:"
		head -n 30 "$tmp/diff"
	fi
}

echo "1..13"
t "the text report (en, UTF-8 bars, 100 columns)" \
	"$(golden 0 report.txt --lang=en "$fx/records")"
t "the text report in French" "$(golden 0 report.fr.txt --lang=fr "$fx/records")"
t "the CSV report" "$(golden 0 report.csv --lang=en --format=csv "$fx/records")"
t "the JSON report" "$(golden 0 report.json --lang=en --format=json "$fx/records")"

# the skipped files: one line each, named, counted in the summary
why=
n=$(grep -c '' "$tmp/report.txt.err")
[ "$n" = 2 ] || why="$n warning lines, not 2"
grep -q "^keywiz: .*/broken.json: not valid JSON (a string that does not end): line 13, column 13" "$tmp/report.txt.err" ||
	why="$why; no line for broken.json"
grep -q "^keywiz: .*/foreign.json: not a keywiz session record" "$tmp/report.txt.err" ||
	why="$why; no line for foreign.json"
head -n 1 "$tmp/report.txt" | grep -q "24 records, 2 files skipped" ||
	why="$why; summary: $(head -n 1 "$tmp/report.txt")"
t "a foreign and a broken file: skipped with one line each, counted" "$why"

why=
mkfifo "$tmp/fifo.json" "$tmp/dir.json" 2>/dev/null || true
rm -f "$tmp/dir.json"; mkdir "$tmp/dir.json"
st=0
"$KEYWIZ" --report "$tmp/fifo.json" "$fx/records/call-01.json" "$tmp/missing.json" \
	>"$tmp/out" 2>"$tmp/err" || st=$?
[ "$st" = 0 ] || why="exit $st"
grep -q "fifo.json: a FIFO, not a regular file" "$tmp/err" || why="$why; FIFO: $(cat "$tmp/err")"
grep -q "missing.json: No such file or directory" "$tmp/err" || why="$why; missing: $(cat "$tmp/err")"
head -n 1 "$tmp/out" | grep -q "1 record, 2 files skipped" || why="$why; $(head -n 1 "$tmp/out")"
t "a FIFO (not waited for) and a missing file: skipped, the rest reported" "$why"

why=
st=0; "$KEYWIZ" --report "$tmp/missing.json" >/dev/null 2>&1 || st=$?
[ "$st" = 66 ] || why="nothing readable: exit $st, not 66"
st=0; "$KEYWIZ" --report "$tmp/dir.json" >/dev/null 2>&1 || st=$?
[ "$st" = 1 ] || why="$why; an empty folder: exit $st, not 1"
for bad in "--format=xml" "--since=yesterday" "--format=csv --dot"; do
	st=0
	# shellcheck disable=SC2086 # the options split on purpose
	"$KEYWIZ" --report $bad "$fx/records" >/dev/null 2>&1 || st=$?
	[ "$st" = 64 ] || why="$why; $bad: exit $st, not 64"
done
st=0; "$KEYWIZ" --report >/dev/null 2>"$tmp/err" || st=$?
[ "$st" = 64 ] && grep -q -- "--records=DIR" "$tmp/err" || why="$why; no records named: exit $st"
st=0; "$KEYWIZ" --report --guide "$fx/records" >/dev/null 2>"$tmp/err" || st=$?
[ "$st" = 64 ] && grep -q -- "--report and --guide cannot be used together" "$tmp/err" ||
	why="$why; --report --guide: exit $st, $(cat "$tmp/err")"
st=0; "$KEYWIZ" --check --since=2026-01-01 >/dev/null 2>&1 || st=$?
[ "$st" = 64 ] || why="$why; --since without --report: exit $st"
t "exit statuses: 66 nothing readable, 1 no record, 64 bad options" "$why"

# the unmatched texts, most frequent first, masked and without controls
why=
sed -n '/^Text that matched no message/,/^$/p' "$tmp/report.txt" >"$tmp/texts"
sed -n 3p "$tmp/texts" | grep -q "licence count exceeded for this tenant *3 " ||
	why="the most frequent first, white space collapsed: $(sed -n 3p "$tmp/texts")"
grep -q "XXXXX-XXXXX-XXXXX-XXXXX-6789B" "$tmp/texts" || why="$why; the key not masked"
grep -q "BCDFG" "$tmp/report.txt" "$tmp/report.csv" "$tmp/report.json" && why="$why; a key shows"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/report.txt" "$tmp/report.csv"; then
	why="$why; an escape reaches the output"
fi
t "text that matched no message: most frequent first, keys masked, no control characters" "$why"

why=
# the summary rows of the CSV report: records, outside the dates
summary() {
	"$KEYWIZ" --report --format=csv "$@" "$fx/records" 2>/dev/null |
		sed -n 's/^,,summary,\([a-z_]*\),,count,\([0-9]*\).$/\1=\2/p' | tr '\n' ' '
}
out=$(summary --since=2026-10-05 --until=2026-10-10)
[ "$out" = "records=6 outside_dates=18 skipped=2 " ] || why="days 5 to 10: $out"
out=$(summary --since=2026-10-05T12:00:00Z --until=2026-10-07T12:00:00+00:00)
[ "$out" = "records=2 outside_dates=22 skipped=2 " ] || why="$why; times: $out"
out=$(summary --until=2026-10-01)
[ "$out" = "records=1 outside_dates=23 skipped=2 " ] || why="$why; until the first day: $out"
t "--since and --until: days inclusive, or record times" "$why"

why=
TERM=dumb "$KEYWIZ" --report --lang=en "$fx/records" >"$tmp/dumb" 2>/dev/null
LC_ALL=C grep -q "$(printf '\342\226')" "$tmp/dumb" && why="block glyphs with TERM=dumb"
grep -q "Outcomes" "$tmp/dumb" && grep -q "  #" "$tmp/dumb" || why="$why; no ASCII bars"
LC_ALL=C LANG='' TERM=xterm "$KEYWIZ" --report --lang=en "$fx/records" >"$tmp/c" 2>/dev/null
LC_ALL=C grep -q "$(printf '\342\226')" "$tmp/c" && why="$why; block glyphs in the C locale"
t "ASCII bars when TERM=dumb or the locale is not UTF-8" "$why"

why=
COLUMNS=80 "$KEYWIZ" --report --lang=fr "$fx/records" >"$tmp/narrow" 2>/dev/null
max=$(while IFS= read -r l; do printf '%s' "$l" | wc -m; done <"$tmp/narrow" | sort -n | tail -n 1)
[ "$max" -le 80 ] || why="$why; a line of $max characters at 80 columns"
# at 40 columns the text and the tables of one or two numbers still fit:
# their bars give way first, then their labels
COLUMNS=40 "$KEYWIZ" --report --lang=fr "$fx/records" 2>/dev/null | sed -n 1,22p >"$tmp/n40"
max=$(while IFS= read -r l; do printf '%s' "$l" | wc -m; done <"$tmp/n40" | sort -n | tail -n 1)
[ "$max" -le 40 ] || why="$why; a line of $max characters at 40 columns"
grep -q "Contacter quelqu’un  *15 " "$tmp/n40" || why="$why; a label cut at 40 columns"
t "at 80 columns every line fits, at 40 the summary and the outcomes (French)" "$why"

# a call through the bundled tree's field and logic nodes: a field
# answered and a route taken count as the answers they are, on the map
# and in the times; a logic node has no time of its own; a contact filled
# in with the call's facts is reported as the call had it
why=
mkdir -p "$tmp/facts"
printf 'BCDFG-HJKMP-QRTVW-XY234-6789B\n\n5\n\nn\nn\nContoso\n2026-10-01\nINV-1\n\n' |
	"$KEYWIZ" --plain --lang=en -o "$tmp/facts/call.json" \
	"$top/wizard/m365-product-key.yaml" >/dev/null 2>&1 || why="the call failed"
KEYWIZ_PATH=$top/wizard "$KEYWIZ" --report --lang=en "$tmp/facts" >"$tmp/facts.txt" 2>&1 ||
	why="$why; the report failed"
KEYWIZ_PATH=$top/wizard "$KEYWIZ" --report --dot --lang=en "$tmp/facts" >"$tmp/facts.gv" 2>&1 ||
	why="$why; the map failed"
grep -q '"route-seller" -> "contact-reseller-used" \[penwidth=8.0, style=dashed, label="error: already-used (1)"\]' \
	"$tmp/facts.gv" || why="$why; the route is not on the map"
grep -q '"seller" -> "purchase-date" \[penwidth=8.0, label="1"\]' "$tmp/facts.gv" ||
	why="$why; the field's answer is not on the map"
grep -q '^  Who sold it (seller)  *1 ' "$tmp/facts.txt" || why="$why; no time for the field"
grep -q '(route-seller)' "$tmp/facts.txt" && why="$why; a time for the logic node"
grep -q '^  Contoso, the reseller the key was bought from  *1 ' "$tmp/facts.txt" ||
	why="$why; escalated to: $(grep -A 2 '^Escalated' "$tmp/facts.txt" | tail -n 1)"
t "field and logic nodes: their answers on the map and in the times" "$why"

if ! command -v dot >/dev/null 2>&1; then
	s "the traffic map renders with dot" "Graphviz (dot) is not installed"
else
	why=
	"$KEYWIZ" --report --dot --lang=en "$fx/records" >"$tmp/map.gv" 2>"$tmp/map.err" ||
		why="exit $?"
	dot -Tsvg "$tmp/map.gv" >"$tmp/map.svg" 2>"$tmp/dot.err" || why="$why; dot: $(cat "$tmp/dot.err")"
	grep -q '<svg' "$tmp/map.svg" || why="$why; no SVG"
	grep -q 'penwidth=8.0' "$tmp/map.gv" || why="$why; no edge at the widest pen"
	grep -q '"which-error" -> "wait" \[penwidth=[0-9.]*, label="Try later (6)"\]' "$tmp/map.gv" ||
		why="$why; no count on an edge"
	grep -q "1 record of tree 'printer-jam' not drawn" "$tmp/map.err" || why="$why; $(cat "$tmp/map.err")"
	t "the traffic map renders with dot (counts on edges, pen widths)" "$why"
fi
exit $tap_fail
