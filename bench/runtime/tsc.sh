#!/usr/bin/env bash
# bench/runtime/tsc.sh — TypeScript's tsc compiling a fixed project with
# devrun-js against Node 20, in one run.
#
#   bench/runtime/tsc.sh [RUNS] [MODULES]   (default 7 runs of each, 40 modules)
#   DEVRUN_JS=build-foo/bin/devrun-js bench/runtime/tsc.sh
#
# Uses the typescript pinned by the real-program suite (installed with
# test/realworld/setup, run here if needed).  The project is generated the
# same every time: MODULES .ts files, each with interfaces, a discriminated
# union, a generic class and functions that import from the module before it,
# compiled with strict checking and declaration output (tsconfig below), plus
# test/realworld/cases/tsc-project.  Each run is a whole `tsc -p` process
# (start-up, loading typescript.js, type-checking, emitting), timed by bash's
# `time`: wall clock, and CPU time (user + system of all its threads, GC
# included), which a busy machine disturbs less; runs of devrun-js and node
# are interleaved so machine noise hits both alike.  The medians (seconds,
# lower is better) and the ratios devrun-js / node (below 1: devrun-js is
# faster) are printed.  The files each runtime
# emits are compared: a difference fails the benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
MODULES=${2:-40}
DR=${DEVRUN_JS:-build/bin/devrun-js}
[ -x "$DR" ] || { echo "tsc.sh: build first (make build) or set DEVRUN_JS" >&2; exit 1; }
DR=$(cd "$(dirname "$DR")" && pwd)/$(basename "$DR")
NODE=$(command -v node || true)
[ -n "$NODE" ] || { echo "tsc.sh: node (the reference) is not installed" >&2; exit 1; }
test/realworld/setup >/dev/null || { echo "tsc.sh: cannot install typescript (test/realworld/setup)" >&2; exit 1; }
TSC=$PWD/test/realworld/node_modules/typescript/bin/tsc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() { # gen DIR: the fixed project
  mkdir -p "$1/src"
  cp -r test/realworld/cases/tsc-project/src "$1/src/base"
  cat > "$1/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2019", "module": "commonjs", "strict": true,
    "declaration": true, "sourceMap": true, "outDir": "out",
    "rootDir": "src", "types": [], "newLine": "lf"
  },
  "include": ["src"]
}
JSON
  for ((i = 0; i < MODULES; i++)); do
    {
      if ((i > 0)); then
        echo "import { Store$((i - 1)), Event$((i - 1)), reduce$((i - 1)) } from \"./m$((i - 1))\";"
      else
        echo "import { area, Kind } from \"./base/shapes\";"
      fi
      cat <<TS
export interface Item$i { id: number; name: string; tags: readonly string[]; meta?: Record<string, unknown> }
export type Event$i =
  | { type: "add"; item: Item$i }
  | { type: "remove"; id: number }
  | { type: "rename"; id: number; name: string };
export class Store$i<T extends Item$i = Item$i> {
  private readonly items = new Map<number, T>();
  apply(e: Event$i & { item?: T }): this {
    switch (e.type) {
      case "add": this.items.set(e.item.id, e.item as T); break;
      case "remove": this.items.delete(e.id); break;
      case "rename": { const it = this.items.get(e.id); if (it) it.name = e.name; break; }
    }
    return this;
  }
  find<K extends keyof T>(key: K, value: T[K]): T | undefined {
    for (const it of this.items.values()) if (it[key] === value) return it;
    return undefined;
  }
  get size(): number { return this.items.size; }
}
export function reduce$i(events: Event$i[]): Store$i {
  return events.reduce((s, e) => s.apply(e), new Store$i());
}
export const names$i = <T extends { name: string }>(xs: T[]): string[] => xs.map((x) => x.name.toUpperCase());
TS
      if ((i > 0)); then
        echo "export const chained$i = (e: Event$((i - 1))[]): number => reduce$((i - 1))(e).size + new Store$((i - 1))().size;"
      else
        echo "export const chained$i = area({ kind: Kind.Square, side: 2 });"
      fi
    } > "$1/src/m$i.ts"
  done
}
gen "$tmp/proj"

# One check run each (also the output comparison).
cp -r "$tmp/proj" "$tmp/dr" && cp -r "$tmp/proj" "$tmp/node"
(cd "$tmp/dr" && "$DR" "$TSC" -p .) || { echo "tsc.sh: devrun-js tsc failed" >&2; exit 1; }
(cd "$tmp/node" && "$NODE" "$TSC" -p .) || { echo "tsc.sh: node tsc failed" >&2; exit 1; }
diff -r "$tmp/dr/out" "$tmp/node/out" >/dev/null || { echo "tsc.sh: devrun-js and node emitted different files" >&2; exit 1; }
nfiles=$(find "$tmp/node/out" -type f | wc -l)

: > "$tmp/dr.txt"
: > "$tmp/node.txt"
TIMEFORMAT='%R %U %S'
for ((r = 0; r < RUNS; r++)); do
  for rt in dr node; do
    bin=$DR; [ $rt = node ] && bin=$NODE
    rm -rf "$tmp/$rt/out"
    { time (cd "$tmp/$rt" && "$bin" "$TSC" -p . >/dev/null) ; } 2>> "$tmp/$rt.txt"
  done
done
# Column 1: wall seconds; column 2: CPU seconds (user + system, all threads).
med() { awk -v c="$2" '{print (c == 1) ? $1 : $2 + $3}' "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v d="$1" -v n="$2" 'BEGIN {printf "%.2f", d / n}'; }
dw=$(med "$tmp/dr.txt" 1); nw=$(med "$tmp/node.txt" 1)
dc=$(med "$tmp/dr.txt" 2); nc=$(med "$tmp/node.txt" 2)
echo "tsc -p (typescript $("$NODE" -p "require('$TSC/../../package.json').version"), $MODULES generated modules + tsc-project, $nfiles files emitted, identical), median of $RUNS runs; devrun-js: $DR, node: $($NODE --version)"
printf '%-22s %10s %10s %8s\n' measure devrun-js node ratio
printf '%-22s %10s %10s %8s\n' "wall seconds" "$dw" "$nw" "$(ratio "$dw" "$nw")"
printf '%-22s %10s %10s %8s\n' "CPU seconds (u+s)" "$dc" "$nc" "$(ratio "$dc" "$nc")"
echo "all runs (wall user sys): devrun-js $(paste -sd, "$tmp/dr.txt") | node $(paste -sd, "$tmp/node.txt")"
