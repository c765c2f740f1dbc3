#!/bin/sh
# SPDX-License-Identifier: MIT
# trust.sh - a call an agent can trust: type-ahead, bursts, back, restart, numbers, exit
# shellcheck source=tests/lib.sh
# shellcheck disable=SC1112 # French text: typographic apostrophes
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 23

KEY=BCDFG-HJKMP-QRTVW-XY234-6789B

# start and reach the error list: to_errors COLS LINES [OPTION]...
to_errors() {
	cols=$1 lines=$2
	shift 2
	kw_start "$cols" "$lines" --lang en "$@" && kw_wait '^Step 1: ' &&
	    kw_paste "$KEY" && kw_wait "$KEY" && kw_keys Enter &&
	    kw_wait '^The error message'
}

# 1: Enter Enter at the last question answers it, and the outcome stays
if to_errors 80 24 && kw_keys 1 && kw_wait '^Home or business key\?' &&
    kw_wait '^> y\) Yes' &&
    kw_keys Enter Enter && kw_wait '^Result: ' &&
    kw_keys c && kw_wait 'Sent to the terminal' && ! kw_screen | grep -q '^\[exit'; then
	kw_ok "Enter Enter at the last question leaves the outcome on screen"
else
	kw_fail "Enter Enter at the last question leaves the outcome on screen"
fi
if kw_keys Enter && kw_wait '^\[exit 0\]' &&
    kw_wait '^keywiz: ' && kw_wait '^Result: ' &&
    kw_wait '^Key: XXXXX-XXXXX-XXXXX-XXXXX-6789B'; then
	kw_ok "a deliberate Enter ends; the summary stays on the normal screen"
else
	kw_fail "a deliberate Enter ends; the summary stays on the normal screen"
fi

# 1: Enter queued behind a checklist step does not answer the question
if to_errors 80 24 && kw_keys 9 && kw_wait '^Check your admin role' &&
    kw_keys Enter Enter && kw_wait '^Are you listed\?' &&
    kw_keys n && kw_wait '^Ask an admin'; then
	kw_ok "Enter queued behind a step does not answer the next question"
else
	kw_fail "Enter queued behind a step does not answer the next question"
fi

# 2: a key and its Enter in one burst go on; a label before it is not key
kw_start 80 24 --lang en && kw_wait '^Step 1: '
kw_keys "$KEY" Enter
kw_check "a key and its Enter in one burst go on to the next screen" \
    kw_wait '^The error message'
kw_start 80 24 --lang en && kw_wait '^Step 1: '
kw_paste "Product key: $KEY"
if kw_wait "^Key: $KEY" && kw_wait '^= '; then
	kw_ok "a key pasted with its label is read as the key"
else
	kw_fail "a key pasted with its label is read as the key"
fi
kw_start 80 24 --lang en && kw_wait '^Step 1: '
kw_paste "$KEY
"
kw_check "a paste with its newline goes on, as typed" \
    kw_wait '^The error message'

# the line front end on a terminal: Enter Enter keeps the outcome too
kw_start 80 24 --lang en --plain && kw_wait '^\[key, q quit, \? help\]>'
kw_keys "$KEY" Enter && kw_wait '^Press Enter to go on' && kw_keys Enter &&
    kw_wait '^\[1-10, text' && kw_keys 1 Enter && kw_wait '^Step 3: ' &&
    kw_keys y Enter Enter && kw_wait '^Result: '
if kw_wait '^\[Enter finish, n note' && ! kw_screen | grep -q '^\[exit'; then
	kw_ok "plain: Enter Enter at the last question leaves the outcome"
else
	kw_fail "plain: Enter Enter at the last question leaves the outcome"
fi
kw_keys Enter
kw_check "plain: a deliberate Enter ends with status 0" kw_wait '^\[exit 0\]'

# 3: back keeps what was there
if to_errors 80 24 && kw_keys 5 && kw_wait '^Find out who used it' &&
    kw_keys Enter && kw_wait '^> y\) Yes' && kw_keys n &&
    kw_wait '^Bought through a partner\?' && kw_keys Escape &&
    kw_wait '^> n\) No' && kw_keys Enter &&
    kw_wait '^Bought through a partner\?'; then
	kw_ok "back then Enter takes the same branch"
