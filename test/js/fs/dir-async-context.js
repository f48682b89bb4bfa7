'use strict';
// fs.Dir's asynchronous operations are FSREQCALLBACK requests: their
// callbacks run in the AsyncLocalStorage context of the call (a close queued
// behind a read runs in the read's), and async_hooks sees them.
const { AsyncLocalStorage, createHook } = require('async_hooks');
const fs = require('fs');

const als = new AsyncLocalStorage();
const types = [];
const hook = createHook({ init(id, type) { if (type.startsWith('FS')) types.push(type); } }).enable();
als.run('open', () => fs.opendir(__dirname, (err, dir) => {
  console.log('opendir callback', err, als.getStore());
  als.run('read', () => dir.read((e, d) => {
    console.log('read callback', e, als.getStore(), typeof d.name);
    als.run('close', () => dir.close(() => {
      console.log('close callback', als.getStore());
      hook.disable();
      console.log(types);
      promises();
    }));
  }));
}));

async function promises() {
  await als.run('promise', async () => {
    const dir = await fs.promises.opendir(__dirname);
    console.log('after promises.opendir', als.getStore());
    for await (const d of dir) { void d; }
    console.log('after iteration', als.getStore());
  });
}
