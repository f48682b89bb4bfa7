// tls.checkServerIdentity on hand-made certificate objects (no sockets).
const tls = require('tls');
const cases = [
  ['a.com', { subject: { CN: 'a.com' } }],
  ['a.com', { subject: { CN: 'b.com' } }],
  ['a.com.', { subject: { CN: 'a.com' } }],
  ['www.a.com', { subject: { CN: '*.a.com' } }],
  ['a.com', { subject: { CN: '*.a.com' } }],
  ['b.a.com', { subjectaltname: 'DNS:*.a.com', subject: { CN: 'x' } }],
  ['b.c.a.com', { subjectaltname: 'DNS:*.a.com', subject: {} }],
  ['foo.com', { subjectaltname: 'DNS:f*.com', subject: {} }],
  ['fo.com', { subjectaltname: 'DNS:fo*o.com', subject: {} }],
  ['xn--bcher-kva.example', { subjectaltname: 'DNS:*.example', subject: {} }],
  ['a.com', { subjectaltname: 'DNS:b.com, DNS:a.com', subject: {} }],
  ['A.COM', { subjectaltname: 'DNS:a.com', subject: {} }],
  ['127.0.0.1', { subjectaltname: 'IP Address:127.0.0.1', subject: {} }],
  ['127.0.0.2', { subjectaltname: 'IP Address:127.0.0.1', subject: {} }],
  ['::1', { subjectaltname: 'IP Address:0:0:0:0:0:0:0:1', subject: {} }],
  ['127.0.0.1', { subject: { CN: '127.0.0.1' } }],
  ['a.com', { subject: {} }],
  ['a.com', { subject: { CN: ['b.com', 'a.com'] } }],
  ['a.com', { subjectaltname: 'URI:http://a.com/', subject: { CN: 'a.com' } }],
];
for (const [host, cert] of cases) {
  const err = tls.checkServerIdentity(host, cert);
  console.log(JSON.stringify(host), err ? `${err.code}: ${err.message} | reason=${err.reason} host=${err.host}` : 'ok');
}
