'use strict';
// runtime/lib/url.js (legacy url.parse/format/resolve) against Node's url.

const util = require('util');
const nodeUrl = require('url');
const { load, createLoader, fakeProcess, check, outcome } = require('./harness');
const warnings = [];
const ours = createLoader(fakeProcess({ emitWarning: (...a) => warnings.push(a.join('|')) }))('url');
void load;

const inputs = [
  'http://user:pw@Host.COM:8080/p/a/t/h?query=string#hash', 'http://a:b/', 'https://example.com', 'HTTP://EX.com/A?B#C',
  '//host/path', '/just/a/path?x=1', 'relative/path', '?q=1', '#h', '', '   http://trim.me/  ', 'http://a\\b\\c?d\\e',
  'mailto:someone@example.com', 'javascript:alert("x y")', 'file:///etc/passwd', 'file://host/x', 'file:/x',
  'http://[::1]:3000/x', 'http://[fe80::1]/', 'http://mañana.com/ü?ö=ä#€', 'http://a b.com/', 'http://a@b@c/d', 'http://a@b?@c',
  'http://x.com/a b<c>"d\'e`f{g|h}^i', 'http://x.com:/y', 'http://x.com:abc/y', 'ftp://u@h', 'foo:bar', 'foo://bar/baz',
  'http://UPPER.case/Path', 'http://x.com?a=1&a=2&b', 'xmpp:isaacschlueter@jabber.org', 'http://atpass:foo%40bar@127.0.0.1/',
  'http://x/%zz', 'http://-lead.com/', 'http://a.b.c.d.e/', 'http://x.com#frag?notquery', 'http://x.com/p#a#b', 'svn+ssh://foo/bar',
  'dash-test://foo/bar', 'http://x.com/\ttab', 'http://x.com/\u00a0nbsp', 'http://' + 'a'.repeat(300) + '.com/',
];
for (const u of inputs) {
  for (const [pq, sdh] of [[false, false], [true, false], [false, true]]) {
    check(`parse ${JSON.stringify(u)} ${pq} ${sdh}`, outcome(() => util.inspect(ours.parse(u, pq, sdh))),
      outcome(() => util.inspect(nodeUrl.parse(u, pq, sdh))).replace(/\bUrl\b/g, 'Url'));
  }
  check(`format(string) ${JSON.stringify(u)}`, outcome(() => ours.format(u)), outcome(() => nodeUrl.format(u)));
}
check('parse non-string', outcome(() => ours.parse(5)), outcome(() => nodeUrl.parse(5)));
check('DEP0170 warning', warnings.some((w) => w.startsWith('The URL http://a:b/ is invalid. Future versions of Node.js will throw an error.|DeprecationWarning|DEP0170')), true);

const formatObjs = [
  { protocol: 'http', host: 'a.com', pathname: '/x' }, { protocol: 'https:', hostname: 'b.com', port: 8080, pathname: 'y', search: 'q=1', hash: 'h' },
  { protocol: 'file', pathname: '/tmp/x' }, { protocol: 'mailto', pathname: 'a@b.c' }, { hostname: '::1', port: 80 },
  { protocol: 'http', host: 'h', query: { a: 1, b: ['x', 'y'] } }, { protocol: 'http', host: 'h', pathname: '/a?b#c' },
  { auth: 'us er:p@ss', host: 'h', protocol: 'http' }, { slashes: true, host: 'h', pathname: 'p' }, {}, { search: '?x#y' },
];
for (const o of formatObjs) {
  check(`format ${JSON.stringify(o)}`, outcome(() => ours.format(o)), outcome(() => nodeUrl.format(o)));
}
check('format bad', outcome(() => ours.format(5)), outcome(() => nodeUrl.format(5)));
for (const opts of [undefined, { fragment: false }, { unicode: true }, { search: false, auth: false }]) {
  const u = 'https://user:pw@xn--maana-pta.com:8080/p?q=1#frag';
  check(`format URL ${JSON.stringify(opts)}`, ours.format(new ours.URL(u), opts), nodeUrl.format(new URL(u), opts));
}

const bases = ['http://a/b/c/d;p?q', 'http://example.com/one/two', 'mailto:local1@domain1', 'file:///tmp/a/b', 'foo:bar/baz', '/rel/path', 'http://u:p@h.com/x'];
const rels = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '..', '../g', '../..', '../../../g', '.', './', '',
  'http://other/x', 'https:rel', 'mailto:x@y', 'local2@domain2', 'g;x=1/../y', '/./g', 'g.', '.g', 'http:g', 'file:other', '//', '../../../../x'];
for (const b of bases) {
  for (const r of rels) {
    check(`resolve(${JSON.stringify(b)}, ${JSON.stringify(r)})`, outcome(() => ours.resolve(b, r)), outcome(() => nodeUrl.resolve(b, r)));
  }
}
check('resolveObject', util.inspect(ours.resolveObject('http://a/b/c', '../d?x')), util.inspect(nodeUrl.resolveObject('http://a/b/c', '../d?x')));
check('url keys', Object.keys(ours).join(), Object.keys(nodeUrl).join());
