'use strict';
// Random URLs (fixed seed) assembled from tricky pieces, parsed by our
// WHATWG URL parser and by Node's (Ada), with and without bases.

const { load, check } = require('./harness');
const ours = load('internal/url');

let seed = 987654321;
function rand() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return ((seed >>> 0) % 1000000) / 1000000;
}
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const maybe = (p, f) => (rand() < p ? f() : '');

const schemes = ['http', 'https', 'HTTP', 'file', 'ftp', 'ws', 'wss', 'foo', 'mailto', 'blob', 'data', 'a+b-c.d', '1x', ''];
const seps = ['://', ':', ':/', ':///', ':\\\\', '://\\', ':////', ''];
const users = ['user', 'u:p', ':p', 'u:', 'a@b', 'ü:ß', '%41', 'a b', ''];
const hosts = ['example.com', 'EXAMPLE.COM', 'a.b.c', '127.0.0.1', '0x7f.1', '2130706433', '1.2.3.4.5', '256.1.1.1',
  '[::1]', '[1:2::3]', '[::ffff:1.2.3.4]', '[zz]', 'mañana.com', 'xn--maana-pta.com', 'xn--', 'a%20b', 'a b',
  'ex%41mple', '%zz', '', 'localhost', '09', '0x', 'a..b', '.', '..', 'faß.de', 'ＡＢＣ.com', 'a_b', 'a^b', 'a|b'];
const ports = ['80', '443', '8080', '0', '65535', '65536', '', 'abc', '08'];
const segs = ['a', 'b', '.', '..', '%2e', '%2E%2e', '', 'ü', 'a b', '%zz', '{}', 'c:', 'C|', '~', '"', '`', '^', '\\', '?', '#'];
const queries = ['', 'a=1', 'a b', 'ü', "'", '%', '&&', '#x', '"<>'];
const frags = ['', 'h', 'a b', 'ü', '`', '#', '%'];

function randomURL() {
  let s = pick(schemes) + pick(seps);
  s += maybe(0.2, () => `${pick(users)}@`);
  s += maybe(0.8, () => pick(hosts));
  s += maybe(0.2, () => `:${pick(ports)}`);
  const n = Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) s += pick(['/', '/', '\\']) + pick(segs);
  s += maybe(0.3, () => `?${pick(queries)}`);
  s += maybe(0.2, () => `#${pick(frags)}`);
  if (rand() < 0.05) s = ` \t${s}\n `;
  return s;
}

function describe(C, input, base) {
  try {
    const u = base === undefined ? new C(input) : new C(input, base);
    return `${u.href} | ${u.origin} | ${u.host} | ${u.pathname} | ${u.search} | ${u.hash}`;
  } catch (e) {
    return `throws ${e.code}`;
  }
}

// Relative references with a fragment against an opaque-path base
// ("mailto:x") are resolved by Node's Ada in a non-standard way that we do
// not copy (see docs/runtime-modules.md), so that base is left out here.
const bases = [undefined, undefined, 'http://base.example/a/b?c#d', 'file:///C:/x/y', 'foo://h/p/q', 'file:///'];
for (let i = 0; i < 4000; i++) {
  const input = rand() < 0.7 ? randomURL() : pick(segs) + maybe(0.5, () => '/' + pick(segs)) + maybe(0.3, () => `?${pick(queries)}`);
  const base = pick(bases);
  check(`random URL #${i} ${JSON.stringify(input)} base=${JSON.stringify(base)}`, describe(ours.URL, input, base), describe(URL, input, base));
}

// Host names made of letters of many scripts (IDNA: lower-casing, NFKC,
// punycode, no label starting with a combining mark).
{
  const scripts = ['àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćčďđēėęěğīįıķļľłńňőœŕřśşšţťūůűųźżžßÀÉÖÜÑ',
    'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔ', 'абвгдежзийклмнопрстуфхцчшщъыьэюяёЁАБВ', '日本語中文字漢字東京大阪北京上海',
    'ひらがなカタカナあいうえおアイウエオ', '한국어서울부산대한민국', 'العربيةمصرسعودي', 'עבריתישראלירושלים',
    'हिन्दीभारतदिल्ली', 'ภาษาไทยกรุงเทพ', 'ＡＢＣａｂｃ１２３'].map((s) => [...s]);
  for (let i = 0; i < 2000; i++) {
    const chars = pick(scripts);
    let h = '';
    const n = 2 + Math.floor(rand() * 8);
    for (let j = 0; j < n; j++) h += pick(chars);
    const input = `https://${h}${rand() < 0.3 ? '.example' : ''}/`;
    check(`IDNA host #${i} ${input}`, describe(ours.URL, input), describe(URL, input));
  }
}

// Random code points from scripts and symbol blocks (not right-to-left
// ones, see docs/runtime-modules.md): disallowed and ignored code points.
{
  const ranges = [[0xa0, 0x24f], [0x400, 0x4ff], [0x900, 0x97f], [0x3040, 0x30ff], [0x4e00, 0x4fff],
    [0xac00, 0xacff], [0xff00, 0xffef], [0x1f300, 0x1f6ff], [0x2000, 0x206f]];
  for (let i = 0; i < 3000; i++) {
    const r = pick(ranges);
    let h = '';
    const n = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < n; j++) h += String.fromCodePoint(r[0] + Math.floor(rand() * (r[1] - r[0])));
    if (rand() < 0.5) h = `ab${h}`;
    const input = `http://${h}.com/`;
    check(`IDNA code points #${i} ${JSON.stringify(input)}`, describe(ours.URL, input), describe(URL, input));
  }
}
