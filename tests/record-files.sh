#!/bin/sh
# SPDX-License-Identifier: MIT
# record-files.sh - where keywiz writes a session record (-o) and what it
# reads one from (--resume): regular files only, said before the call
# starts, never waiting on a FIFO; a record that cannot be saved goes to
# standard error in its own format; the --resume crash of issue 18
# shellcheck source=tests/tap.sh
. "${top_srcdir:-.}/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwrecfiles.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "1..15"

# run [INPUT] -- ARGS: the plain front end, 20 s at most; status in $st,
# standard output in $tmp/out, standard error in $tmp/err
run() {
	input='q\n'
	if [ "$1" != -- ]; then input=$1; shift; fi
	shift
	printf '%b' "$input" | timeout 20 "$KEYWIZ" --plain --lang en "$@" \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
}

# why STATUS PATTERN: empty when the run exited STATUS with PATTERN on
# standard error (PATTERN empty: anything); else why not (standard error
# follows as TAP comments)
why() {
	if [ "$st" -ne "$1" ]; then
		echo "exit $st"
	elif [ -n "$2" ] && ! grep -q -- "$2" "$tmp/err"; then
		echo "no '$2' on standard error"
	else
		return
	fi
	sed 's/^/# /' "$tmp/err" >&2
}

# refused: exit 74, PATTERN said, and the call never started
refused() {
	w=$(why 74 "$1")
	[ -z "$w" ] && [ -s "$tmp/out" ] && w="the call started"
	echo "$w"
}

run -- -o /dev/null
w=$(refused "/dev/null: a device; a record is written only to a regular file")
[ -c /dev/null ] || w="$w; /dev/null is no longer a device"
t "-o a device: refused before the call (74), the device left alone" "$w"

mkfifo "$tmp/fifo"
run -- -o "$tmp/fifo"
w=$(refused "fifo: a FIFO; a record")
[ -p "$tmp/fifo" ] || w="$w; the FIFO was replaced"
t "-o a FIFO: refused at once (74)" "$w"

mkdir "$tmp/folder"
run -- -o "$tmp/folder"
t "-o a folder: refused (74)" "$(refused "folder: a folder; a record")"

printf 'mine\n' >"$tmp/mine.md"
ln -s mine.md "$tmp/link.md"
run -- -o "$tmp/link.md"
w=$(refused "link.md: a symbolic link; a record")
[ -L "$tmp/link.md" ] && [ "$(cat "$tmp/mine.md")" = mine ] ||
    w="$w; the link or its file changed"
t "-o a symbolic link: refused (74), the link and its file left alone" "$w"

if [ "$(id -u)" -eq 0 ] && printf 'theirs\n' >"$tmp/theirs.md" &&
    chown 65534 "$tmp/theirs.md" 2>/dev/null; then
	run -- -o "$tmp/theirs.md"
	w=$(refused "theirs.md: the file belongs to another user (uid 65534)")
	[ "$(cat "$tmp/theirs.md")" = theirs ] || w="$w; the file changed"
	t "-o another user's file: refused (74), left alone" "$w"
else
	s "-o another user's file" "needs root to make one"
fi

run -- -o "$tmp/no-such-folder/r.md"
t "-o in a missing folder: refused before the call (74)" \
    "$(refused "the folder $tmp/no-such-folder does not exist")"

printf 'old\n' >"$tmp/kept.md"
chmod 0644 "$tmp/kept.md"
run -- -o "$tmp/kept.md"
w=$(why 1 "")
mode=$(stat -c %a "$tmp/kept.md")
[ "$mode" = 644 ] || w="$w; mode $mode, not 644"
grep -q '^## Screens' "$tmp/kept.md" || w="$w; no record written"
t "-o an existing record: replaced, its mode (0644) kept" "$w"

run -- -o -
w=$(why 1 "")
# the session's own lines, then the record at the end
grep -q '^# Problems with your Microsoft 365' "$tmp/out" ||
    w="$w; no record title"
tail -n 3 "$tmp/out" | grep -q 'Quit' || w="$w; the record is not last"
t "-o -: the Markdown record on standard output at the end" "$w"

