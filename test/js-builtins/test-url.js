'use strict';
// runtime/lib/internal/url.js (WHATWG URL) against Node's URL and
// URLSearchParams: parsing with and without a base, every component,
// setters, search params, inspection, file URL helpers.

const util = require('util');
const nodeUrl = require('url');
const { load, check, outcome } = require('./harness');
const ours = load('internal/url');

const inputs = [
  'https://example.org/', 'HTTPS://EXAMPLE.ORG:443/a/../b/./c?x=1#frag', 'http://user:pass@host:8080/p?q#h',
  'http://a@b@c/', 'http://:@host/', 'http://user:@host/', 'http://:pw@host/', 'http://host:0/', 'http://host:65535',
  'http://host:65536', 'http://host:99999999999', 'http://host:8a/', 'http://[::1]/', 'http://[2001:db8::8a2e:370:7334]:81/x',
  'http://[::ffff:192.168.1.1]/', 'http://[1:2:3:4:5:6:7:8]/', 'http://[1::]/', 'http://[::]/', 'http://[1:0:0:2::3:0]/',
  'http://[fe80::1%25eth0]/', 'http://[::1/', 'http://[1:2:3:4:5:6:7:8:9]/', 'http://[::1.2.3]/', 'http://[::1.2.3.256]/',
  'http://192.168.0.1/', 'http://0x7f.1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://1.2.3.4.5/',
  'http://256.0.0.1/', 'http://1.2.3.4./', 'http://4294967295/', 'http://4294967296/', 'http://0x100000000/',
  'http://1.2.3.09/', 'http://foo.09/', 'http://foo.0x/', 'http://09.foo/', 'http://EXAMPLE.com./',
  'http://ex%41mple.com/', 'http://ex%00mple.com/', 'http://a b/', 'http://a<b/', 'http://a^b/', 'http://%zz/',
  'http://mañana.com/', 'http://bücher.example/', 'http://xn--bcher-kva.example/', 'http://xn--a.com/', 'http://Ｅｘａｍｐｌｅ.com/',
  'http://日本語.jp/', 'http://faß.de/', 'http://a.b.c/', 'http:example.com/', 'http:/example.com/', 'http:\\\\example.com\\a\\b',
  'https:////example.com///', '  http://trim.me/  ', 'http://tab\tnew\nline.com/', 'http://example.com/ä/ö?ü=ß#€',
  'http://example.com/a b?c d#e f', 'http://example.com/"<>`{}^|', 'http://example.com/?"<>\'`', 'http://example.com/#"<>`',
  'http://example.com/%2e/%2E%2e/x', 'http://example.com/./../a/..', 'http://example.com/..', 'http://example.com/a/b/c/%2e%2e',
  'mailto:user@example.com', 'mailto:a b ', 'data:text/plain,hello world', 'javascript:alert(1)', 'urn:isbn:0451450523',
  'foo://bar/baz', 'foo://bar:99/baz', 'foo://[::1]/', 'foo://a b/', 'foo://%41/', 'foo:/a/../b', 'foo:', 'foo://',
  'foo:///path', 'sc://ñ/', 'sc://x/%2e%2e', 'blob:https://example.org/uuid', 'blob:foo', 'ws://x/', 'wss://x:443/',
  'ftp://x:21/', 'file:///etc/passwd', 'file://localhost/etc', 'file://host/share/x', 'file:///C:/Windows/x',
  'file:C:/x', 'file:/C|/x', 'file://C:/x', 'file:///C|/../..', 'file:..', 'file:', 'file://', 'file:///',
  'file:///a/b/../../..', 'file://LOCALHOST/x', 'file://[::1]/x', 'file://%41/x', 'non-spec:/.//p', 'non-spec:/..//p',
  'http://example.com/?a=1&b=2&a=3', 'http://example.com?', 'http://example.com#', 'http://example.com/?#',
  '', 'x', '//host/path', '/path', '?q', '#h', 'relative/path', '../up', '\\\\back\\slash', 'http://', 'http://@/',
  'http://a:b@/', 'https://a.com:443', 'http://a.com:80', 'https://a.com:80', 'HTTP://A.COM', 'h://a/\u0000x',
  'http://example.com/\ud800', 'http://\u00ad.com/', 'http://a.b..c/', 'http://-a.com/', 'http://a.com/%zz%',
  'http://www.example.com:8080', 'http://1.2.3.4:8080/x', 'http://a^b:c^d@h/', 'http://a`{}|b@h/', 'foo://u^@h/', 'http://0/', 'http://0x/', 'http://00/', 'http://0x0.0/',
];
const bases = [undefined, 'https://base.example/dir/file?q=1#f', 'file:///C:/dir/file', 'file:///home/user/', 'mailto:x@y', 'foo://host/a/b', 'http://u:p@h:1/a'];

