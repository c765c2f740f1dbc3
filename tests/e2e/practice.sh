#!/bin/sh
# SPDX-License-Identifier: MIT
# practice.sh - the curses front end in training: practice calls scored, reasons, branches not taken
# shellcheck source=tests/lib.sh
# shellcheck disable=SC1112 # French text: typographic apostrophes
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 14

SC=consumer-family-key
KEY=7P8GP-4JYT3-T72HB-JFBBW-4PGNQ	# the key the scenario's caller reads out

# the caller's card, then the first step: practice_start COLS LINES [OPTION]...
practice_start() {
	cols=$1 lines=$2
	shift 2
	kw_start "$cols" "$lines" --practice --scenario "$SC" "$@" &&
	    kw_wait '^(Practice call|Appel d’entraînement) ?:' &&
	    kw_wait "(: |^)$SC\$"
}

# the perfect walk, asking the caller at each step
if practice_start 80 24 --lang en &&
    kw_wait '^  A small-business owner: "I bought Microsoft 365 Family' &&
    kw_wait '^Enter go on '; then
	kw_ok "the caller's card comes first"
else
	kw_fail "the caller's card comes first"
fi

kw_keys Enter && kw_wait '^Step 1: '
if kw_wait '^Enter continue .* \^K ask caller' && kw_keys F3 &&
    kw_wait "^The caller reads out: $KEY\$"; then
	kw_ok "key screen: F3 asks the caller, who reads out the key"
else
	kw_fail "key screen: F3 asks the caller, who reads out the key"
fi

kw_paste "$KEY" && kw_wait "^Key: $KEY" && kw_keys Enter &&
    kw_wait '^The error message'
if kw_gone '^The caller reads out' && kw_keys F3 &&
    kw_wait '^The caller reads out: "Sorry, this is an invalid product key\.'; then
	kw_ok "error screen: the caller reads the message out verbatim"
else
	kw_fail "error screen: the caller reads the message out verbatim"
fi

kw_keys 1 Enter && kw_wait '^Home or business key\?'
if kw_wait 'a ask caller  \^R caller card' && kw_keys a &&
    kw_wait '^The caller says: Yes$'; then
	kw_ok "question: a asks the caller, who answers yes"
else
	kw_fail "question: a asks the caller, who answers yes"
fi

kw_keys y && kw_wait '^Result: Go elsewhere'
if kw_keys a && kw_wait '^The caller has nothing to add here\.$'; then
	kw_ok "outcome: the caller has nothing to add"
else
	kw_fail "outcome: the caller has nothing to add"
fi

if kw_keys F4 && kw_wait "^Practice call: $SC" && kw_keys Enter &&
    kw_wait '^Result: Go elsewhere'; then
	kw_ok "F4 shows the caller's card again, Enter returns"
else
	kw_fail "F4 shows the caller's card again, Enter returns"
fi

kw_keys Enter
# every answer right, less 2 points for each of the 4 steps asked about
if kw_wait '^Practice score: 92/100 \(3 of 3 answers right; outcome right; asked the caller' &&
    kw_wait '^about 4 steps, 2 points each\)\.' &&
    ! kw_screen | grep -Eq 'missed|not needed|answered|before an outcome' &&
    kw_wait '^Enter finish'; then
	kw_ok "the right walk scores 100, less what asking cost"
else
	kw_fail "the right walk scores 100, less what asking cost"
fi
kw_keys Enter
kw_check "a key leaves the score; exit 0" kw_wait '^\[exit 0\]'

# a wrong walk: "no" at the home-key question, on to another outcome
if practice_start 80 24 --lang en && kw_keys Enter && kw_wait '^Step 1: ' &&
    kw_paste "$KEY" && kw_wait "^Key: $KEY" && kw_keys Enter &&
    kw_wait '^The error message' && kw_keys 1 Enter &&
    kw_wait '^Home or business key\?' && kw_keys n &&
    kw_wait '^Check every character' && kw_keys Enter &&
    kw_wait '^Try again' && kw_keys y && kw_wait '^Result: Resolved' &&
    kw_keys Enter &&
    kw_wait '^Practice score: 40/100 \(2 of 3 answers right; outcome wrong\)\.' &&
    kw_wait '^  Expected outcome: Redeem it at office\.com/setup' &&
    kw_wait '^  - answered "No", expected "Yes": Home or business key\?' &&
    kw_wait '^    Why: Home keys cannot be redeemed' &&
    kw_wait '^  - not needed: Check every character'; then
	kw_ok "a wrong walk: answered no, expected yes, with the reasons"
else
	kw_fail "a wrong walk: answered no, expected yes, with the reasons"
fi
kw_keys Enter
kw_check "the wrong walk still ends at an outcome: exit 0" \
    kw_wait '^\[exit 0\]'

# French at 40x12: quitting early, the score scrolls
if practice_start 40 12 --lang fr && kw_keys Enter &&
    kw_wait '^Étape 1 : ' && kw_keys F3 &&
    kw_wait '^L’appelant lit :' && kw_wait "^$KEY" &&
    kw_paste "$KEY" && kw_keys Enter && kw_wait '^Étape 2 : ' &&
    kw_keys 1 Enter && kw_wait '^Étape 3 : ' && kw_keys a &&
    kw_wait '^L’appelant répond : Oui' && kw_keys n &&
    kw_wait '^Étape 4 : ' && kw_keys q && kw_wait '^o quitter' &&
    kw_keys o && kw_wait '^! Session terminée avant' &&
    kw_wait '^Score de l’entraînement : ' &&
    kw_keys PageDown PageDown PageDown PageDown &&
    kw_wait '^  - inutile : Vérifiez chaque caractère'; then
	kw_ok "fr 40x12: quit early, the score scrolls to every reason"
else
	kw_fail "fr 40x12: quit early, the score scrolls to every reason"
fi
kw_keys Enter
kw_check "quitting before an outcome exits 1" kw_wait '^\[exit 1\]'

# training: the reason for each step, the branches not taken at the end
if kw_start 80 24 --lang en --training && kw_wait '^Step 1: ' &&
    kw_wait '^Why: Many calls about a refused key are typing mistakes' &&
    kw_paste 'BCDFGHJKMPQRTVWXY2346789B' && kw_wait '^Key: BCDFG' &&
    kw_keys Enter && kw_wait '^The error message' && kw_keys 4 &&
    kw_wait '^A new, unused key\?' && kw_wait '^Why: ' && kw_keys y &&
    kw_wait '^Result: Resolved'; then
	kw_ok "training: every step shows its Why"
else
	kw_fail "training: every step shows its Why"
fi
if kw_wait '^Branches not taken:' &&
    kw_keys PageDown &&
    kw_wait '^  - at "The error message": The product key has already been used -> Find' &&
    kw_keys PageDown &&
    kw_wait '^  - at "A new, unused key\?": No -> The subscription to renew' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "training: the outcome lists the branches not taken"
else
	kw_fail "training: the outcome lists the branches not taken"
fi
kw_done