else
	kw_fail "back then Enter takes the same branch"
fi
if to_errors 80 24 && kw_type 'admn' && kw_wait '^Filter: admn' &&
    kw_keys Left && kw_type 'i' && kw_wait '^Filter: admin' &&
    kw_keys Enter && kw_wait '^Check your admin role' &&
    kw_keys Escape && kw_wait '^Filter: admin' &&
    kw_keys Escape Escape && kw_wait "^Key: $KEY"; then
	kw_ok "Left moves in the filter; back keeps the filter and the key"
else
	kw_fail "Left moves in the filter; back keeps the filter and the key"
fi

# 4: Home asks; at an outcome it starts no second call in this record
if to_errors 80 24 && kw_keys 9 && kw_wait '^Check your admin role' &&
    kw_keys Home && kw_wait '^Start again from the first step\?' &&
    kw_keys n && kw_wait '^Check your admin role' &&
    kw_keys Home && kw_wait '^Start again' && kw_keys y &&
    kw_wait '^Step 1: '; then
	kw_ok "Home asks before it throws the answers away"
else
	kw_fail "Home asks before it throws the answers away"
fi
if to_errors 80 24 && kw_keys 4 && kw_wait '^A new, unused key\?' &&
    kw_keys y && kw_wait '^Result: ' && kw_keys Home &&
    kw_wait 'A new call is a new run' && kw_wait '^Result: '; then
	kw_ok "Home at an outcome does not start a new call in the same record"
else
	kw_fail "Home at an outcome does not start a new call in the same record"
fi

# 5: nothing the caller said is thrown away
if to_errors 80 24 -o "$KW_TMP/other.md" &&
    kw_paste 'Error 0x8007232B: DNS name does not exist' &&
    kw_wait 'Enter takes 10\) with it' && kw_keys Enter &&
    kw_wait '^Step 3: ' && kw_keys C-n && kw_wait '^A note for the record' &&
    kw_type 'caller on a train' && kw_keys Enter &&
    kw_wait '^= Note added' && kw_keys F10 && kw_wait '^Quit before' &&
    kw_keys y && kw_wait '^\[exit 1\]' &&
    grep -q '^- Text given: Error 0x8007232B: DNS name does not exist' \
    "$KW_TMP/other.md" && grep -q 'caller on a train' "$KW_TMP/other.md"
then
	kw_ok "another message keeps the pasted text; a note at any step"
else
	kw_fail "another message keeps the pasted text; a note at any step"
fi

kw_start 80 24 --lang en && kw_wait '^Step 1: '
kw_keys F10 && kw_wait '^\[exit 1\]'
kw_check "quitting before an outcome prints no summary" \
    eval '! kw_screen | grep -q "^keywiz: "'
# 8: ten answers: 1 waits a moment for a second digit, then takes 1
if to_errors 80 24 && kw_wait '1-10 number' && kw_keys 1 &&
    kw_wait '^Home or business key\?'; then
	kw_ok "10 answers: 1 alone takes answer 1 after a moment"
else
	kw_fail "10 answers: 1 alone takes answer 1 after a moment"
fi
if to_errors 80 24 && kw_keys 1 0 && kw_wait '^Capture what happens'
then
	kw_ok "10 answers: 1 then 0 takes answer 10"
else
	kw_fail "10 answers: 1 then 0 takes answer 10"
fi
if to_errors 80 24 && kw_keys 1 4 && kw_wait '^A new, unused key\?' &&
    ! kw_screen | grep -q 'no answer 14'; then
	kw_ok "10 answers: 1 then 4 takes answer 4"
else
	kw_fail "10 answers: 1 then 4 takes answer 4"
fi

# 9: help and quit without function keys, where letters are typed too
if kw_start 80 24 --lang en && kw_wait '^Step 1: ' &&
    kw_wait '\^O help  \^X quit' && kw_keys C-o && kw_wait '^Keys' &&
    kw_keys x && kw_wait '^Step 1: ' && kw_type 'BCD' && kw_keys C-x &&
    kw_wait '^Quit before an outcome\?' && kw_keys C-x &&
    kw_wait '^\[exit 1\]'; then
	kw_ok "Ctrl-O helps and Ctrl-X quits on the key screen"
