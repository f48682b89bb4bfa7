'use strict';
// domain: an error in a domain without an 'error' listener (and no
// 'uncaughtException' listener) is fatal as usual: report and exit 1.
const domain = require('domain');
const d = domain.create();
d.run(() => {
  setTimeout(() => {
    console.log('in timer', process.domain === d);
    throw new Error('nobody listens');
  }, 1);
});
process.on('exit', (code) => console.log('exit', code));
