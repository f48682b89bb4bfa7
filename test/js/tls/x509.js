// crypto.X509Certificate on a certificate made by the openssl CLI: names,
// altnames, checkHost/checkIP, PEM round trip, DER input, the public key.
const { X509Certificate } = require('crypto');
const fs = require('fs');
const { execFileSync } = require('child_process');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost/O=devrun test',
  '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
const pem = fs.readFileSync('cert.pem');
const c = new X509Certificate(pem);
console.log(JSON.stringify(c.subject), JSON.stringify(c.issuer), c.subjectAltName, c.ca);
console.log(/ GMT$/.test(c.validFrom), / GMT$/.test(c.validTo), /^[0-9A-F]+$/.test(c.serialNumber));
console.log(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(c.fingerprint256), Buffer.isBuffer(c.raw));
console.log(c.checkHost('localhost'), c.checkHost('example.com'), c.checkIP('127.0.0.1'), c.checkIP('10.0.0.1'));
console.log(c.toString() === pem.toString('latin1'), c.checkIssued(c), c.publicKey.type, c.publicKey.asymmetricKeyType);
console.log(new X509Certificate(c.raw).fingerprint256 === c.fingerprint256);
try { new X509Certificate(Buffer.from('not a certificate')); } catch (e) { console.log(e.name); }
