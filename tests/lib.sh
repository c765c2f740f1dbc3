# SPDX-License-Identifier: MIT
# shellcheck shell=sh
# lib.sh - helpers for the tmux end-to-end tests (sourced)
#
# Like tmux's own regress/*.sh: a private server, a fixed size, send-keys,
# capture-pane, and polling instead of sleeps. Each test prints TAP.
#
#   . "$top_srcdir/tests/lib.sh"
#   kw_setup 4                      # the plan; skips (77) without tmux
#   kw_start 80 24 --lang fr        # keywiz in a fresh pane
#   kw_wait 'Étape 1'               # a pattern (grep -E) on the screen
#   kw_keys Enter                   # tmux send-keys arguments
#   kw_type 'alr'                   # typed one key at a time
#   kw_paste 'BCDFG-...'            # pasted all at once (bracketed)
#   kw_ok "what was checked"        # or kw_fail "what" "why"
#   kw_done                         # exits 0 or 1; the server goes

KW_TEST_N=0
KW_TEST_FAIL=0
KW_WAIT=${KW_WAIT:-10}		# seconds a screen may take to appear

kw_setup() {
	TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
	if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
		echo "1..0 # SKIP tmux not found"
		exit 77
	fi
	if [ -z "$KEYWIZ" ] || [ ! -x "$KEYWIZ" ]; then
		echo "1..0 # SKIP \$KEYWIZ is not set to the program"
		exit 77
	fi
	KW_SOCK=kwtest$$
	KW_TMP=$(mktemp -d "${TMPDIR:-/tmp}/kwtest.XXXXXX")
	KW_STATE=$KW_TMP/state
	mkdir -p "$KW_TMP/home"
	trap 'kw_cleanup' EXIT
	trap 'exit 1' INT TERM HUP
	echo "1..$1"
}

kw_cleanup() {
	"$TMUX_BIN" -L "$KW_SOCK" kill-server 2>/dev/null
	rm -rf "$KW_TMP"
}

kw_tmux() {
	"$TMUX_BIN" -L "$KW_SOCK" -f /dev/null "$@"
}

# A command (through sh) in the test pane, which is created the first time
# and respawned after: kw_run COLS LINES COMMAND. The pane stays after the
# command, showing "[exit N]". HOME and XDG_STATE_HOME are the test's own
# folders, and calls are not journaled unless the test sets KW_NO_JOURNAL
# empty (KW_STATE is the journal folder's parent).
kw_run() {
	cols=$1 lines=$2
	shift 2
	cmd="env TERM=${KW_TERM:-xterm-256color} LANG=C.UTF-8 LC_ALL= \
	    KEYWIZ_PATH='$KEYWIZ_PATH' KEYWIZ_LOCALEDIR='$KEYWIZ_LOCALEDIR' \
	    HOME='$KW_TMP/home' XDG_STATE_HOME='$KW_STATE' \
	    KEYWIZ_NO_JOURNAL=${KW_NO_JOURNAL-1} \
	    ${KW_ENV:-} $*; \
	    echo \"[exit \$?]\"; sleep 600"
	if kw_tmux has-session -t kw 2>/dev/null; then
		kw_tmux resize-window -t kw -x "$cols" -y "$lines" &&
		    kw_tmux respawn-pane -k -t kw "$cmd"
	else
		kw_tmux new-session -d -x "$cols" -y "$lines" -s kw "$cmd" &&
		    kw_tmux set-option -g set-clipboard on >/dev/null
	fi
}

# keywiz in the test pane: kw_start COLS LINES [OPTION]...
kw_start() {
	cols=$1 lines=$2
	shift 2
	kw_run "$cols" "$lines" "'$KEYWIZ' $*"
}

kw_keys() {
	kw_tmux send-keys -t kw "$@"
}

# Type text one key at a time, so that it reads as typing, not a paste.
kw_type() {
	s=$1
	while [ -n "$s" ]; do
		c=${s%"${s#?}"}
		s=${s#?}
		kw_tmux send-keys -t kw -l -- "$c"
		sleep 0.02
	done
}

# Paste text all at once (tmux's paste-buffer, bracketed).
kw_paste() {
	kw_tmux set-buffer -b kwpaste -- "$1"
	kw_tmux paste-buffer -p -d -b kwpaste -t kw
}

kw_screen() {
	kw_tmux capture-pane -p -t kw
}

# Wait until the screen matches an extended regular expression; on
# timeout, show the screen (as TAP comments) and return 1.
kw_wait() {
	i=0
	while [ $i -lt $((KW_WAIT * 20)) ]; do
		if kw_screen | grep -Eq -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# timed out waiting for: $1"
	kw_screen | sed 's/^/# | /'
	return 1
}

# Wait until the pattern has left the screen.
kw_gone() {
	i=0
	while [ $i -lt $((KW_WAIT * 20)) ]; do
		if ! kw_screen | grep -Eq -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# still on the screen: $1"
	kw_screen | sed 's/^/# | /'
	return 1
}

kw_ok() {
	KW_TEST_N=$((KW_TEST_N + 1))
	echo "ok $KW_TEST_N - $1"
}

kw_fail() {
	KW_TEST_N=$((KW_TEST_N + 1))
	KW_TEST_FAIL=1
	echo "not ok $KW_TEST_N - $1${2:+: $2}"
}

# kw_check "description" COMMAND...: ok when the command succeeds
kw_check() {
	what=$1
	shift
	if "$@"; then
		kw_ok "$what"
	else
		kw_fail "$what"
	fi
}

kw_done() {
	exit $KW_TEST_FAIL
}
