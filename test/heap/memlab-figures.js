#!/usr/bin/env node
// memlab-figures.js — the reference figures devrun-heap is checked against.
//
//   node memlab-figures.js SNAPSHOT OUT.json
//
// Loads SNAPSHOT with memlab (getFullHeapFromFile: memlab's own parser and
// its Lengauer–Tarjan dominator tree, ported from DevTools), then
// aggregates per class with DevTools' Summary rules (count and shallow size
// over nodes with self size > 0; retained size over the topmost
// instance on each dominator-tree path) and prints
//   {"classes": [{"name", "count", "self_size", "retained_size"}, ...],
//    "total_size": ..., "nodes": ..., "top_retained": [[id, retained], ...]}
// in the order of `devrun-heap summary --json --rules=memlab`.  Needs
// @memlab/heap-analysis in NODE_PATH (bench/heap/setup-memlab.sh installs it
// outside git).
'use strict';
const path = require('path');
const { getFullHeapFromFile } = require('@memlab/heap-analysis');

function className(node) {
  switch (node.type) {
    case 'hidden': return '(system)';
    case 'object': case 'native': return node.name;
    case 'code': return '(compiled code)';
    default: return '(' + node.type + ')';
  }
}

async function main() {
  const file = process.argv[2];
  const out = process.argv[3];
  if (!file || !out) { console.error('usage: memlab-figures.js SNAPSHOT OUT.json'); process.exit(2); }
  const heap = await getFullHeapFromFile(path.resolve(file));
  const n = heap.nodes.length;
  const cls = new Array(n), self = new Float64Array(n), ret = new Float64Array(n);
  const counted = new Uint8Array(n), dom = new Int32Array(n), ids = new Float64Array(n);
  heap.nodes.forEach(node => {
    const o = node.nodeIndex;
    cls[o] = className(node);
    self[o] = node.self_size;
    ret[o] = node.retainedSize;
    ids[o] = node.id;
    counted[o] = node.self_size !== 0 ? 1 : 0;
    const d = node.dominatorNode;
    dom[o] = d ? d.nodeIndex : 0;
  });
  const agg = new Map();
  for (let o = 0; o < n; o++) {
    if (!counted[o]) continue;
    let a = agg.get(cls[o]);
    if (!a) agg.set(cls[o], a = { name: cls[o], count: 0, self_size: 0, retained_size: 0 });
    a.count++; a.self_size += self[o];
  }
  // children lists of the dominator tree
  const first = new Uint32Array(n + 1), kids = new Uint32Array(n);
  for (let o = 1; o < n; o++) first[dom[o] + 1]++;
  for (let i = 0; i < n; i++) first[i + 1] += first[i];
  const cur = first.slice();
  for (let o = 1; o < n; o++) kids[cur[dom[o]]++] = o;
  // DFS with "class already on the path" markers
  const onPath = new Map();
  const stack = [[0, 0]];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [o, state] = top;
    if (state === 0) {
      top[1] = 1;
      const c = cls[o];
      top[2] = false;
      if (counted[o] && !onPath.get(c)) {
        agg.get(c).retained_size += ret[o];
        onPath.set(c, true); top[2] = true;
      }
      for (let i = first[o]; i < first[o + 1]; i++) stack.push([kids[i], 0]);
      continue;
    }
    stack.pop();
    if (top[2]) onPath.set(cls[o], false);
  }
  const classes = [...agg.values()].sort((x, y) =>
    y.retained_size - x.retained_size || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const order = [...Array(n).keys()].filter(o => o !== 0)
    .sort((x, y) => ret[y] - ret[x] || ids[x] - ids[y]).slice(0, 50);
  require('fs').writeFileSync(out, JSON.stringify({
    nodes: n, total_size: ret[0], classes,
    top_retained: order.map(o => [ids[o], ret[o]]),
  }) + '\n');
  process.exit(0);
}
main().catch(e => { console.error(e); process.exit(1); });
