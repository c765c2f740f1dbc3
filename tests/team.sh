#!/bin/sh
# SPDX-License-Identifier: MIT
# team.sh - a team's keywiz from the command line: the lookup folders and
# --list, the configuration files (precedence, exit 78), the records
# folder (names, modes, the setgid group, interrupted sessions, two at
# once), --agent and --ticket, --on-end, the plain pick screen
top=$(cd "${top_srcdir:-.}" && pwd)
# shellcheck source=tests/tap.sh
. "$top/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwteam.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fx=$top/tests/fixtures/team
echo "1..26"

# The team's folders, and no configuration but the test's.
XDG_DATA_HOME=$fx/user
XDG_DATA_DIRS=$fx/sys1:$fx/sys2
XDG_CONFIG_HOME=$tmp/user-config
XDG_CONFIG_DIRS=$tmp/sys-config
KEYWIZ_PATH=
export XDG_DATA_HOME XDG_DATA_DIRS XDG_CONFIG_HOME XDG_CONFIG_DIRS KEYWIZ_PATH
mkdir -p "$tmp/user-config/keywiz" "$tmp/sys-config/keywiz" "$tmp/rec"

# run INPUT ARGS...: keywiz, 20 s at most; status in $st, its output in
# $tmp/out and $tmp/err
run() {
	input=$1
	shift
	printf '%b' "$input" | timeout 20 "$KEYWIZ" "$@" >"$tmp/out" \
	    2>"$tmp/err"
	st=$?
}
# expect STATUS [PATTERN [FILE]]: why the run did not exit STATUS with
# PATTERN in FILE (default: standard error), or nothing
expect() {
	if [ "$st" -ne "$1" ]; then
		echo "exit $st: $(head -n 3 "$tmp/err" | tr '\n' ' ')"
	elif [ -n "${2-}" ] && ! grep -q -- "$2" "${3:-$tmp/err}"; then
		echo "no '$2' in ${3:-standard error}: $(head -n 3 \
		    "${3:-$tmp/err}" | tr '\n' ' ')"
	fi
}
conf() { printf '%b' "$2" >"$tmp/$1-config/keywiz/config.yaml"; }
records() { find "$tmp/rec" -name '*.json' | sort; }

# ---- --list ----
run '' --list -l en
w=$(expect 0 'vpn-down  *3\.1  *en, fr  *The VPN does not connect$' "$tmp/out")
[ -z "$w" ] && ! grep -q "^NAME  *VERSION  *LANGUAGES  *TITLE$" "$tmp/out" &&
	w="no header"
t "--list: name, version, languages, title in the interface language" "$w"
w=
grep -q "^  *$fx/sys2/keywiz/vpn-down.yaml (shadowed by $fx/sys1/keywiz/vpn-down.yaml)$" \
	"$tmp/out" || w="no shadowed vpn-down: $(cat "$tmp/out")"
t "--list: a tree shadowed by an earlier folder's says by which" "$w"
w=$(expect 0 "^broken  *-  *-  *error: 5:8: expected a mapping for 'title', found a list$" "$tmp/out")
t "--list: a broken tree is listed with its error, the others all the same" "$w"
# the order: the user's folder, then the system's, then the installed
order=$(sed -n 's|^  *\([^ ]*\).*|\1|p' "$tmp/out" |
	grep -o -e '/team/user/' -e '/team/sys1/' -e '/team/sys2/' -e '/wizard/' |
	uniq | tr '\n' ' ')
w=
[ "$order" = "/team/user/ /team/sys1/ /team/sys2/ /wizard/ " ] ||
	w="folders out of order: $order"
t "--list: the user's folder, each XDG_DATA_DIRS folder, the installed one" "$w"
run '' --list -l fr
t "--list in French" "$(expect 0 "^NOM  *VERSION  *LANGUES  *TITRE$" "$tmp/out")"
# a copy of the program is an installed one: no bundled folder
cp "$KEYWIZ" "$tmp/keywiz-copy"
st=0
XDG_DATA_HOME=$tmp/none XDG_DATA_DIRS=$tmp/none HOME=$tmp/none \
	"$tmp/keywiz-copy" --list >"$tmp/out" 2>"$tmp/err" || st=$?
if grep -q '\.yaml' "$tmp/out"; then
	s "--list exits 1 when no tree is found" "this prefix has installed trees"
else
	t "--list exits 1 when no tree is found" "$(expect 1 'no tree found')"
fi
run '' --list vpn-down
t "--list takes no TREE" "$(expect 64 "too many arguments: 'vpn-down'")"

# ---- the configuration ----
conf user 'language: fr\nrecrods: /srv\n'
run '' --list
t "a config error: FILE:LINE:COL, a hint, exit 78" "$(expect 78 \
	"^$tmp/user-config/keywiz/config.yaml:2:1: error: unknown key 'recrods' in the configuration (did you mean 'records'?)$")"
run '' --help
t "--help and --version do not read the configuration" "$(expect 0)"
conf sys 'language: fr\ntree: vpn-down\n'
conf user 'language: en\n'
run 'q\n' --plain
w=$(expect 1 'Did you restart the VPN client?' "$tmp/out")
t "the user's settings over the system's; the config's tree when none is named" "$w"
run 'q\n' --plain -l fr
t "the command line over both" \
	"$(expect 1 'Avez-vous redémarré le client VPN' "$tmp/out")"
conf user ''
conf sys ''

