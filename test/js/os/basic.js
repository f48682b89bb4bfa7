// os: shapes and types of the machine-dependent values (normalised), exact
// values where they are fixed on Linux.
const os = require('os');
console.log(Object.keys(os).join());
console.log(JSON.stringify(os.EOL), os.devNull, os.platform(), os.type(), os.arch(), os.endianness(), `${os.platform}`, `${os.type}`);
console.log(typeof os.hostname(), os.hostname().length > 0, typeof os.release(), /^\d+\.\d+/.test(os.release()), typeof os.version(), os.machine());
console.log(os.tmpdir(), os.homedir() === process.env.HOME);
const cpus = os.cpus();
console.log(Array.isArray(cpus), cpus.length > 0, Object.keys(cpus[0]).join(), Object.keys(cpus[0].times).join(), typeof cpus[0].speed, typeof cpus[0].model);
console.log(os.availableParallelism() >= 1, os.totalmem() > os.freemem(), os.freemem() > 0, os.uptime() > 0, os.loadavg().length, os.loadavg().every((x) => typeof x === 'number'));
const ni = os.networkInterfaces();
console.log(typeof ni, Object.values(ni).every((l) => l.every((a) => typeof a.address === 'string' && typeof a.cidr === 'string' && typeof a.internal === 'boolean' && (a.family === 'IPv4' || a.family === 'IPv6'))));
const lo = (ni.lo || []).find((a) => a.family === 'IPv4');
console.log(lo && lo.address, lo && lo.netmask, lo && lo.cidr, lo && lo.mac, lo && lo.internal);
const u = os.userInfo();
console.log(Object.keys(u).join(), u.uid === process.getuid(), u.gid === process.getgid(), typeof u.username, Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username));
console.log(typeof os.getPriority(), os.getPriority() === os.getPriority(0), os.getPriority(process.pid) === os.getPriority());
