#!/bin/sh
# SPDX-License-Identifier: MIT
# walk.sh - the curses front end: whole calls to an outcome, in English and French
# shellcheck source=tests/lib.sh
# shellcheck disable=SC1112 # French text: typographic apostrophes
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 10

KEY=BCDFG-HJKMP-QRTVW-XY234-6789B

# start, paste the key, reach the error list: start_call COLS LINES LANG
start_call() {
	kw_start "$1" "$2" --lang "$3" &&
	    kw_wait "$4" &&
	    kw_paste "$KEY" &&
	    kw_wait "$KEY" &&
	    kw_keys Enter &&
	    kw_wait "$5"
}

# 5: "already been used" -> check -> used in org? no -> bought via partner?
# no -> the seller, the date (checked as typed), the order -> the reseller,
# with the message to send filled in
if start_call 80 24 en '^Step 1: ' '^The error message' &&
    kw_keys 5 && kw_wait '^Find out who used it' &&
    kw_keys Enter && kw_wait '^> y\) Yes' &&
    kw_keys n && kw_wait '^Bought through a partner\?' &&
    kw_keys n && kw_wait '^Who sold it' &&
    kw_type 'Contoso Shop' && kw_wait '^> Contoso Shop' &&
    kw_keys Enter && kw_wait '^Date of purchase' &&
    kw_type '2026-13' && kw_wait '^! Not a date: write it as YYYY-MM-DD' &&
    kw_keys BSpace BSpace && kw_type '10-01' &&
    kw_wait '^> 2026-10-01' && kw_gone '^! Not a date' &&
    kw_keys Enter && kw_wait '^Order number' &&
    kw_type 'INV-4711' && kw_keys Enter &&
    kw_wait '^Contact the reseller' &&
    kw_wait '^Result: Contact someone' &&
    kw_wait '^Who to contact: Contoso Shop, the reseller the key was bought' &&
    kw_wait '^What to tell them: "The key ending in 6789B, bought from you on' &&
    kw_wait '\(order INV-4711\), is refused with the message: This product' &&
    kw_wait 'Key: XXXXX-XXXXX-XXXXX-XXXXX-6789B' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "en: already used -> fields typed -> contact the reseller, exit 0"
else
	kw_fail "en: already used -> fields typed -> contact the reseller, exit 0"
fi

# 6: "can't process" -> wait 15 min (countdown) -> still failing
if start_call 80 24 en '^Step 1: ' '^The error message' &&
    kw_keys 6 && kw_wait '^Time left: 1[45]:[0-5][0-9] \(until [0-2][0-9]:[0-5][0-9]\)' &&
    kw_keys 2 && kw_wait '^! The wait is not over: 1[45]:[0-5][0-9] left' &&
    kw_keys 3 && kw_wait '^Contact Microsoft support' &&
    kw_wait '^Waited 0 min of the 15 asked; it had failed for longer' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "en: can't process -> countdown, not over -> skip -> support"
else
	kw_fail "en: can't process -> countdown, not over -> skip -> support"
fi

# 9: "must be a global or billing admin" -> check roles -> not listed
if start_call 80 24 en '^Step 1: ' '^The error message' &&
    kw_keys 9 && kw_wait '^Check your admin role' &&
    kw_keys Space && kw_wait '^> \[x\] 1\. ' &&
    kw_keys Enter && kw_wait '^Are you listed\?' &&
    kw_keys Down Enter && kw_wait '^Ask an admin' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "en: not an admin -> tick, arrows+Enter -> ask an admin"
else
	kw_fail "en: not an admin -> tick, arrows+Enter -> ask an admin"
fi

# 4: "expired" -> a new key? yes
if start_call 80 24 en '^Step 1: ' '^The error message' &&
    kw_keys 4 && kw_wait '^A new, unused key\?' &&
    kw_keys y && kw_wait '^Use the new key' &&
    kw_wait '^Result: Resolved'; then
	kw_ok "en: expired -> new key -> resolved"
else
	kw_fail "en: expired -> new key -> resolved"
