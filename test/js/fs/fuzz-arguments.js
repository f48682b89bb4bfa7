// Robustness: every public function of fs, os, v8, vm, tty and Buffer called
// with pseudo-random arguments of every type must throw or work, never
// crash the runtime (a pass is just surviving to the end).  No Symbols:
// Node 20 itself aborts on fs.fstatSync(Symbol()).
const fs = require('fs'), fsp = require('fs/promises'), v8 = require('v8'), vm = require('vm'), os = require('os'), tty = require('tty');
const path = require('path');
const d = fs.mkdtempSync(path.join(__dirname, 'fz-'));
fs.writeFileSync(path.join(d, 'f'), 'data');
const vals = [undefined, null, {}, [], -1, 0, 1, 1.5, 2 ** 53, -(2 ** 31), NaN, Infinity, 'str', '', () => 1, true, 10n,
  Buffer.alloc(0), Buffer.alloc(3), new Uint16Array(2), new DataView(new ArrayBuffer(4)), new ArrayBuffer(2), path.join(d, 'f'), d, 3, { length: 2 }, new Date(), /x/];
let x = 1;
const pick = () => { x = (x * 1103515245 + 12345) & 0x7fffffff; return vals[x % vals.length]; };
const targets = [];
for (const [name, mod] of [['fs', fs], ['os', os], ['v8', v8], ['vm', vm], ['tty', tty]]) {
  for (const k of Object.keys(mod)) {
    if (typeof mod[k] !== 'function') continue;
    if (/^(watch|watchFile|unwatchFile|rm|rmSync|rmdir|rmdirSync|unlink|unlinkSync|rename|renameSync|writeFile|writeFileSync|appendFile|appendFileSync|truncate|truncateSync|ftruncate|ftruncateSync|chmod|chmodSync|chown|chownSync|lchown|lchownSync|fchown|fchownSync|fchmod|fchmodSync|utimes|utimesSync|futimes|futimesSync|lutimes|lutimesSync|setPriority|setFlagsFromString|writeHeapSnapshot|getHeapSnapshot|cp|cpSync|copyFile|copyFileSync|symlink|symlinkSync|link|linkSync|mkdir|mkdirSync|mkdtemp|mkdtempSync|close|closeSync|createWriteStream|open|openSync|fsync|fdatasync|fsyncSync|fdatasyncSync|measureMemory|takeCoverage|stopCoverage)$/.test(k)) continue;
    targets.push([`${name}.${k}`, mod[k], mod]);
  }
}
const bproto = Buffer.prototype;
for (const k of Object.getOwnPropertyNames(bproto)) if (typeof bproto[k] === 'function' && k !== 'constructor') targets.push([`buf.${k}`, bproto[k], null]);
for (const k of Object.keys(Buffer)) if (typeof Buffer[k] === 'function') targets.push([`Buffer.${k}`, Buffer[k], Buffer]);
let calls = 0, threw = 0;
for (let round = 0; round < 60; round++) {
  for (const [name, fn, self] of targets) {
    const args = [pick(), pick(), pick(), pick(), pick()].slice(0, x % 6);
    const recv = self === null ? Buffer.from('abcdefghijklmnop') : self;
    try { const r = fn.apply(recv, args); if (r && typeof r.on === "function" && typeof r.pipe === "function") r.on("error", () => {}); if (r && typeof r.then === 'function') r.catch(() => {}); if (r && typeof r.close === 'function' && r.constructor && r.constructor.name === 'Dir') r.closeSync?.(); calls++; } catch (e) { threw++; }
  }
}
setTimeout(() => { fs.rmSync(d, { recursive: true, force: true }); console.log('survived', calls > 1000, threw > 1000); process.exit(0); }, 500);
