// debug's documented usage (namespaces, enable/disable, formatters); it logs to stderr,
// so stderr goes to stdout here.
const createDebug = require('debug');
createDebug.log = (...args) => process.stdout.write(require('util').format(...args).replace(/ \+\d+m?s$/, ' +<t>') + '\n');
const http = createDebug('app:http');
const skip = createDebug('app:skip');
const other = createDebug('other');
http('booting %s on %d with %o', 'server', 8080, { a: [1, 2], b: 'x' });
http('json %j and %O', { k: 1 }, { nested: { deep: { deeper: true } } });
skip('never shown');
other('never shown either');
console.log(http.enabled, skip.enabled, other.enabled, createDebug.enabled('app:db'));
createDebug.enable('other');
console.log(http.enabled, other.enabled);
other('now %s', 'shown');
const sub = http.extend('sub');
console.log(sub.namespace);
