#!/bin/sh
# SPDX-License-Identifier: MIT
# privacy.sh - the full-screen front end: a full key pasted at the key
# screen, pasted with the error message and in a note, typed in a note,
# never reaches the record (JSON and Markdown) nor anything under $HOME
# shellcheck source=tests/lib.sh
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 6

KEY=BCDFG-HJKMP-QRTVW-XY234-6789B
MASKED=XXXXX-XXXXX-XXXXX-XXXXX-6789B
LEAK='bcdfg|hjkmp|qrtvw|xy234'
home=$KW_TMP/home
mkdir -p "$home"
KW_ENV="HOME='$home' XDG_STATE_HOME='$home/.local/state' \
    XDG_DATA_HOME='$home/.local/share' XDG_CONFIG_HOME='$home/.config' \
    XDG_CACHE_HOME='$home/.cache'"

for rec in rec.json rec.md; do
	kw_start 80 24 --lang en -o "'$home/$rec'"
	kw_wait '^Key: *$' && kw_paste "$KEY" && kw_wait '^Key: BCDFG' &&
	    kw_keys Enter && kw_wait '^The error message' &&
	    kw_paste "The product key you entered isn't valid. $KEY" &&
	    kw_wait 'Enter takes it' && kw_keys Enter &&
	    kw_wait 'Home or business' && kw_keys y &&
	    kw_wait 'office.com/setup' && kw_keys n &&
	    kw_wait 'A note for the record' &&
	    kw_type 'read out as bcdfg hjkmp qrtvw xy234 6789b' &&
	    kw_wait 'xy234 6789b' && kw_keys Enter && kw_wait 'Note added' &&
	    kw_keys n && kw_wait 'A note for the record' &&
	    kw_paste "$KEY" && kw_keys Enter && kw_wait 'Note added' &&
	    kw_keys Enter
	kw_check "$rec: the session reaches its outcome" kw_wait '^\[exit 0\]'
	n=$(grep -c -- "$MASKED" "$home/$rec" 2>/dev/null)
	if [ "${n:-0}" -ge 3 ]; then
		kw_ok "$rec: the notes and the pasted message hold the key masked"
	else
		kw_fail "$rec: the notes and the pasted message hold the key masked" \
		    "${n:-0} masked keys"
	fi
done
leaks=$(grep -rliE "$LEAK" "$home" 2>&1)
if [ -z "$leaks" ]; then
	kw_ok "nothing under \$HOME holds the key"
else
	kw_fail "nothing under \$HOME holds the key" "$leaks"
	grep -rniE "$LEAK" "$home" | head -n 10 | sed 's/^/# /'
fi
if [ -f "$home/rec.json" ] && [ -f "$home/rec.md" ]; then
	kw_ok "both records written"
else
	kw_fail "both records written" "$(ls "$home")"
fi
kw_done