# the disk-full cases in a small tmpfs (two pages) of a private mount
# namespace
# shellcheck disable=SC2016 # the scripts sh -c runs expand there
full() {
	unshare -m sh -c 'mount -t tmpfs -o size=8k tmpfs "$1" &&
	    shift && "$@"' full "$tmp/small" "$@"
}
mkdir "$tmp/small"
if [ "$(id -u)" -eq 0 ] && full true 2>/dev/null; then
	# full from the start: said before the call
	# shellcheck disable=SC2016
	full sh -c 'dd if=/dev/zero of="$0/fill" bs=1k count=64 \
	    2>/dev/null; printf "q\n" | timeout 20 "$KEYWIZ" --plain \
	    --lang en -o "$0/rec.md" >"$1" 2>"$2"' "$tmp/small" "$tmp/out" \
	    "$tmp/err"
	st=$?
	t "-o on a full device: refused before the call (74)" \
	    "$(refused "is on a full device")"

	# full at the end: exit 74, the old record kept, no temporary file,
	# the record on standard error in its own format (JSON)
	note=$(printf '%08000d' 0)
	# shellcheck disable=SC2016
	full sh -c 'printf "old\n" >"$0/rec.json"; printf "\nnote %s\nq\n" \
	    "$3" | timeout 20 "$KEYWIZ" --plain --lang en \
	    -o "$0/rec.json" >"$1" 2>"$2"; st=$?; cat "$0/rec.json" \
	    >"$1.old"; ls -A "$0" >"$1.ls"; exit $st' "$tmp/small" \
	    "$tmp/out" "$tmp/err" "$note"
	st=$?
	w=$(why 74 "No space left on device")
	grep -q '^  "keywiz_record": 1,' "$tmp/err" ||
	    w="$w; no JSON record on standard error"
	[ "$(cat "$tmp/out.old")" = old ] || w="$w; the old record changed"
	[ "$(cat "$tmp/out.ls")" = rec.json ] ||
	    w="$w; left: $(tr '\n' ' ' <"$tmp/out.ls")"
	t "-o FILE.json on a device that fills: 74, JSON on stderr, old kept" "$w"
else
	s "-o on a full device" "cannot mount a tmpfs here"
	s "-o FILE.json on a device that fills" "cannot mount a tmpfs here"
fi

run -- --resume "$tmp/fifo"
t "--resume a FIFO: refused at once (66)" \
    "$(why 66 "fifo: a FIFO, not a regular file")"

run -- --resume /dev/null
t "--resume a device: refused (66)" \
    "$(why 66 "/dev/null: a device, not a regular file")"

run -- --resume "$tmp/folder"
t "--resume a folder: refused (66)" \
    "$(why 66 "folder: a folder, not a regular file")"

# issue 18: a show right after the start made --resume die of SIGSEGV
cat >"$tmp/crash.json" <<'END'
{"keywiz_record": 1, "tree": {"id": "m365-product-key", "hash": "x"}, "started": "2026-01-01T00:00:00Z", "events": [{"type": "start", "node": "enter-key", "time": "2026-01-01T00:00:00Z"}, {"type": "show", "node": "x", "time": "2026-01-01T00:00:00Z"}]}
END
run -- --resume "$tmp/crash.json"
t "--resume the record of issue 18: refused (65), no crash" \
    "$(why 65 "event 2 (show at 'x') does not follow")"

# a resumed record is saved back over itself: checked before the call too
printf '1\nq\n' | "$KEYWIZ" --plain --lang en -o "$tmp/walk.json" \
    >/dev/null 2>&1
chmod 0640 "$tmp/walk.json"
run -- --resume "$tmp/walk.json"
w=$(why 1 "")
mode=$(stat -c %a "$tmp/walk.json")
[ "$mode" = 640 ] || w="$w; mode $mode, not 640"
[ "$(grep -c '"type": "resume"' "$tmp/walk.json")" = 1 ] ||
    w="$w; not saved back"
t "--resume FILE: saved back over FILE, its mode (0640) kept" "$w"
exit "$tap_fail"
