// devtools-figures.ts — runs Chrome DevTools' own heap-snapshot worker code
// (front_end/entrypoints/heap_snapshot_worker from the chrome-devtools-frontend
// npm package) on a snapshot and writes the Summary view's figures:
//   {"nodes", "total_size", "classes": [{"name", "count", "self_size", "retained_size"}]}
// bench/heap/setup.sh bundles it with esbuild into
// bench/heap/node_modules/.devtools/devtools-figures.mjs; usage:
//   node devtools-figures.mjs SNAPSHOT OUT.json
import {HeapSnapshotLoader} from './front_end/entrypoints/heap_snapshot_worker/HeapSnapshotLoader.js';
import {SecondaryInitManager} from './front_end/entrypoints/heap_snapshot_worker/HeapSnapshot.js';
import * as HeapSnapshotModel from './front_end/models/heap_snapshot/heap_snapshot.js';
import {createRequire} from 'module';
const require = createRequire(import.meta.url);
declare const process: any;
const fs = require('fs');
const {MessageChannel} = require('worker_threads');

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  if (!file || !out) {
    console.error('usage: devtools-figures.mjs SNAPSHOT OUT.json');
    process.exit(2);
  }
  // DevTools runs the dominator computation in a second worker; a
  // MessageChannel stands in for it.
  const {port1, port2} = new MessageChannel();
  new SecondaryInitManager(port2 as any);
  const loader = new HeapSnapshotLoader({sendEvent() {}} as any);
  // Feed the file in chunks as DevTools' frontend does (strings over 512 MB
  // cannot be built by V8).
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(16 << 20);
  const {StringDecoder} = require('string_decoder');
  const dec = new StringDecoder('utf8');
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n <= 0) break;
    loader.write(dec.write(buf.subarray(0, n)));
  }
  loader.write(dec.end());
  loader.close();
  const snap: any = await loader.buildSnapshot(port1 as any);
  const aggs = snap.aggregatesWithFilter(new HeapSnapshotModel.HeapSnapshotModel.NodeFilter());
  const classes = Object.values(aggs).map((a: any) => ({
    name: a.name, count: a.count, self_size: a.self, retained_size: a.maxRet,
  }));
  fs.writeFileSync(out, JSON.stringify({nodes: snap.nodeCount, total_size: snap.totalSize, classes}) + '\n');
  process.exit(0);
}
main().catch(e => {
  console.error(e);
  process.exit(1);
});
