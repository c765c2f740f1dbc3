#!/bin/sh
# SPDX-License-Identifier: MIT
# schema.sh - keywiz-tree.schema.json validates the shipped trees and the
# good fixtures and rejects the bad trees it can tell (tests/schema.py;
# skipped without python3-jsonschema and python3-yaml)
: "${srcdir:=.}"
if ! python3 -c 'import jsonschema, yaml' >/dev/null 2>&1; then
	echo "1..0 # SKIP python3-jsonschema or python3-yaml is not installed"
	exit 0
fi
exec python3 "$srcdir/tests/schema.py" "$srcdir"
