// MessageChannel on one thread: structured clone, transfer of ArrayBuffers,
// the errors of postMessage, receiveMessageOnPort, close on both sides.
const { MessageChannel, MessagePort, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
console.log(port1 instanceof MessagePort, port1 instanceof EventTarget, typeof MessageChannel === typeof globalThis.MessageChannel);
try { new MessagePort(); } catch (e) { console.log(e.name, e.code); }
const show = (e) => console.log(e.name, e.code, e.message);
try { port1.postMessage({ p: port2 }); } catch (e) { show(e); }
const ab = new ArrayBuffer(8);
try { port1.postMessage(ab, [ab, ab]); } catch (e) { show(e); }
try { port1.postMessage(1, [port1]); } catch (e) { show(e); }
try { port1.postMessage(Symbol('s')); } catch (e) { show(e); }
try { port1.postMessage(() => {}); } catch (e) { show(e); }
try { port1.postMessage(1, 5); } catch (e) { show(e); }
try { port1.postMessage(1, [5]); } catch (e) { show(e); }
try { port1.postMessage(); } catch (e) { show(e); }
console.log('before transfer', ab.byteLength);
port1.postMessage({ ab, view: new Uint16Array(ab, 2, 2) }, [ab]);
console.log('after transfer', ab.byteLength);
port1.postMessage({ s: 'x'.repeat(3), nested: { arr: [1, [2, [3]]], set: new Set(['a']) }, err: new TypeError('te') });
port1.postMessage(null, { transfer: [] });
console.log('sync receive', receiveMessageOnPort(port2).message.ab.byteLength, receiveMessageOnPort(port2).message.err instanceof TypeError);
console.log('hasRef', port1.hasRef(), port2.hasRef());
const seen = [];
port2.on('message', (m) => {
  seen.push(m);
  console.log('message', m, port2.hasRef());
  port1.close();
});
port1.on('close', () => console.log('close port1'));
port2.on('close', () => console.log('close port2', seen.length));
console.log('receiveMessageOnPort of nothing', receiveMessageOnPort(new MessageChannel().port1));
try { receiveMessageOnPort({}); } catch (e) { show(e); }
