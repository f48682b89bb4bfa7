'use strict';
// vm.SyntheticModule, modules in a vm context, import() in a vm module
// (importModuleDynamically), code caches (--experimental-vm-modules).
const vm = require('vm');
const util = require('util');

function show(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

(async () => {
  // SyntheticModule
  let self;
  const calls = [];
  const syn = new vm.SyntheticModule(['a', 'b', 'default'], function() {
    self = this;
    calls.push('steps');
    this.setExport('a', 1);
    this.setExport('default', { hello: 'world' });
    return 'ignored';
  }, { identifier: 'synthetic:one' });
  console.log(syn.identifier, syn.status);
  show('setExport before link', () => syn.setExport('a', 0));
  show('namespace before link', () => syn.namespace);
  await syn.link(() => { throw new Error('never called'); });
  console.log(syn.status, Reflect.ownKeys(syn.namespace));
  syn.setExport('b', 'early');
  console.log(syn.namespace.b);
  console.log(await syn.evaluate(), syn.status, calls, self === syn, typeof self.setExport);
  console.log(syn.namespace.a, syn.namespace.b, syn.namespace.default);
  await syn.evaluate();
  console.log(calls.length);
  syn.setExport('a', 2);
  console.log('live', syn.namespace.a);
  show('setExport unknown', () => syn.setExport('zzz', 1));
  show('setExport bad name', () => syn.setExport(1, 1));
  show('createCachedData on synthetic', () => typeof syn.createCachedData);
  console.log(util.inspect(syn));

  show('bad export names', () => new vm.SyntheticModule('a', () => {}));
  show('non-string export name', () => new vm.SyntheticModule([1], () => {}));
  show('duplicate export name', () => new vm.SyntheticModule(['a', 'a'], () => {}));
  show('bad callback', () => new vm.SyntheticModule(['a'], null));
  show('bad options', () => new vm.SyntheticModule(['a'], () => {}, 'x'));

  const failing = new vm.SyntheticModule(['x'], () => { throw new RangeError('steps failed'); });
  await failing.link(() => {});
  try { await failing.evaluate(); } catch (e) { console.log('rejected', e.name, e.message); }
  console.log(failing.status, failing.error.message);

  // a source text module importing a synthetic one
  const user = new vm.SourceTextModule('import d, { a } from "syn"; export const out = d.hello + a;');
  await user.link((spec) => {
    console.log('linking', spec);
    return syn;
  });
  await user.evaluate();
  console.log(user.namespace.out);

  // modules in a context
  const context = vm.createContext({ secret: 42, log: [] });
  const c1 = new vm.SourceTextModule('log.push(typeof process); export const s = secret; globalThis.fromModule = 1;', { context });
  const c2 = new vm.SourceTextModule('import { s } from "c1"; export default s + 1;', { context });
  console.log(c1.identifier, c2.identifier, c1.context === context);
  await c2.link(() => c1);
  await c2.evaluate();
  console.log(c2.namespace.default, context.log, context.fromModule, typeof globalThis.fromModule);
  const other = new vm.SourceTextModule('import x from "x";');
  try { await other.link(() => c1); } catch (e) { console.log('different context', e.code, e.message); }
  const c3 = new vm.SourceTextModule('export const arr = []; export const isArr = arr instanceof Array;', { context });
  await c3.link(() => {});
  await c3.evaluate();
  console.log(c3.namespace.isArr, c3.namespace.arr instanceof Array);
  const cs = new vm.SyntheticModule(['v'], function() { this.setExport('v', 'in context'); }, { context });
  console.log(cs.identifier);
  const c4 = new vm.SourceTextModule('export { v } from "cs";', { context });
  await c4.link(() => cs);
  await c4.evaluate();
  console.log(c4.namespace.v);

  // import() inside a vm module
  const target = new vm.SyntheticModule(['value'], function() { this.setExport('value', 'dynamic'); });
  await target.link(() => {});
  await target.evaluate();
  const importer = new vm.SourceTextModule(`
    export const viaModule = (await import('t1')).value;
    export const viaNamespace = (await import('t2')).value;
    export let notModule;
    try { await import('t3'); } catch (e) { notModule = e.code; }
    export let unlinked;
    try { await import('t4'); } catch (e) { unlinked = e.code; }
  `, {
    identifier: 'importer.mjs',
    importModuleDynamically(specifier, referrer, attributes) {
      console.log('import', specifier, referrer === importer, attributes);
      if (specifier === 't1') return target;
      if (specifier === 't2') return target.namespace;
      if (specifier === 't3') return { value: 1 };
      return new vm.SyntheticModule(['value'], () => {});
    },
  });
  await importer.link(() => {});
  await importer.evaluate();
  const ns = importer.namespace;
  console.log(ns.viaModule, ns.viaNamespace, ns.notModule, ns.unlinked);

  const noCallback = new vm.SourceTextModule('export const r = import("fs").then(() => "loaded", (e) => e.name + " " + e.code);');
  await noCallback.link(() => {});
  await noCallback.evaluate();
  console.log(await noCallback.namespace.r);

  // import() outside vm modules still works
  const fsNs = await import('fs');
  console.log(typeof fsNs.readFileSync);

  // code caches
  const source = 'export const cached = 6 * 7;';
  const first = new vm.SourceTextModule(source);
  const data = first.createCachedData();
  console.log(Buffer.isBuffer(data), data.length > 0);
  const second = new vm.SourceTextModule(source, { cachedData: data });
  await second.link(() => {});
  await second.evaluate();
  console.log(second.namespace.cached);
  show('evaluated createCachedData', () => second.createCachedData());
  show('rejected cache', () => new vm.SourceTextModule('export const other = 1;', { cachedData: Buffer.from('not a cache') }));
})();
