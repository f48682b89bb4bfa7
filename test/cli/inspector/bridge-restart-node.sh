#!/bin/bash
# The same restart test with Node as the app's runtime: the bridge alone
# (runs in the ASan build too, where devrun-js is not built).
command -v node >/dev/null 2>&1 || { echo "SKIP: node not available"; exit 77; }
INSPECT_RUNTIME=$(command -v node) exec bash "$(dirname "$0")/04-bridge-restart.sh"
