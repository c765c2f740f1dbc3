#!/bin/sh
# SPDX-License-Identifier: MIT
# journal.sh - kill -9 at each kind of screen, in both front ends, then --recover (or the offer at start) continues the call where it stood
# The cases are functions that t runs (shellcheck cannot see them called).
# shellcheck disable=SC2317
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 23

KEY=BCDFG-HJKMP-QRTVW-XY234-6789B
KW_NO_JOURNAL=
J=$KW_STATE/keywiz

# keywiz in the pane, its pid in $KW_TMP/pid
cat > "$KW_TMP/run.sh" <<EOS
exec sh -c 'echo \$\$ > "$KW_TMP/pid"; exec "\$0" "\$@"' "$KEYWIZ" "\$@"
EOS
kw_kw() {
	rm -f "$KW_TMP/pid"
	kw_run 80 "${KW_ROWS:-24}" "sh '$KW_TMP/run.sh' --lang en $*"
}
kill9() {
	p=$(cat "$KW_TMP/pid") && kill -9 "$p" || return 1
	i=0
	while kill -0 "$p" 2>/dev/null && [ "$i" -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	! kill -0 "$p" 2>/dev/null
}
njournals() {
	n=0
	for f in "$J"/*.journal; do
		[ -f "$f" ] && n=$((n + 1))
	done
	echo "$n"
}
# test WHAT COMMAND...: ok when the command succeeds, and no journal is
# left behind for the next one
t() {
	kw_check "$@"
	rm -rf "$J"
}

# ---- the curses front end ----

curses_key() {
	kw_kw && kw_wait '^Key: *$' && kw_type 'BCDFG' &&
	    kw_wait '^Key: BCDFG' && kill9 && [ "$(njournals)" = 1 ] &&
	    ! grep -q BCDFG "$J"/*.journal &&
	    kw_kw --recover && kw_wait '^Step 1: Enter the product key' &&
	    kw_wait '^Key: *$'
}
t "curses: killed at the key screen (typing), --recover is back at it" \
    curses_key

to_errors() {
	kw_kw && kw_wait '^Key: *$' && kw_paste "$KEY" &&
	    kw_wait "^Key: $KEY" && kw_keys Enter && kw_wait '^The error message'
}
curses_errors() {
	to_errors && kill9 && kw_kw --recover &&
	    kw_wait '^Step 2: Enter the product key › ' &&
	    kw_wait '^The error message' && kw_keys 4 &&
	    kw_wait '^A new, unused key\?'
}
t "curses: killed at the error list, --recover is back at it" curses_errors

curses_question() {
	to_errors && kw_keys 4 && kw_wait '^A new, unused key\?' && kill9 &&
	    kw_kw --recover -o "'$KW_TMP/rec.json'" &&
	    kw_wait '^Step 3: ' && kw_wait '^A new, unused key\?' &&
	    kw_keys y && kw_wait '^Result: Resolved' &&
	    kw_wait 'Key: XXXXX-XXXXX-XXXXX-XXXXX-6789B' &&
	    kw_keys Enter && kw_wait '^\[exit 0\]' &&
	    [ "$(njournals)" = 0 ] &&
	    grep -q '"answer": "expired"' "$KW_TMP/rec.json" &&
	    grep -q '"type": "resume"' "$KW_TMP/rec.json" &&
	    grep -q '"masked": "XXXXX-XXXXX-XXXXX-XXXXX-6789B"' "$KW_TMP/rec.json" &&
	    grep -q '"status": "completed"' "$KW_TMP/rec.json"
}
t "curses: killed at a question, --recover -o goes on to the outcome, the record has every answer, the journal goes" \
    curses_question

curses_steps() {
	to_errors && kw_keys 9 && kw_wait '^Check your admin role' &&
	    kw_keys Space && kw_wait '^> \[x\] 1\. ' && kill9 &&
	    kw_kw --recover && kw_wait '^Check your admin role' &&
	    kw_wait '^> \[x\] 1\. '
}
t "curses: killed at a checklist, --recover keeps the tick" curses_steps

curses_wait() {
	to_errors && kw_keys 6 && kw_wait '^Time left: ' && kill9 &&
	    kw_kw --recover && kw_wait '^Wait and retry' &&
	    kw_wait '^Time left: 1[45]:[0-5][0-9] \(until '
}
t "curses: killed at a wait, --recover is back at the countdown" curses_wait

curses_outcome() {
	to_errors && kw_keys 4 && kw_wait '^A new, unused key\?' &&
	    kw_keys y && kw_wait '^Result: Resolved' && kill9 &&
	    kw_kw --recover && kw_wait '^Result: Resolved'
}
t "curses: killed at an outcome, --recover is back at it" curses_outcome

curses_note() {
	to_errors && kw_keys 4 && kw_wait '^A new, unused key\?' &&
	    kw_keys y && kw_wait '^Result: Resolved' && kw_keys n &&
	    kw_wait '^A note for the record' && kw_type 'called back' &&
	    kw_keys Enter && kw_wait '^Notes: 1$' && kw_keys n &&
	    kw_wait '^A note for the record' && kw_type 'half a no' && kill9 &&
	    grep -q '"text":"called back"' "$J"/*.journal &&
	    kw_kw --recover && kw_wait '^Result: Resolved' &&
	    kw_wait '^Notes: 1$'
}
t "curses: killed while a note is typed, --recover has the notes before it" \
    curses_note

# the offer at start: declined (kept), then taken
curses_offer() {
	to_errors && kw_keys 4 && kw_wait '^A new, unused key\?' && kill9 &&
	    kw_kw && kw_wait '^An unfinished call from [0-9:]+ — The product key has expired, step 3\.$' &&
	    kw_wait '^Continue\? y/n' &&
	    kw_type n && kw_keys Enter && kw_wait '^Step 1: Enter the product key' &&
	    kw_keys F10 && kw_wait '^\[exit 1\]' && [ "$(njournals)" = 1 ] &&
	    kw_kw && kw_wait '^An unfinished call from' && kw_type y &&
	    kw_keys Enter && kw_wait '^A new, unused key\?' &&
	    kw_wait '^Step 3: '
}
t "curses: the offer at start; declined, the call is kept; taken, it goes on" \
    curses_offer

# two processes, one journal: the second says who holds it
lock_check() {
	to_errors && kw_keys 4 && kw_wait '^A new, unused key\?' && kill9 &&
	    kw_kw --recover && kw_wait '^A new, unused key\?' &&
	    pid=$(cat "$KW_TMP/pid") &&
	    XDG_STATE_HOME=$KW_STATE KEYWIZ_NO_JOURNAL='' "$KEYWIZ" --lang en \
	    --recover=list > "$KW_TMP/list" 2>&1 &&
	    { grep -q "^  1  .*  m365-product-key  step 3  The product key has expired  \[in use by keywiz process $pid\]" "$KW_TMP/list" ||
	    { sed 's/^/# /' "$KW_TMP/list"; false; }; } &&
	    { XDG_STATE_HOME=$KW_STATE KEYWIZ_NO_JOURNAL='' "$KEYWIZ" --lang en \
	    --recover=1 --plain < /dev/null > /dev/null 2> "$KW_TMP/err";
	    [ $? = 66 ]; } &&
	    grep -q "in use by keywiz process $pid" "$KW_TMP/err" &&
	    { XDG_STATE_HOME=$KW_STATE KEYWIZ_NO_JOURNAL='' "$KEYWIZ" --lang en \
	    --recover --plain < /dev/null > /dev/null 2>&1; [ $? = 66 ]; }
}
t "a journal in use: --recover=list and --recover=N name the process holding it" \
    lock_check

modes_check() {
	to_errors && [ "$(stat -c %a "$J")" = 700 ] &&
	    [ "$(stat -c %a "$J"/*.journal)" = 600 ] && kill9 &&
	    ! grep -rq 'BCDFG' "$KW_TMP/home" "$KW_STATE"
}
t "the journal folder is 0700, the journal 0600, the key nowhere in them" \
    modes_check

# the dead process's journal is free: a stale lock does not stop --recover
stale_check() {
	to_errors && kill9 && kw_kw --recover && kw_wait '^The error message' &&
	    kw_keys F10 && kw_wait '^Quit before an outcome\?' &&
	    kw_type y && kw_wait '^\[exit 1\]' && [ "$(njournals)" = 0 ]
}
t "a killed process's journal recovers; quitting the recovered call removes it" \
    stale_check

nojournal_check() {
	KW_ENV="KEYWIZ_NO_JOURNAL=1" to_errors && kill9 &&
	    [ "$(njournals)" = 0 ]
}
t "KEYWIZ_NO_JOURNAL=1: no journal is written" nojournal_check

# ---- the plain front end (on a terminal) ----

pkw() {
	KW_ROWS=60 kw_kw --plain "$@"
}
# the plain prompts: each letter with what it does
P_END='q quit, \? help\]> *$'
P_KEY="^\\[key, $P_END"
P_ERRORS="^\\[1-10, text, b back, $P_END"
P_YESNO="^\\[y yes, n no, b back, $P_END"
P_TICK="^\\[Enter continue, 1-[0-9] tick, b back, $P_END"
P_OUTCOME="^\\[Enter finish, n note, b back, $P_END"
p_errors() {
	pkw && kw_wait "$P_KEY" && kw_keys "$KEY" Enter &&
	    kw_wait '^Key: XXXXX' && kw_keys Enter &&
	    kw_wait "$P_ERRORS"
}

plain_key() {
	pkw && kw_wait "$P_KEY" && kw_keys "$KEY" Enter &&
	    kw_wait '^Key: XXXXX-XXXXX-XXXXX-XXXXX-6789B' && kill9 &&
	    ! grep -q BCDFG "$J"/*.journal &&
	    pkw --recover && kw_wait '^Step 1: Enter the product key' &&
	    kw_wait "$P_KEY"
}
t "plain: killed at the key screen, --recover is back at it" plain_key

plain_errors() {
	p_errors && kill9 && pkw --recover &&
	    kw_wait '^Step 2: ' && kw_wait "$P_ERRORS" &&
	    kw_keys 4 Enter && kw_wait '^Step 3: A new, unused key\?'
}
t "plain: killed at the error list, --recover is back at it" plain_errors

plain_question() {
	p_errors && kw_keys 4 Enter && kw_wait "$P_YESNO" &&
	    kill9 && pkw --recover -o "'$KW_TMP/rec.md'" &&
	    kw_wait '^Step 3: A new, unused key\?' && kw_keys y Enter &&
	    kw_wait '^Result: Resolved' && kw_keys Enter &&
	    kw_wait '^\[exit 0\]' && [ "$(njournals)" = 0 ] &&
	    grep -q 'XXXXX-XXXXX-XXXXX-XXXXX-6789B' "$KW_TMP/rec.md" &&
	    grep -q 'Answer: The product key has expired' "$KW_TMP/rec.md"
}
t "plain: killed at a question, --recover -o goes on to the outcome and the record" \
    plain_question

plain_steps() {
	p_errors && kw_keys 9 Enter && kw_wait "$P_TICK" &&
	    kw_keys 1 Enter && kw_wait '^  \[x\] 1\. ' && kill9 &&
	    pkw --recover && kw_wait '^Step 3: Check your admin role' &&
	    kw_wait '^  \[x\] 1\. '
}
t "plain: killed at a checklist, --recover keeps the tick" plain_steps

plain_wait() {
	p_errors && kw_keys 6 Enter && kw_wait '^Wait 15 minutes' && kill9 &&
	    pkw --recover && kw_wait '^Step 3: Wait and retry' &&
	    kw_wait '^Wait 15 minutes: from [0-9:]+ until'
}
t "plain: killed at a wait, --recover is back at it" plain_wait

plain_outcome() {
	p_errors && kw_keys 4 Enter && kw_wait "$P_YESNO" &&
	    kw_keys y Enter && kw_wait '^Result: Resolved' && kill9 &&
	    pkw --recover && kw_wait '^Result: Resolved' &&
	    kw_wait "$P_OUTCOME"
}
t "plain: killed at an outcome, --recover is back at it" plain_outcome

plain_note() {
	p_errors && kw_keys 4 Enter && kw_wait "$P_YESNO" &&
	    kw_keys 'note first one' Enter && kw_wait '^Note added' &&
	    kw_keys 'note' Enter && kw_wait '^Note>' && kw_type 'half' && kill9 &&
	    grep -q '"text":"first one"' "$J"/*.journal &&
	    ! grep -q 'half' "$J"/*.journal &&
	    pkw --recover -o "'$KW_TMP/rec.json'" &&
	    kw_wait "$P_YESNO" && kw_keys q Enter &&
	    kw_wait '^\[exit 1\]' &&
	    grep -q '"text": "first one"' "$KW_TMP/rec.json"
}
t "plain: killed while a note is typed, --recover has the note before it" \
    plain_note

plain_offer() {
	p_errors && kw_keys 4 Enter && kw_wait "$P_YESNO" &&
	    kill9 && pkw && kw_wait '^An unfinished call from [0-9:]+ — The product key has expired, step 3\.$' &&
	    kw_wait '^Continue\? y/n' &&
	    kw_keys y Enter && kw_wait '^Step 3: A new, unused key\?'
}
t "plain: the offer at start, taken" plain_offer

# French
fr_offer() {
	p_errors && kw_keys 4 Enter && kw_wait "$P_YESNO" &&
	    kill9 && kw_run 80 60 "sh '$KW_TMP/run.sh' --lang fr --plain" &&
	    kw_wait '^Un appel inachevé de [0-9:]+ — ' && kw_wait '^Continuer \? o/n' &&
	    kw_keys o Enter && kw_wait '^Étape 3 : Une clé nouvelle'
}
t "fr: the offer at start, taken with o" fr_offer

# --recover=list and the numbers
list_check() {
	p_errors && kill9 && touch -d '2 days ago' "$J"/*.journal &&
	    p_errors && kw_keys 6 Enter &&
	    kw_wait '^Wait 15 minutes' && kill9 &&
	    XDG_STATE_HOME=$KW_STATE "$KEYWIZ" --lang en --recover=list \
	    > "$KW_TMP/list" &&
	    sed -n 2p "$KW_TMP/list" | grep -q '^  1  .*  step 3  We can.t process your request right now' &&
	    sed -n 3p "$KW_TMP/list" | grep -q '^  2  .*  step 2  (no error message chosen yet)$' &&
	    pkw --recover=2 && kw_wait '^Step 2: ' && kw_keys q Enter &&
	    kw_wait '^\[exit 1\]' && [ "$(njournals)" = 1 ]
}
t "--recover=list lists the calls, most recent first; --recover=2 takes the second" \
    list_check

usage_check() {
	"$KEYWIZ" --recover=x > /dev/null 2>&1
	[ $? = 64 ] || return 1
	XDG_STATE_HOME=$KW_STATE "$KEYWIZ" --recover=3 > /dev/null 2>&1
	[ $? = 64 ] || return 1
	XDG_STATE_HOME=$KW_STATE "$KEYWIZ" --recover --plain < /dev/null > /dev/null 2> "$KW_TMP/err"
	[ $? = 66 ] && grep -q 'no unfinished call' "$KW_TMP/err" || return 1
	"$KEYWIZ" --recover --resume x.json > /dev/null 2>&1
	[ $? = 64 ]
}
t "--recover: bad numbers, nothing to recover, --resume beside it" usage_check
kw_done
