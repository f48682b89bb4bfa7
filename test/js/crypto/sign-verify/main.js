// Signatures: deterministic ones (RSA PKCS#1 v1.5, Ed25519) must equal
// Node's byte for byte; randomized ones (ECDSA, RSA-PSS) made by Node 20
// (node-signatures.json) must verify here, and ours must verify with our
// own verify (the recorded output says true under Node too).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const read = (f) => fs.readFileSync(path.join(__dirname, f), 'utf8');
const rsa = crypto.createPrivateKey(read('rsa.pem'));
const ec = crypto.createPrivateKey(read('ec.pem'));
const ed = crypto.createPrivateKey(read('ed25519.pem'));
const rsaPub = crypto.createPublicKey(rsa), ecPub = crypto.createPublicKey(ec), edPub = crypto.createPublicKey(ed);
const node = JSON.parse(read('node-signatures.json'));
const msg = Buffer.from('signed by node 20');

// deterministic
console.log('rsa sha256', crypto.sign('sha256', msg, rsa).toString('base64'));
console.log('rsa sha512 createSign', crypto.createSign('RSA-SHA512').update('signed by ').update('node 20').sign(rsa, 'hex'));
console.log('ed25519', crypto.sign(null, msg, ed).toString('hex'));
console.log('ed25519 undefined alg', crypto.sign(undefined, msg, ed).toString('hex'));

// made by Node, verified here
console.log('ecdsa der', crypto.verify('sha256', msg, ecPub, Buffer.from(node.ecdsa_der, 'base64')));
console.log('ecdsa p1363', crypto.verify('sha256', msg, { key: ecPub, dsaEncoding: 'ieee-p1363' }, Buffer.from(node.ecdsa_p1363, 'base64')));
console.log('ecdsa p1363 as der', crypto.verify('sha256', msg, ecPub, Buffer.from(node.ecdsa_p1363, 'base64')));
console.log('rsa pss', crypto.verify('sha256', msg, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }, Buffer.from(node.rsa_pss, 'base64')));
console.log('rsa pss as pkcs1', crypto.verify('sha256', msg, rsaPub, Buffer.from(node.rsa_pss, 'base64')));

// made here, verified here; wrong message/key fail
const s1 = crypto.sign('sha384', msg, ec);
console.log('ecdsa self', crypto.verify('sha384', msg, ecPub, s1), crypto.verify('sha384', Buffer.from('other'), ecPub, s1));
const s2 = crypto.sign('sha256', msg, { key: ec, dsaEncoding: 'ieee-p1363' });
console.log('p1363 length', s2.length, crypto.verify('sha256', msg, { key: ec, dsaEncoding: 'ieee-p1363' }, s2));
const s3 = crypto.sign('sha256', msg, { key: rsa, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
console.log('pss salt 32', s3.length, crypto.verify('sha256', msg, { key: rsaPub, padding: 6, saltLength: 32 }, s3));
const v = crypto.createVerify('sha256');
v.write('signed by node 20');
v.end();
console.log('Verify stream', v.verify(rsaPub, crypto.sign('sha256', msg, rsa)));
console.log('verify with private', crypto.verify('sha256', msg, rsa, crypto.sign('sha256', msg, rsa)));
console.log('verify with pem', crypto.verify('sha256', msg, rsaPub.export({ type: 'spki', format: 'pem' }), crypto.sign('sha256', msg, read('rsa.pem'))));
console.log('hex signature', crypto.createVerify('sha256').update(msg).verify(edPub === null ? rsaPub : rsaPub, crypto.sign('sha256', msg, rsa).toString('hex'), 'hex'));
console.log('ed wrong key', crypto.verify(null, msg, crypto.generateKeyPairSync('ed25519').publicKey, crypto.sign(null, msg, ed)));
function t(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('sign with public', () => crypto.sign('sha256', msg, rsaPub));
t('sign no key', () => crypto.createSign('sha256').update('x').sign());
t('sign key type', () => crypto.sign('sha256', msg, 5));
t('bad digest', () => crypto.createSign('sha-1000'));
t('signature type', () => crypto.verify('sha256', msg, rsaPub, 'abc'));
t('dsaEncoding', () => crypto.sign('sha256', msg, { key: ec, dsaEncoding: 'x' }));
crypto.sign(null, msg, ed, (err, sig) => {
  console.log('async sign', err, sig.toString('hex').slice(0, 16));
  crypto.verify(null, msg, edPub, sig, (err2, ok) => console.log('async verify', err2, ok));
});