# ---- the records folder, --agent, --ticket ----
chmod 2770 "$tmp/rec"
conf sys "records: $tmp/rec\nrecords_mode: 0640\nagent: team\n"
run 'q\n' --plain --agent='Ana Souza' --ticket=HD/2041 vpn-down
f=$(records)
w=$(expect 1)
case ${f##*/} in
[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z-Ana_Souza-HD_2041-??????.json) ;;
*) w="$w name '$f'" ;;
esac
t "a quit session leaves its record in the folder, named by time, agent, ticket" "$w"
w=
[ "$(stat -c %a "$f" 2>/dev/null)" = 640 ] || w="mode $(stat -c %a "$f")"
[ "$(stat -c %g "$f")" = "$(stat -c %g "$tmp/rec")" ] || w="$w group $(stat -c %g "$f")"
grep -q '"agent": "Ana Souza"' "$f" && grep -q '"ticket": "HD/2041"' "$f" &&
	grep -q '"status": "quit"' "$f" || w="$w fields: $(head -n 20 "$f")"
t "with the configured mode and the folder's group; agent and ticket in it" "$w"
rm -f "$tmp/rec"/*.json
# two sessions at once
{ printf 'q\n' | "$KEYWIZ" --plain vpn-down >/dev/null 2>&1 & } 
{ printf 'q\n' | "$KEYWIZ" --plain vpn-down >/dev/null 2>&1 & }
wait
n=$(records | wc -l)
w=
[ "$n" -eq 2 ] || w="$n records"
[ "$n" -eq 2 ] && ! records | grep -q -- '-team-' && w="no agent from the config"
t "two sessions ending together each leave a record (the config's agent)" "$w"
rm -f "$tmp/rec"/*.json
# interrupted: SIGTERM while the plain front end waits for an answer
mkfifo "$tmp/fifo"
"$KEYWIZ" --plain vpn-down <"$tmp/fifo" >"$tmp/out" 2>"$tmp/err" &
pid=$!
exec 3>"$tmp/fifo"
i=0
while ! grep -q '> ' "$tmp/out" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -TERM "$pid"
st=0
wait "$pid" || st=$?
exec 3>&-
w=$(expect 143)
grep -q '"status": "interrupted"' "$(records)" 2>/dev/null ||
	w="$w no interrupted record: $(records)"
t "an interrupted session leaves its record too" "$w"
# resumed from the folder: saved back in place, still one record
rm -f "$tmp/rec"/*.json
run 'q\n' --plain --agent=ana vpn-down
f=$(records)
run 'y\n\n' --plain --resume="$f"
w=$(expect 0)
[ "$(records)" = "$f" ] || w="$w records: $(records | tr '\n' ' ')"
grep -q '"status": "completed"' "$f" && grep -q '"agent": "ana"' "$f" ||
	w="$w not completed by ana: $(head -n 16 "$f")"
t "a call resumed from the records folder stays one record there" "$w"
rm -f "$tmp/rec"/*.json
run 'q\n' --plain --records="$tmp/none" vpn-down
t "a records folder that is not there stops the call before it starts" \
	"$(expect 74 "the records folder $tmp/none: No such file or directory")"
run 'q\n' --plain --agent="$(printf 'a\tb')" vpn-down
t "--agent with a control character is a usage error" \
	"$(expect 64 "invalid --agent")"

# ---- --on-end ----
run 'q\n' --plain --on-end="cat >'$tmp/posted'; printf %s \"\$KEYWIZ_RECORD\" >'$tmp/path'" vpn-down
f=$(records)
w=$(expect 1)
[ "$(cat "$tmp/path" 2>/dev/null)" = "$f" ] || w="$w KEYWIZ_RECORD '$(cat "$tmp/path" 2>/dev/null)', not '$f'"
cmp -s "$f" "$tmp/posted" || w="$w the command did not read the record"
t "--on-end: the record on standard input, its path in KEYWIZ_RECORD" "$w"
rm -f "$tmp/rec"/*.json
run 'q\n' --plain --on-end='exit 3' vpn-down
w=$(expect 75 "the end-of-call command failed: exit status 3; the record is kept in $tmp/rec/")
[ "$(records | wc -l)" -eq 1 ] || w="$w no record kept"
t "--on-end failing: said, the record kept, exit 75" "$w"
run 'q\n' --plain --on-end='kill -KILL $$' vpn-down
t "--on-end killed by a signal" "$(expect 75 'failed: killed by signal 9')"
run 'q\n' --plain --on-end='no-such-command-kw' vpn-down
t "--on-end not found" "$(expect 75 'failed: exit status 127: command not found')"
conf sys ''
run 'q\n' --plain --on-end=true vpn-down
t "--on-end without a JSON record to give is refused before the call" \
	"$(expect 64 'needs a JSON record')"

# ---- the plain pick ----
run 'vpn\n1\nq\n' --pick --plain -l en
w=$(expect 1 'Did you restart the VPN client?' "$tmp/out")
[ -z "$w" ] && ! grep -q '^Trees matching "vpn":$' "$tmp/out" && w="no filter"
t "--pick: words narrow the list, a number runs the tree" "$w"
conf user 'pick: yes\n'
run 'q\n' --plain -l fr
t "pick: true, no TREE: the pick screen; q quits with status 1" \
	"$(expect 1 "Choisissez l’arbre de l’appel :" "$tmp/out")"
run '' --pick vpn-down
t "--pick with a TREE is a usage error" "$(expect 64 '--pick chooses the tree of a new call')"
exit $tap_fail
