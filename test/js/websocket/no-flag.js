// Without --experimental-websocket Node 20 has no WebSocket global.
console.log(typeof WebSocket, 'WebSocket' in globalThis, Object.getOwnPropertyDescriptor(globalThis, 'WebSocket'));
console.log(typeof EventTarget, typeof fetch);