else
	kw_fail "Ctrl-O helps and Ctrl-X quits on the key screen"
fi

# 6: copy says what it did, and offers a file and the end
if kw_run 80 24 sh -c "\"cd '$KW_TMP' && exec '$KEYWIZ' --lang en\"" &&
    kw_wait '^Step 1: ' && kw_keys "$KEY" Enter &&
    kw_wait '^The error message' && kw_keys 4 &&
    kw_wait '^A new, unused key\?' && kw_keys y && kw_wait '^Result: ' &&
    kw_keys c && kw_wait '^Sent to the terminal as OSC 52' &&
    kw_wait 'set-clipboard on' && kw_keys w &&
    kw_wait '^= Ticket summary written to keywiz-ticket-' &&
    ls "$KW_TMP"/keywiz-ticket-*.md >/dev/null 2>&1 &&
    grep -q '^## Outcome' "$KW_TMP"/keywiz-ticket-*.md &&
    kw_keys p && kw_wait 'will be printed when keywiz ends' &&
    kw_keys Enter && kw_wait '^\[exit 0\]' && kw_wait 'Outcome acknowledged'; then
	kw_ok "copy says what it did; w writes the ticket, p prints it at the end"
else
	kw_fail "copy says what it did; w writes the ticket, p prints it at the end"
fi

# 10: at 40x12 the key's verdict, a question's last answer and the start
# of a step's instructions are in sight (an invalid key goes on to the
# check of its characters)
if kw_start 40 12 --lang fr && kw_wait '^Étape 1 : ' &&
    kw_paste 'BCDFG-HJKMP-QRTVW-XY234-6789O' &&
    kw_wait '^! Clé non valide' && kw_keys Enter &&
    kw_wait '^Comparez la clé saisie' &&
    kw_start 40 12 --lang fr && kw_wait '^Étape 1 : ' &&
    kw_paste "$KEY" && kw_wait '^= ' && kw_keys Enter &&
    kw_wait '^Étape 2 : ' && kw_keys 4 && kw_wait '^> o\) Oui' &&
    kw_wait '^  n\) Non' && kw_keys Escape && kw_wait '^Étape 2 : ' &&
    kw_keys 9 && kw_wait '^Vérifiez votre rôle d’administrateur'; then
	kw_ok "40x12: the key's verdict, n) Non, the start of a step in sight"
else
	kw_fail "40x12: the key's verdict, n) Non, the start of a step in sight"
fi

# 13: a second -o is a usage error, and nothing is written
"$KEYWIZ" --plain -o "$KW_TMP/a.md" -o "$KW_TMP/b.md" </dev/null \
    >"$KW_TMP/out" 2>&1
st=$?
if [ "$st" -eq 64 ] && grep -q 'given twice' "$KW_TMP/out" &&
    [ ! -e "$KW_TMP/a.md" ] && [ ! -e "$KW_TMP/b.md" ]; then
	kw_ok "a second -o is a usage error (64), nothing written"
else
	kw_fail "a second -o is a usage error (64), nothing written" "exit $st"
fi
# 12: practice that measures: an unknown scenario lists the valid ones;
# the record says it was practice, with the scenario and the score
"$KEYWIZ" --plain --practice --scenario nope </dev/null >"$KW_TMP/out" 2>&1
st=$?
if [ "$st" -eq 64 ] && grep -q "no scenario 'nope'.*its scenarios: consumer-family-key, " "$KW_TMP/out"
then
	kw_ok "an unknown scenario lists the valid ones (64)"
else
	kw_fail "an unknown scenario lists the valid ones (64)" "exit $st"
fi
printf '%s\n\nask\n1\ny\n\n' "$KEY" | "$KEYWIZ" --plain --lang en --practice \
    --scenario consumer-family-key -o "$KW_TMP/practice.md" >"$KW_TMP/out" 2>&1
if grep -q 'Practice call, scenario consumer-family-key' "$KW_TMP/practice.md" &&
    grep -q 'Practice score: 98/100 (3 of 3 answers' \
    "$KW_TMP/practice.md"; then
	kw_ok "the record says it was practice, the scenario, the score"
else
	kw_fail "the record says it was practice, the scenario, the score"
fi
kw_done