fi

# c copies the ticket summary (OSC 52, kept by tmux): the Markdown record
kw_tmux delete-buffer 2>/dev/null
if kw_keys c && kw_wait '^Sent to the terminal as OSC 52; tmux keeps it' &&
    kw_tmux show-buffer > "$KW_TMP/copied.md" &&
    head -1 "$KW_TMP/copied.md" | grep -q '^# Problems with your Microsoft 365' &&
    grep -q '^## Outcome' "$KW_TMP/copied.md" &&
    grep -q '^- Result: Resolved' "$KW_TMP/copied.md" &&
    grep -q 'XXXXX-XXXXX-XXXXX-XXXXX-6789B' "$KW_TMP/copied.md" &&
    tr -s '\n ' '  ' < "$KW_TMP/copied.md" |
    grep -q 'the old key, ending in 6789B, was replaced' &&
    ! grep -q '{key' "$KW_TMP/copied.md" &&
    ! grep -q 'BCDFG' "$KW_TMP/copied.md" &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "en: c sends the Markdown record as OSC 52, the key masked, the text filled"
else
	kw_fail "en: c sends the Markdown record as OSC 52, the key masked, the text filled"
fi

# French: the same calls, o/n for yes/no
if start_call 80 24 fr '^Étape 1 : ' '^Le message d’erreur' &&
    kw_keys 5 && kw_wait '^Trouvez qui l’a utilisée' &&
    kw_keys Enter && kw_wait '^> o\) Oui' &&
    kw_keys n && kw_wait '^Acheté par un partenaire \?' &&
    kw_keys n && kw_wait '^Le vendeur' &&
    kw_type 'Boutique Contoso' && kw_keys Enter &&
    kw_wait '^Date d’achat' && kw_type '2026-10-01' && kw_keys Enter &&
    kw_wait '^Numéro de commande' && kw_type 'F-4711' && kw_keys Enter &&
    kw_wait '^Contactez le revendeur' &&
    kw_wait '^Résultat : Contacter quelqu’un' &&
    kw_wait '2026-10-01 \(commande F-4711\), est refusée avec le message' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "fr: déjà utilisée -> contactez le revendeur"
else
	kw_fail "fr: déjà utilisée -> contactez le revendeur"
fi

if start_call 80 24 fr '^Étape 1 : ' '^Le message d’erreur' &&
    kw_keys 9 && kw_wait '^Vérifiez votre rôle d’administrateur' &&
    kw_keys Enter && kw_wait '^Figurez-vous dans la liste \?' &&
    kw_keys n && kw_wait '^Demandez à un administrateur' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "fr: pas administrateur -> demandez à un administrateur"
else
	kw_fail "fr: pas administrateur -> demandez à un administrateur"
fi

if start_call 80 24 fr '^Étape 1 : ' '^Le message d’erreur' &&
    kw_keys 4 && kw_wait '^Une clé nouvelle et inutilisée \?' &&
    kw_keys o && kw_wait '^Utilisez la nouvelle clé' &&
    kw_wait '^Résultat : Résolu'; then
	kw_ok "fr: expirée -> o -> résolu"
else
	kw_fail "fr: expirée -> o -> résolu"
fi

# every line of a French screen is French: no English key names or words
EN='\<(Enter|Esc|Home|quit|back|help|search|finish|copy|Result|Key|Step)\>'
if kw_screen | grep -Eq "$EN"; then
	kw_fail "fr: the result screen has English words" \
	    "$(kw_screen | grep -E "$EN" | head -1)"
else
	kw_ok "fr: the result screen is entirely French"
fi

# French at 40x12: the same call fits
if start_call 40 12 fr '^Étape 1 : ' '^Étape 2 : ' &&
    kw_keys 6 && kw_wait 'Temps restant : 1[45]:' &&
    kw_keys 1 && kw_wait '^Étape 4 : ' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "fr 40x12: impossible de traiter -> attente -> ça marche"
else
	kw_fail "fr 40x12: impossible de traiter -> attente -> ça marche"
fi
kw_done
