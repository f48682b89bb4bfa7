// v8 heap statistics, code statistics, flags and heap snapshots.
const v8 = require('v8');
const fs = require('fs');
const path = require('path');
console.log(Object.keys(v8).filter((k) => ['getHeapStatistics', 'getHeapSpaceStatistics', 'getHeapCodeStatistics', 'writeHeapSnapshot', 'getHeapSnapshot', 'serialize', 'deserialize', 'setFlagsFromString', 'cachedDataVersionTag', 'Serializer', 'Deserializer', 'DefaultSerializer', 'DefaultDeserializer'].includes(k)).join());
const h = v8.getHeapStatistics();
console.log(Object.keys(h).join(), Object.values(h).every((x) => typeof x === 'number'), h.used_heap_size <= h.total_heap_size, h.heap_size_limit > 0, h.number_of_native_contexts >= 1);
const sp = v8.getHeapSpaceStatistics();
console.log(Array.isArray(sp), ['old_space', 'new_space', 'code_space', 'large_object_space'].every((n) => sp.some((s) => s.space_name === n)), Object.keys(sp[0]).join());
console.log(Object.keys(v8.getHeapCodeStatistics()).join(), typeof v8.cachedDataVersionTag(), v8.cachedDataVersionTag() === v8.cachedDataVersionTag());
v8.setFlagsFromString('--allow-natives-syntax');
try { v8.setFlagsFromString(1); } catch (e) { console.log(e.name, e.code, e.message); }
const file = path.join(__dirname, 'snap.heapsnapshot');
console.log(v8.writeHeapSnapshot(file) === file);
const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
console.log(Object.keys(snap).slice(0, 3).join(), snap.snapshot.meta.node_fields.join(), snap.snapshot.node_count > 100, snap.strings.includes('Object'));
fs.unlinkSync(file);
process.chdir(__dirname);
const def = v8.writeHeapSnapshot();
console.log(/^Heap\.\d{8}\.\d{6}\.\d+\.0\.001\.heapsnapshot$/.test(def), fs.existsSync(def));
fs.unlinkSync(def);
let bytes = '';
v8.getHeapSnapshot().on('data', (c) => { bytes += c; }).on('end', () => console.log('stream', JSON.parse(bytes).snapshot.node_count > 100));
