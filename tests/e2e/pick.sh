#!/bin/sh
# SPDX-License-Identifier: MIT
# pick.sh - the pick screen (--pick, or `pick: true` in the configuration)
# in a terminal: filter, choose, run the tree; quit; the plain one on a
# dumb terminal
# shellcheck source=tests/lib.sh
# shellcheck disable=SC1112 # French text: typographic apostrophes
. "${top_srcdir:-.}/tests/lib.sh"
kw_setup 6

fx=$(cd "${top_srcdir:-.}" && pwd)/tests/fixtures/team
mkdir -p "$KW_TMP/config/keywiz"
KW_ENV="XDG_DATA_HOME='$fx/user' XDG_DATA_DIRS='$fx/sys1:$fx/sys2' \
    XDG_CONFIG_HOME='$KW_TMP/config' XDG_CONFIG_DIRS='$KW_TMP/none'"

if kw_start 80 24 --pick --lang en &&
    kw_wait '^Choose the tree of the call' &&
    kw_wait '^  - The VPN does not connect' &&
    kw_type 'vpn' && kw_wait '^Filter: vpn' &&
    kw_gone 'printer-not-printing' &&
    kw_keys Enter && kw_wait '^Did you restart the VPN client\?' &&
    kw_keys y && kw_wait '^Who to contact: Network team' &&
    kw_keys Enter && kw_wait '^\[exit 0\]'; then
	kw_ok "80x24 en: type a filter, Enter runs the tree to its outcome"
else
	kw_fail "80x24 en: type a filter, Enter runs the tree to its outcome"
fi

if kw_start 80 24 --pick --lang en &&
    kw_wait '^Choose the tree of the call' &&
    kw_type 'zz' && kw_wait "^! No tree's name or title" &&
    kw_keys Escape && kw_wait '^Type to filter by name or title' &&
    kw_keys C-x && kw_wait '^\[exit 1\]'; then
	kw_ok "Esc clears the filter; Ctrl-X quits the pick with status 1"
else
	kw_fail "Esc clears the filter; Ctrl-X quits the pick with status 1"
fi

# type-ahead: an Enter typed before the list was drawn runs no tree (it
# is typed while a shell sleeps before keywiz starts)
kw_run 80 24 "sh -c 'sleep 1; exec \"\$0\" --pick --lang en' '$KEYWIZ'"
kw_keys Enter
if kw_wait '^Choose the tree of the call' && sleep 1 &&
    kw_wait '^Type to filter by name or title' &&
    ! kw_screen | grep -q '^\[exit' &&
    kw_keys Enter && kw_wait '^Step 1: '; then
	kw_ok "an Enter typed before the list was drawn runs no tree"
else
	kw_fail "an Enter typed before the list was drawn runs no tree"
fi

printf 'pick: true\nlanguage: fr\n' >"$KW_TMP/config/keywiz/config.yaml"
if kw_start 40 12 &&
    kw_wait '^Choisissez l’arbre de l’appel' &&
    kw_keys Down Down && kw_wait '^> - Le VPN ne se connecte pas' &&
    kw_keys Enter && kw_wait 'Avez-vous redémarré le client' &&
    kw_keys F10 && kw_wait '^\[exit 1\]'; then
	kw_ok "40x12 fr, pick: true in the configuration: arrows and Enter"
else
	kw_fail "40x12 fr, pick: true in the configuration: arrows and Enter"
fi

if kw_start 80 24 --pick --lang en &&
    kw_wait '^Choose the tree of the call' &&
    kw_tmux resize-window -t kw -x 40 -y 12 &&
    kw_wait '^Enter runs the tree under the cursor|^runs the tree under' &&
    kw_tmux resize-window -t kw -x 30 -y 10 &&
    kw_wait '^! Terminal too small' &&
    kw_tmux resize-window -t kw -x 80 -y 24 &&
    kw_wait '^Type to filter by name or title; Enter runs the tree' &&
    kw_keys F10 && kw_wait '^\[exit 1\]'; then
	kw_ok "the pick follows the terminal's size, too small included"
else
	kw_fail "the pick follows the terminal's size, too small included"
fi

rm -f "$KW_TMP/config/keywiz/config.yaml"
if KW_TERM=dumb kw_start 80 24 --pick --lang en &&
    kw_wait '^Choose the tree of the call:' &&
    kw_wait '^\[1-[0-9]+, text, q quit, \? help\]>' &&
    kw_keys 'vpn' Enter && kw_wait '^Trees matching "vpn":' &&
    kw_keys 1 Enter && kw_wait '^Did you restart the VPN client\?' &&
    kw_keys q Enter && kw_wait '^\[exit 1\]'; then
	kw_ok "TERM=dumb: the plain pick, words narrow, a number runs"
else
	kw_fail "TERM=dumb: the plain pick, words narrow, a number runs"
fi
kw_done
