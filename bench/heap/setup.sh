#!/bin/bash
# setup.sh — installs the reference tools for devrun-heap's cross-checks and
# benchmarks into bench/heap/node_modules (git-ignored, never committed):
#   - memlab (@memlab/heap-analysis, @memlab/core, @memlab/api):
#     getFullHeapFromFile, findLeaksBySnapshotFilePaths
#   - typescript, whose compiler makes the real-program benchmark heap
#   - Chrome DevTools' heap-snapshot worker (npm chrome-devtools-frontend,
#     pinned), bundled with esbuild around test/heap/devtools-figures.ts into
#     node_modules/.devtools/devtools-figures.mjs
# Needs node and npm with registry access.  Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
DEVTOOLS_VERSION=${DEVTOOLS_VERSION:-1.0.1705227}
cd "$here"
if [ ! -d node_modules/@memlab/api ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/typescript ]; then
  # package.json lists memlab, esbuild and typescript (the benchmark's
  # real-program heap).  memlab pulls in puppeteer, whose browser download
  # is neither needed nor wanted: no install scripts (esbuild's binary comes
  # from its optional platform package).
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --ignore-scripts --no-package-lock >/dev/null
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
