#!/usr/bin/env node
// reduce-snapshot.js — cut a real V8 heap snapshot down to a small one that
// still has the real thing's structure (weak edges, shortcuts, WeakMap
// ephemeron edges, detachedness, hidden and synthetic nodes), so that
// reference figures computed on it by memlab and Chrome DevTools can be
// committed next to it as a CI fixture.
//
//   node reduce-snapshot.js IN.heapsnapshot OUT.heapsnapshot MAX_NODES [SEED_CLASS...]
//
// DROP_FIELD=trace_node_id removes that node field from meta and data (the
// layout newer V8 writes), to check that readers take strides from meta.
//
// Keeps the root, a breadth-first prefix of the graph from the root and,
// when SEED_CLASS names are given, every object of those classes plus a
// short chain of its retainers; edges between kept nodes only; strings
// renumbered; locations kept for kept nodes.  The result is a valid snapshot
// (node/edge counts consistent) — not the same heap, but a real-shaped one.
'use strict';
const fs = require('fs');
const [inp, out, maxArg, ...seedClasses] = process.argv.slice(2);
if (!inp || !out || !maxArg) { console.error('usage: reduce-snapshot.js IN OUT MAX_NODES [CLASS...]'); process.exit(2); }
const MAX = +maxArg;
const s = JSON.parse(fs.readFileSync(inp, 'utf8'));
const m = s.snapshot.meta;
const NF = m.node_fields.length, EF = m.edge_fields.length;
const nT = m.node_fields.indexOf('type'), nN = m.node_fields.indexOf('name'), nE = m.node_fields.indexOf('edge_count');
const eT = m.edge_fields.indexOf('type'), eN = m.edge_fields.indexOf('name_or_index'), eTo = m.edge_fields.indexOf('to_node');
const nodeTypes = m.node_types[nT], edgeTypes = m.edge_types[eT];
const N = s.nodes.length / NF;
const first = new Uint32Array(N + 1);
for (let i = 0; i < N; i++) first[i + 1] = first[i] + s.nodes[i * NF + nE];
const keep = new Uint8Array(N);
let kept = 0;
const take = o => { if (!keep[o] && kept < MAX) { keep[o] = 1; kept++; return true; } return false; };
// seeds: instances of the named classes and a few retainers up
if (seedClasses.length) {
  const ret = Array.from({length: N}, () => []);
  for (let o = 0; o < N; o++) for (let e = first[o]; e < first[o + 1]; e++) ret[s.edges[e * EF + eTo] / NF].push(o);
  for (let o = 0; o < N && kept < MAX / 2; o++) {
    if (!seedClasses.includes(s.strings[s.nodes[o * NF + nN]])) continue;
    let x = o;
    for (let d = 0; d < 12 && x !== undefined; d++) { take(x); x = ret[x].find(r => !keep[r]) ?? ret[x][0]; }
  }
}
take(0);
const q = [0];
for (let qi = 0; qi < q.length && kept < MAX; qi++) {
  const o = q[qi];
  for (let e = first[o]; e < first[o + 1]; e++) {
    const to = s.edges[e * EF + eTo] / NF;
    if (take(to)) q.push(to);
  }
}
const newOrd = new Int32Array(N).fill(-1);
let k = 0;
for (let o = 0; o < N; o++) if (keep[o]) newOrd[o] = k++;
const strMap = new Map(); const strings = ['<dummy>'];
const str = i => { if (!strMap.has(i)) { strMap.set(i, strings.length); strings.push(s.strings[i]); } return strMap.get(i); };
const nodes = [], edges = [];
for (let o = 0; o < N; o++) {
  if (!keep[o]) continue;
  const row = s.nodes.slice(o * NF, o * NF + NF);
  row[nN] = str(row[nN]);
  let cnt = 0;
  for (let e = first[o]; e < first[o + 1]; e++) {
    const to = s.edges[e * EF + eTo] / NF;
    if (!keep[to]) continue;
    const er = s.edges.slice(e * EF, e * EF + EF);
    const t = edgeTypes[er[eT]];
    if (t !== 'element' && t !== 'hidden') er[eN] = str(er[eN]);
    er[eTo] = newOrd[to] * NF;
    edges.push(...er); cnt++;
  }
  row[nE] = cnt;
  nodes.push(...row);
}
const LF = (m.location_fields || []).length, lI = (m.location_fields || []).indexOf('object_index');
const locations = [];
for (let i = 0; LF && i < s.locations.length; i += LF) {
  const o = s.locations[i + lI] / NF;
  if (keep[o]) { const r = s.locations.slice(i, i + LF); r[lI] = newOrd[o] * NF; locations.push(...r); }
}
const drop = process.env.DROP_FIELD;
let metaOut = m, nodesOut = nodes;
if (drop && m.node_fields.includes(drop)) {
  const di = m.node_fields.indexOf(drop);
  metaOut = JSON.parse(JSON.stringify(m));
  metaOut.node_fields.splice(di, 1);
  metaOut.node_types.splice(di, 1);
  nodesOut = nodes.filter((_, i) => i % NF !== di);
  // edge to_node and location object_index are offsets into nodes: rescale
  for (let i = eTo; i < edges.length; i += EF) edges[i] = edges[i] / NF * (NF - 1);
  for (let i = lI; LF && i < locations.length; i += LF) locations[i] = locations[i] / NF * (NF - 1);
}
const outObj = {
  snapshot: {meta: metaOut, node_count: k, edge_count: edges.length / EF, trace_function_count: 0},
  nodes: nodesOut, edges, trace_function_infos: [], trace_tree: [], samples: [], locations, strings,
};
// V8's layout: one node per line
let text = JSON.stringify(outObj);
fs.writeFileSync(out, text);
console.error(`kept ${k} of ${N} nodes, ${edges.length / EF} edges, ${strings.length} strings`);
