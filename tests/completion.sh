#!/bin/sh
# SPDX-License-Identifier: MIT
# completion.sh - the bash completion (completion/keywiz, built) completes
# options, languages, formats and tree names; skipped without bash or
# bash-completion. Set KW_COMPLETION to test another (installed) file.
top=$(cd "${top_srcdir:-.}" && pwd)
file=${KW_COMPLETION:-$(cd "${top_builddir:-.}" && pwd)/completion/keywiz}
bc=
for f in /usr/share/bash-completion/bash_completion /etc/bash_completion; do
	[ -r "$f" ] && { bc=$f; break; }
done
if ! command -v bash >/dev/null 2>&1 || [ -z "$bc" ]; then
	echo "1..0 # SKIP bash or bash-completion is not installed"
	exit 0
fi
# shellcheck source=tests/tap.sh
. "$top/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwcomp.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/xdg" "$tmp/xdg/keywiz" "$tmp/cwd" "$tmp/sys" "$tmp/sys/keywiz" \
    "$tmp/cwd/keywiz" || exit 1
: >"$tmp/xdg/keywiz/my-own-tree.yaml"
: >"$tmp/sys/keywiz/system-tree.yaml"
: >"$tmp/cwd/keywiz/relative-tree.yaml"
: >"$tmp/cwd/local.yaml"
: >"$tmp/cwd/notes.txt"

# The completions of the command line $1 (the cursor at its end), one a
# line, sorted.
complete_line() {
	(cd "$tmp/cwd" && KEYWIZ_PATH="$top/wizard/examples" \
	    XDG_DATA_HOME="$tmp/xdg" bash --norc --noprofile -c '
		. "$1" && . "$2" || { echo "(cannot source $2)"; exit 1; }
		compopt() { :; }	# outside a real completion
		COMP_LINE=$3 COMP_POINT=${#3}
		# split as readline does: blanks, and = on its own word
		read -r -a COMP_WORDS <<<"${3//=/ = }"
		[[ $3 == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_keywiz keywiz "${COMP_WORDS[COMP_CWORD]}" \
			"${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"' sh "$bc" "$file" "$1") |
	    sort | tr '\n' ' ' | sed 's/ $//'
}
is() {
	got=$(complete_line "$1")
	[ "$got" = "$2" ] || echo "'$1': got '$got', want '$2'"
}

echo "1..9"
t "options" "$(is 'keywiz --gu' '--guide')$(is 'keywiz --fo' '--format=')"
t "languages" "$(is 'keywiz --lang ' 'en fr')$(is 'keywiz --lang=f' 'fr')$(is 'keywiz -l e' 'en')"
t "the guide's formats" "$(is 'keywiz --guide --format=' 'html markdown')"
t "the report's options and formats" \
	"$(is 'keywiz --rep' '--report')$(is 'keywiz --report --format=' 'csv json text')$(is 'keywiz --report --format ' 'csv json text')"
t "tree names from \$KEYWIZ_PATH and the user's folder" \
	"$(is 'keywiz print' 'printer-not-printing')$(is 'keywiz my' 'my-own-tree')"
t "tree names from each absolute \$XDG_DATA_DIRS folder's keywiz" \
	"$(export XDG_DATA_DIRS="$tmp/cwd/..:.:$tmp/sys"; is 'keywiz sys' 'system-tree'; is 'keywiz rel' '')"
t "the team's options" "$(is 'keywiz --rec' '--records=')$(is 'keywiz --pi' '--pick')$(is 'keywiz --on' '--on-end=')"
t "tree files in the current folder" "$(is 'keywiz loc' 'local.yaml')$(is 'keywiz not' '')"
t "nothing for a key or a text" "$(is 'keywiz --check-key ' '')$(is 'keywiz --match ' '')"
exit $tap_fail