const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
function describe(URLClass, input, base) {
  try {
    const u = base === undefined ? new URLClass(input) : new URLClass(input, base);
    return props.map((p) => `${p}=${JSON.stringify(u[p])}`).join(' ') + ` json=${JSON.stringify(u)}`;
  } catch (e) {
    return `threw ${e.name} ${e.code} ${e.message} input=${JSON.stringify(e.input)} base=${JSON.stringify(e.base)} ` +
      `keys=${Object.keys(e)} str=${String(e)} head=${e.stack.split('\n')[0]}`;
  }
}
for (const base of bases) {
  for (const input of inputs) {
    check(`URL(${JSON.stringify(input)}, ${JSON.stringify(base)})`, describe(ours.URL, input, base), describe(URL, input, base));
  }
}
for (const input of inputs.slice(0, 40)) {
  check(`canParse ${JSON.stringify(input)}`, ours.URL.canParse(input), URL.canParse(input));
}
check('new URL()', outcome(() => new ours.URL()), outcome(() => new URL()));
check('bad base', outcome(() => new ours.URL('a', 'not a base')), outcome(() => new URL('a', 'not a base')));

// Setters.
const setterCases = {
  href: ['https://other.example/x?y#z', 'not a url', ''],
  protocol: ['http', 'https:', 'ftp', 'foo', 'file', 'HTTP', '1x', 'ws:extra'],
  username: ['me', 'a b', 'ü@:', '', 'x^y', '`{}|\\[]/;='],
  password: ['secret', 'p@ss:w', '', '^^', '%41%zz'],
  host: ['new.host', 'new.host:99', 'h:80', '[::1]:5', 'bad host', '', 'ü.com', 'a/b', 'x:abc'],
  hostname: ['new.host', 'h:1', '[::2]', '', 'a#b', '1.2.3'],
  port: ['81', '443', '', 'abc', '99999', '12abc', '-1', '0'],
  pathname: ['/a/b', 'x/y', '/../z', '/a b/%', '', '\\x\\y'],
  search: ['?a=1', 'b=2', '', '?', '?x y#z'],
  hash: ['#frag', 'h', '', '#', '#a b'],
};
const setterBases = ['https://user:pw@example.org:8080/p/q?s=1#h', 'mailto:x@y.z', 'file:///tmp/x', 'foo://h/p', 'data:x ', 'http://h/'];
for (const base of setterBases) {
  for (const [prop, values] of Object.entries(setterCases)) {
    for (const v of values) {
      const run = (C) => {
        const u = new C(base);
        try { u[prop] = v; } catch (e) { return `threw ${e.code}`; }
        return props.map((p) => `${p}=${JSON.stringify(u[p])}`).join(' ');
      };
      check(`set ${prop}=${JSON.stringify(v)} on ${base}`, run(ours.URL), run(URL));
    }
  }
}

