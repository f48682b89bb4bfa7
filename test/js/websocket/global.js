// With --experimental-websocket the global WebSocket is a lazy, non-enumerable
// accessor (replaceable by assignment); the class's shape: name, length,
// constants on the class and the prototype, the prototype's members in
// order, the toStringTag, brand checks and the call without `new`.
const d = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
console.log(typeof WebSocket, WebSocket.name, WebSocket.length, Object.getPrototypeOf(WebSocket) === EventTarget);
console.log(Object.keys(globalThis).includes('WebSocket'), process.execArgv);
console.log(Object.getOwnPropertyNames(WebSocket.prototype));
console.log(Object.getOwnPropertyNames(WebSocket));
for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) {
  const c = Object.getOwnPropertyDescriptor(WebSocket, k);
  const p = Object.getOwnPropertyDescriptor(WebSocket.prototype, k);
  console.log(k, c.value, c.writable, c.enumerable, c.configurable, p.value, p.enumerable);
}
const ro = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'readyState');
console.log('readyState', typeof ro.get, ro.set, ro.enumerable, ro.configurable);
const bt = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'binaryType');
console.log('binaryType', typeof bt.get, typeof bt.set, bt.enumerable);
console.log(Object.prototype.toString.call(WebSocket.prototype));
for (const f of [() => WebSocket.prototype.readyState, () => WebSocket.prototype.url,
  () => WebSocket.prototype.close.call({}), () => WebSocket.prototype.send.call({}, 'x'),
  () => { WebSocket.prototype.onopen = null; }, () => WebSocket()]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.message); }
}
const W = WebSocket;
globalThis.WebSocket = 5;
console.log(WebSocket, typeof W);
