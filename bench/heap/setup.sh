#!/bin/bash
# setup.sh — installs the reference tools for devrun-heap's cross-checks and
# benchmarks into bench/heap/node_modules (git-ignored, never committed):
#   - memlab (@memlab/heap-analysis, @memlab/core): getFullHeapFromFile
#   - Chrome DevTools' heap-snapshot worker (npm chrome-devtools-frontend,
#     pinned), bundled with esbuild around test/heap/devtools-figures.ts into
#     node_modules/.devtools/devtools-figures.mjs
# Needs node and npm with registry access.  Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
DEVTOOLS_VERSION=${DEVTOOLS_VERSION:-1.0.1705227}
cd "$here"
[ -f package.json ] || echo '{"name":"devrun-heap-bench","private":true}' > package.json
if [ ! -d node_modules/@memlab/heap-analysis ] || [ ! -x node_modules/.bin/esbuild ]; then
  # memlab pulls in puppeteer; its browser download is neither needed nor allowed here
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --ignore-scripts --no-save \
    @memlab/core @memlab/heap-analysis esbuild >/dev/null
  # esbuild's binary comes from an optional platform package; nothing to run
fi
dt=node_modules/.devtools
if [ ! -f "$dt/devtools-figures.mjs" ]; then
  rm -rf "$dt" && mkdir -p "$dt"
  (cd "$dt" && npm pack --silent "chrome-devtools-frontend@$DEVTOOLS_VERSION" >/dev/null &&
     tar xzf chrome-devtools-frontend-*.tgz --strip-components=1 package/front_end && rm -f ./*.tgz)
  # i18n's generated locale table is not in the package; DevTools falls back to en-US
  printf '%s\n' "export const LOCALES=['en-US'];export const BUNDLED_LOCALES=['en-US'];" \
    "export const DEFAULT_LOCALE='en-US';export const REMOTE_FETCH_PATTERN='';export const LOCAL_FETCH_PATTERN='';" \
    > "$dt/front_end/core/i18n/locales.ts"
  # Node 20 lacks Promise.withResolvers, which DevTools uses
  echo 'if (!Promise.withResolvers) Promise.withResolvers = function () { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return {promise, resolve, reject}; };' > "$dt/polyfill.js"
  cp "$root/test/heap/devtools-figures.ts" "$dt/devtools-figures.ts"
  node_modules/.bin/esbuild "$dt/devtools-figures.ts" --bundle --platform=node --format=esm \
    --inject:"$dt/polyfill.js" --outfile="$dt/devtools-figures.mjs" --log-level=error
fi
echo "reference tools ready in $here/node_modules"