// URLSearchParams.
function spScenario(U, SP) {
  const log = [];
  const L = (...a) => log.push(a.map((x) => (typeof x === 'string' ? x : util.inspect(x))).join(' '));
  const inits = ['', '?a=1&b=2&a=3', { caret: '^', all: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ü' }, 'a=b=c&&d&=e&f=', '+%20+=%2B&x=%zz&%E2%82%AC=€', [['a', '1'], ['b', 2]], { x: 1, y: 'two', z: undefined },
    new Map([['m', 'v']]), 'ü=€&q=a+b'];
  for (const init of inits) {
    const sp = new SP(init);
    L(String(sp), sp.size, [...sp], [...sp.keys()], [...sp.values()]);
    L(sp);
  }
  const sp = new SP('b=2&a=1&c=3&a=0');
  sp.append('z', 'last');
  sp.set('a', 'only');
  sp.delete('c');
  L(String(sp), sp.get('a'), sp.get('nope'), sp.getAll('z'), sp.has('b'), sp.has('b', '3'), sp.has('b', '2'));
  sp.append('b', 'x');
  sp.delete('b', 'x');
  sp.sort();
  L(String(sp));
  sp.forEach(function (v, k, o) { L('each', k, v, o === sp, this.t); }, { t: 'this' });
  const it = sp.entries();
  L(it.next());
  L(it);
  L(sp.keys());
  for (const bad of [() => sp.append('x'), () => sp.get(), () => new SP([['a']]), () => new SP([1]), () => new SP({ [Symbol.iterator]: 5 }), () => SP.prototype.get.call({}, 'a'), () => sp.forEach(1)]) {
    try { bad(); L('no throw'); } catch (e) { L('threw', e.name, e.code, e.message); }
  }
  // Linked to a URL.
  const u = new U('http://h/p?x=1&y=2#f');
  u.searchParams.append('z', 'a b');
  L(u.href);
  u.searchParams.delete('x');
  u.searchParams.delete('y');
  u.searchParams.delete('z');
  L(u.href);
  u.search = '?q=1';
  L(u.searchParams.get('q'), u.href);
  u.href = 'http://other/?k=v';
  L(u.searchParams.get('k'));
  const big = new SP();
  for (let i = 0; i < 12; i++) big.append(`key${i}`, `value number ${i}`);
  L(big);
  L({ nested: { params: new SP('a=1') } });
  L(util.inspect(new SP('a=1'), { depth: -1 }));
  return log.join('\n');
}
check('URLSearchParams scenario', spScenario(ours.URL, ours.URLSearchParams), spScenario(URL, URLSearchParams));

// Inspection of URL objects.
for (const u of ['https://user:pw@example.org:8080/p?x=1&y=2#h', 'mailto:a@b', 'file:///tmp']) {
  check(`inspect URL ${u}`, util.inspect(new ours.URL(u)), util.inspect(new URL(u)));
  check(`inspect URL nested ${u}`, util.inspect({ a: { b: new ours.URL(u) } }), util.inspect({ a: { b: new URL(u) } }));
  check(`inspect URL colors ${u}`, util.inspect(new ours.URL(u), { colors: true }), util.inspect(new URL(u), { colors: true }));
}
check('URL toString tag', Object.prototype.toString.call(new ours.URL('http://x')), Object.prototype.toString.call(new URL('http://x')));

// File URL helpers.
for (const p of ['/tmp/x', '/tmp/a b/ü#?%.txt', 'relative/file', '/dir/', '/a\\b', '/new\nline\ttab\rcr', '/', '//double']) {
  check(`pathToFileURL ${JSON.stringify(p)}`, outcome(() => ours.pathToFileURL(p).href), outcome(() => nodeUrl.pathToFileURL(p).href));
}
for (const u of ['file:///tmp/x', 'file:///a%20b/%C3%BC', 'file://host/x', 'file:///a%2fb', 'file:///a%2Fb', 'http://x/y', 'file://localhost/x']) {
  check(`fileURLToPath ${u}`, outcome(() => ours.fileURLToPath(u)), outcome(() => nodeUrl.fileURLToPath(u)));
  check(`fileURLToPath(URL) ${u}`, outcome(() => ours.fileURLToPath(new ours.URL(u))), outcome(() => nodeUrl.fileURLToPath(new URL(u))));
}
check('fileURLToPath bad', outcome(() => ours.fileURLToPath(5)), outcome(() => nodeUrl.fileURLToPath(5)));
check('pathToFileURL bad', outcome(() => ours.pathToFileURL(5)), outcome(() => nodeUrl.pathToFileURL(5)));
for (const d of ['example.com', 'EXAMPLE.com', 'mañana.com', 'xn--maana-pta.com', 'xn--iñvalid.com', 'a b', '', '1.2.3', '[::1]', 'ex%41.com']) {
  check(`domainToASCII ${d}`, ours.domainToASCII(d), nodeUrl.domainToASCII(d));
  check(`domainToUnicode ${d}`, ours.domainToUnicode(d), nodeUrl.domainToUnicode(d));
}
for (const u of ['https://user:p%40ss@[::1]:8443/a/b?c=d#e', 'http://h/']) {
  check(`urlToHttpOptions ${u}`, util.inspect(ours.urlToHttpOptions(new ours.URL(u))), util.inspect(nodeUrl.urlToHttpOptions(new URL(u))));
}
