'use strict';
// runtime/lib/querystring.js and punycode.js against Node's modules.

const nodeQs = require('querystring');
const nodePuny = require('punycode');
const util = require('util');
const { load, check, outcome } = require('./harness');
const qs = load('querystring');
const puny = load('punycode');

const show = (v) => util.inspect(v, { depth: 5 });
const parseInputs = ['', '=', '&', 'a', 'a=', '=b', 'a=1=2', 'a&a&a=3', '+a+=+b+', 'a%20b=c%2', '%E0%A4%A=1',
  'a=%F0%9F%98%80', '&&a=1&&', 'a=1;b=2', 'k=v&k', ' a = b ', '%=%', 'a[]=1&a[]=2', '__proto__=1',
  'toString=x&hasOwnProperty=y', 'a=%zz', '=&=', 'foo=bar&baz=qux&foo=2', 'a=%2B%20+', 'x=%C3%A9&y=%e9',
  'q=%', 'q=%%41', 'q=%4', 'a=b&&&c=d', 'é=ü', 'a=1&b=2&c=3&d=4'];
for (const s of parseInputs) {
  check(`parse ${JSON.stringify(s)}`, show(qs.parse(s)), show(nodeQs.parse(s)));
  check(`parse ; : ${JSON.stringify(s)}`, show(qs.parse(s, ';', ':')), show(nodeQs.parse(s, ';', ':')));
}
check('parse maxKeys', show(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })), show(nodeQs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })));
check('parse maxKeys 0', show(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 0 })), show(nodeQs.parse('a=1&b=2&c=3', null, null, { maxKeys: 0 })));
check('parse multi-char', show(qs.parse('a::1||b::2||a::3', '||', '::')), show(nodeQs.parse('a::1||b::2||a::3', '||', '::')));
check('parse custom decode', show(qs.parse('a=%41&b=x', null, null, { decodeURIComponent: (s) => s.toUpperCase() })),
  show(nodeQs.parse('a=%41&b=x', null, null, { decodeURIComponent: (s) => s.toUpperCase() })));
check('parse non-string', show(qs.parse(5)), show(nodeQs.parse(5)));
const many = Array.from({ length: 1200 }, (_, i) => `k${i}=${i}`).join('&');
check('parse default maxKeys', Object.keys(qs.parse(many)).length, Object.keys(nodeQs.parse(many)).length);

const objs = [{}, { a: 1, b: 'two', c: [1, 2], d: true, e: null, f: undefined, g: {}, h: 1n, i: NaN, j: 1e21, k: -0 },
  { 'a b': 'c d', 'é': 'ü', '!\'()*~-._': '&=?#' }, { arr: [] }, { emoji: '😀' }, 'string', null, 5, [1, 2]];
for (const o of objs) {
  check(`stringify ${show(o)}`, outcome(() => qs.stringify(o)), outcome(() => nodeQs.stringify(o)));
  check(`stringify ;: ${show(o)}`, outcome(() => qs.stringify(o, ';', ':')), outcome(() => nodeQs.stringify(o, ';', ':')));
  check(`stringify custom ${show(o)}`, outcome(() => qs.stringify(o, null, null, { encodeURIComponent: (s) => `<${s}>` })),
    outcome(() => nodeQs.stringify(o, null, null, { encodeURIComponent: (s) => `<${s}>` })));
}
check('stringify lone surrogate', outcome(() => qs.stringify({ a: '\ud800' })), outcome(() => nodeQs.stringify({ a: '\ud800' })));
for (const s of ['abc', 'a b&c=d', 'ü€😀', '', 5, { toString() { return 'obj'; } }, "!'()*-._~"]) {
  check(`escape ${show(s)}`, qs.escape(s), nodeQs.escape(s));
}
for (const s of ['a%20b', '%E0%A4%A', 'a+b', '%zz', '%', '%F0%9F%98%80']) {
  check(`unescape ${s}`, qs.unescape(s), nodeQs.unescape(s));
  check(`unescape spaces ${s}`, qs.unescape(s, true), nodeQs.unescape(s, true));
  check(`unescapeBuffer ${s}`, qs.unescapeBuffer(s, true).toString('hex'), nodeQs.unescapeBuffer(s, true).toString('hex'));
}
check('qs keys', Object.keys(qs).join(), Object.keys(nodeQs).join());

// punycode
const labels = ['mañana', 'bücher', '日本語', 'abc', '', 'ü', 'a-b-', '😀', 'Pokémon', 'ﬁ', '\ud800x', 'ελληνικά', 'привет'];
for (const l of labels) {
  check(`encode ${l}`, outcome(() => puny.encode(l)), outcome(() => nodePuny.encode(l)));
  const enc = nodePuny.encode(l);
  check(`decode ${enc}`, outcome(() => puny.decode(enc)), outcome(() => nodePuny.decode(enc)));
  check(`ucs2 ${JSON.stringify(l)}`, JSON.stringify(puny.ucs2.decode(l)), JSON.stringify(nodePuny.ucs2.decode(l)));
}
for (const d of ['mañana.com', 'bücher.example', 'xn--maana-pta.com', 'user@bücher.de', 'a。b．c｡d', 'XN--MAANA-PTA.com', 'ascii.only', '日本語.jp']) {
  check(`toASCII ${d}`, outcome(() => puny.toASCII(d)), outcome(() => nodePuny.toASCII(d)));
  check(`toUnicode ${d}`, outcome(() => puny.toUnicode(d)), outcome(() => nodePuny.toUnicode(d)));
}
for (const bad of ['ü-', 'abc-ü', '99999999999', 'zzzzzzzzzz9', 'a-!']) {
  check(`decode bad ${bad}`, outcome(() => puny.decode(bad)), outcome(() => nodePuny.decode(bad)));
}
check('ucs2.encode', puny.ucs2.encode([0x61, 0x1F600, 0xD800]), nodePuny.ucs2.encode([0x61, 0x1F600, 0xD800]));
check('punycode version', puny.version, nodePuny.version);
