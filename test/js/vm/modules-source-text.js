'use strict';
// vm.SourceTextModule (--experimental-vm-modules): linking, status,
// namespaces, evaluation, errors, top-level await, inspection.
const vm = require('vm');
const util = require('util');

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

(async () => {
  const dep = new vm.SourceTextModule(`
    export let counter = 1;
    export function inc() { counter++; }
    export default 'dep-default';
  `, { identifier: 'dep.mjs' });
  const root = new vm.SourceTextModule(`
    import def, { counter, inc } from 'dep';
    import * as ns from 'dep';
    export const before = counter;
    inc();
    export const after = counter;
    export const viaNs = ns.counter;
    export { def };
  `, { identifier: 'root.mjs' });

  console.log(root.identifier, root.status, root.dependencySpecifiers);
  console.log(Object.isFrozen(root.dependencySpecifiers), root.dependencySpecifiers === root.dependencySpecifiers);
  show('namespace unlinked', () => root.namespace);
  show('error unlinked', () => root.error);
  show('evaluate unlinked', () => root.evaluate().catch((e) => console.log('rejected', e.code, e.message)));
  await new Promise((r) => setImmediate(r));

  const seen = [];
  const linkPromise = root.link(async (specifier, referencingModule, extra) => {
    seen.push([specifier, referencingModule.identifier, Object.keys(extra), extra.assert === extra.attributes]);
    console.log('during link', root.status);
    return dep;
  });
  console.log('link returns', linkPromise instanceof Promise);
  await linkPromise;
  console.log(seen);
  console.log('after link', root.status, dep.status);
  show('namespace before evaluation', () => root.namespace.before);
  console.log(Reflect.ownKeys(root.namespace));
  show('link again', () => root.link(() => dep).catch((e) => console.log('rejected', e.code, e.message)));
  await new Promise((r) => setImmediate(r));

  const r = await root.evaluate();
  console.log('evaluate resolves', r, root.status, dep.status);
  const ns = root.namespace;
  console.log(ns.before, ns.after, ns.viaNs, ns.def, util.types.isModuleNamespaceObject(ns));
  console.log(await root.evaluate(), root.status);
  show('error evaluated', () => root.error);
  console.log(util.inspect(root));
  console.log(util.inspect(dep, { depth: -1 }) === util.inspect(dep, { depth: -1 }));

  // default identifiers count up per process
  const a = new vm.SourceTextModule('');
  const b = new vm.SourceTextModule('');
  console.log(/^vm:module\(\d+\)$/.test(a.identifier), Number(b.identifier.slice(10, -1)) - Number(a.identifier.slice(10, -1)));

  // a module that throws while evaluating
  const bad = new vm.SourceTextModule('export const x = 1; throw new TypeError("nope");');
  await bad.link(() => {});
  try { await bad.evaluate(); } catch (e) { console.log('evaluate rejected', e.name, e.message); }
  console.log(bad.status, bad.error.message, bad.error === bad.error);
  try { await bad.evaluate(); } catch (e) { console.log('again rejected', e.message); }

  // top-level await
  const tla = new vm.SourceTextModule(`
    export const v = await new Promise((r) => setTimeout(() => r('late'), 5));
  `);
  await tla.link(() => {});
  const p = tla.evaluate();
  console.log('while awaiting', tla.status);
  await p;
  console.log(tla.status, tla.namespace.v);

  // linker failures
  const m1 = new vm.SourceTextModule('import x from "x";');
  try { await m1.link(() => ({})); } catch (e) { console.log('not a module', e.code, e.message); }
  console.log(m1.status, m1.error.code);
  const m2 = new vm.SourceTextModule('import x from "x";');
  try { await m2.link(() => { throw new Error('linker threw'); }); } catch (e) { console.log('linker threw', e.message); }
  console.log(m2.status);
  const m3 = new vm.SourceTextModule('import x from "x";');
  try { await m3.link(() => m1); } catch (e) { console.log('errored dep', e.code, e.message, e.cause && e.cause.code); }
  const m4 = new vm.SourceTextModule('import { missing } from "y";');
  try { await m4.link(() => new vm.SourceTextModule('export const present = 1;')); } catch (e) { console.log('missing export', e.name, e.message); }
  console.log(m4.status);

  // validation
  show('no source', () => new vm.SourceTextModule());
  show('bad options', () => new vm.SourceTextModule('', null));
  show('bad identifier', () => new vm.SourceTextModule('', { identifier: 1 }));
  show('bad lineOffset', () => new vm.SourceTextModule('', { lineOffset: 1.5 }));
  show('bad context', () => new vm.SourceTextModule('', { context: {} }));
  show('bad cachedData', () => new vm.SourceTextModule('', { cachedData: 'x' }));
  show('bad importModuleDynamically', () => new vm.SourceTextModule('', { importModuleDynamically: 1 }));
  show('bad initializeImportMeta', () => new vm.SourceTextModule('', { initializeImportMeta: {} }));
  show('Module itself', () => new vm.Module());
  const ok = new vm.SourceTextModule('');
  show('bad linker', () => ok.link().catch((e) => console.log('rejected', e.code)));
  await new Promise((r) => setImmediate(r));
  show('bad evaluate options', () => ok.evaluate(1).catch((e) => console.log('rejected', e.code)));
  await new Promise((r) => setImmediate(r));
  show('bad timeout', () => ok.evaluate({ timeout: -1 }).catch((e) => console.log('rejected', e.code)));
  await new Promise((r) => setImmediate(r));
  show('getter on other this', () => Object.getOwnPropertyDescriptor(vm.Module.prototype, 'status').get.call({}));
  show('syntax error', () => new vm.SourceTextModule('export const = 1;', { identifier: 'broken.mjs' }));
  try { new vm.SourceTextModule('\n\n  let let = 1;', { identifier: 'broken2.mjs', lineOffset: 10 }); } catch (e) {
    console.log(e.name, e.stack.split('\n')[0]);
  }

  // import.meta is an empty object without initializeImportMeta
  const meta = new vm.SourceTextModule('export const m = import.meta;');
  await meta.link(() => {});
  await meta.evaluate();
  console.log(meta.namespace.m, Object.getPrototypeOf(meta.namespace.m));
  // initializeImportMeta fills it, once, with the module as second argument
  let metaCalls = 0;
  const withMeta = new vm.SourceTextModule(
    'export const url = import.meta.url; export const same = import.meta === import.meta; export const calls = globalThis.metaCalls();',
    {
      identifier: 'file:///virtual/with-meta.mjs',
      initializeImportMeta(m, module) {
        metaCalls++;
        console.log('initializeImportMeta', Object.keys(m), module === withMeta, module.status);
        m.url = module.identifier;
      },
    });
  globalThis.metaCalls = () => metaCalls;
  await withMeta.link(() => {});
  console.log('before evaluation', metaCalls);
  await withMeta.evaluate();
  console.log(withMeta.namespace.url, withMeta.namespace.same, withMeta.namespace.calls, metaCalls);
  // a module that never reads import.meta never calls it
  let unused = 0;
  const noMeta = new vm.SourceTextModule('export const x = 1;', { initializeImportMeta() { unused++; } });
  await noMeta.link(() => {});
  await noMeta.evaluate();
  console.log('unused', unused);
  // a throwing initializeImportMeta: the error comes out of the import.meta read
  const badMeta = new vm.SourceTextModule('export let r; try { import.meta; r = "no error"; } catch (e) { r = e.message; }', {
    initializeImportMeta() { throw new Error('meta failed'); },
  });
  await badMeta.link(() => {});
  await badMeta.evaluate().catch((e) => console.log('evaluate rejected', e.message));
  console.log(badMeta.status, badMeta.status === 'evaluated' ? badMeta.namespace.r : badMeta.error.message);

  // timeout
  const loop = new vm.SourceTextModule('while (true) {}');
  await loop.link(() => {});
  try { await loop.evaluate({ timeout: 20 }); } catch (e) { console.log('timeout', e.code, e.message); }
  console.log('after timeout', loop.status);
})();
