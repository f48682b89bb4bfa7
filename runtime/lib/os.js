'use strict';
// os — Node's os module over internalBinding('os') (runtime/src/binding_os.c,
// libuv's system queries).  Values computed once (EOL, constants, devNull)
// are plain properties; the rest are functions as in Node, with Node's
// argument validation and `[Symbol.toPrimitive]` on the string-valued ones.

const binding = internalBinding('os');
const { validateInt32 } = require('internal/validators');

function withPrimitive(fn) {
  fn[Symbol.toPrimitive] = () => fn();
  return fn;
}

const uname = () => binding.unameAll() || binding.uname();

const hostname = withPrimitive(function hostname() { return binding.hostname(); });
const homedir = withPrimitive(function homedir() { return binding.homedir(); });
const release = withPrimitive(function release() { return uname()[1]; });
const type = withPrimitive(function type() { return uname()[0]; });
const version = withPrimitive(function version() { return uname()[2]; });
const machine = withPrimitive(function machine() { return uname()[3]; });
const uptime = withPrimitive(function uptime() { return binding.uptime(); });
const totalmem = withPrimitive(function totalmem() { return binding.totalmem(); });
const freemem = withPrimitive(function freemem() { return binding.freemem(); });
const availableParallelism = withPrimitive(function availableParallelism() {
  return binding.availableParallelism();
});
const endianness = withPrimitive(function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
});

function arch() { return process.arch; }
arch[Symbol.toPrimitive] = () => process.arch;
function platform() { return process.platform; }
platform[Symbol.toPrimitive] = () => process.platform;

function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}
tmpdir[Symbol.toPrimitive] = () => tmpdir();

function loadavg() { return binding.loadavg(); }

function cpus() { return binding.cpus() || []; }

// CIDR suffix of a netmask: the count of leading one bits.
function getCIDR(address, netmask, family) {
  let ones = 0;
  let split = '.';
  let range = 10;
  let groupLength = 8;
  let hasZeros = false;
  if (family === 'IPv6') {
    split = ':';
    range = 16;
    groupLength = 16;
  }
  const parts = netmask.split(split);
  for (const part of parts) {
    if (part === '') continue;
    let binary = parseInt(part, range);
    let tmp = 0;
    while (binary !== 0) {
      tmp += binary & 1;
      binary >>= 1;
    }
    if (hasZeros && tmp) return null;
    ones += tmp;
    if (tmp !== groupLength) hasZeros = true;
  }
  return `${address}/${ones}`;
}

function networkInterfaces() {
  const list = binding.networkInterfaces() || [];
  const result = {};
  for (const it of list) {
    const entry = {
      address: it.address,
      netmask: it.netmask,
      family: it.family,
      mac: it.mac,
      internal: it.internal,
      cidr: getCIDR(it.address, it.netmask, it.family),
    };
    if (it.family === 'IPv6') entry.scopeid = it.scopeid;
    (result[it.name] || (result[it.name] = [])).push(entry);
  }
  return result;
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  return binding.getPriority(pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  binding.setPriority(pid, priority);
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const u = binding.userInfo();
  const r = { __proto__: null, uid: u.uid, gid: u.gid, username: u.username, homedir: u.homedir, shell: u.shell };
  if (options && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    r.username = Buffer.from(r.username);
    r.homedir = Buffer.from(r.homedir);
    if (r.shell !== null) r.shell = Buffer.from(r.shell);
  }
  return r;
}

const constants = binding.constants;

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};
Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  EOL: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { __proto__: null, configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
