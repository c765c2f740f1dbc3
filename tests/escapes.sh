#!/bin/sh
# SPDX-License-Identifier: MIT
# escapes.sh - nothing from a record, a tree, a file name or an argument
# reaches the terminal raw: hostile records (ids and texts carrying OSC 0,
# which sets the terminal's title, and OSC 52, which writes its clipboard),
# a tree whose file name carries them, bad arguments; no ESC, BEL or C1
# control on standard output or standard error
# shellcheck source=tests/tap.sh
. "${top_srcdir:-.}/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwesc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fix=${top_srcdir:-.}/tests/fixtures/record
tree=$fix/tree.yaml
echo "1..16"

ESC=$(printf '\033')
BEL=$(printf '\007')
CSI=$(printf '\302\233')
OSC0='\\u001b]0;PWNED\\u0007'
OSC52='\\u001b]52;c;cm0gLXJmIH4=\\u0007'

# run WHAT EXPECT-STATUS KEYWIZ-ARGS...: stdin "q", both outputs checked
run() {
	what=$1 want=$2
	shift 2
	printf 'q\n' | "$KEYWIZ" --lang en "$@" >"$tmp/out" 2>&1
	st=$?
	why=
	if LC_ALL=C grep -q "$ESC" "$tmp/out"; then
		why="an ESC in the output"
	elif LC_ALL=C grep -q "$BEL" "$tmp/out"; then
		why="a BEL in the output"
	elif LC_ALL=C grep -qF "$CSI" "$tmp/out"; then
		why="a C1 CSI in the output"
	elif [ "$st" -ne "$want" ]; then
		why="exit $st, not $want"
	elif [ ! -s "$tmp/out" ]; then
		why="no output at all"
	fi
	[ -n "$why" ] && LC_ALL=C cat -v "$tmp/out" | head -n 20 | sed 's/^/# /'
	t "$what" "$why"
}

# hostile FILE SED: the walk record with one change
hostile() {
	sed "$2" "$fix/walk.json" >"$tmp/$1"
}

hostile tree-id.json "s/\"id\": \"record-test\"/\"id\": \"record-test$OSC0\"/"
run "a record's tree id (OSC 0), no tree named" 65 --plain --resume "$tmp/tree-id.json"
run "a record's tree id (OSC 0), the tree named" 65 --plain --resume "$tmp/tree-id.json" "$tree"
hostile node.json "s/\"node\": \"role\"/\"node\": \"role$OSC52\"/"
run "a record's node id (OSC 52)" 65 --plain --resume "$tmp/node.json" "$tree"
hostile answer.json "s/\"answer\": \"busy\"/\"answer\": \"busy$OSC52\"/"
run "a record's answer id (OSC 52)" 65 --plain --resume "$tmp/answer.json" "$tree"
hostile start.json "0,/\"node\": \"key\"/s//\"node\": \"key$OSC0\"/"
run "a record's start node (OSC 0)" 65 --plain --resume "$tmp/start.json" "$tree"
hostile type.json "s/\"type\": \"note\"/\"type\": \"note$OSC52\"/"
run "a record's event type (OSC 52)" 65 --plain --resume "$tmp/type.json" "$tree"
hostile texts.json "s/\"The customer also saw a second message.\"/\"$OSC52\"/; s/\"XXXXX-XXXXX-XXXXX-XXXXX-7QW3K\"/\"$OSC0\"/g"
run "a record's note and masked key (accepted; q at its outcome is success)" 0 --plain --resume "$tmp/texts.json" "$tree" -o "$tmp/again.json"

# a tree whose file name carries the escapes
name=$(printf 'x\033]0;PWNED\007\302\233y')
cp "$tree" "$tmp/$name.yaml"
run "a tree's file name: --check" 0 --check "$tmp/$name.yaml"
run "a tree's file name: a session" 1 --plain "$tmp/$name.yaml"
run "a tree's file name: --practice with no scenarios" 65 --practice "$tmp/$name.yaml"
printf 'keywiz: 1\n' >"$tmp/$name-bad.yaml"
run "a tree's file name: diagnostics" 65 --check "$tmp/$name-bad.yaml"
run "a tree name not found" 66 --plain "$name"
run "--lang" 64 --lang "$name"
run "--scenario" 64 --practice --scenario "$name"
run "--check-key" 1 --check-key "$name"
run "a hostile tree (an escape in an id)" 65 --check "${top_srcdir:-.}/tests/hostile/esc-in-id.yaml"
exit $tap_fail
