// spawnSync, execSync and execFileSync: output, status, input, errors.
const cp = require("child_process");
const r = cp.spawnSync("sh", ["-c", "cat; echo e >&2; exit 4"], { input: "from stdin" });
console.log(r.status, r.signal, String(r.stdout), String(r.stderr), typeof r.pid);
console.log(cp.execSync("echo sync").toString());
console.log(cp.execFileSync("sh", ["-c", "echo file"], { encoding: "utf8" }));
try { cp.execSync("exit 5", { stdio: "pipe" }); } catch (e) { console.log("status", e.status, e.message.split("\n")[0]); }
const missing = cp.spawnSync("no-such-command-here");
console.log(missing.error.code, missing.error.syscall, missing.status);
const t = cp.spawnSync("sleep", ["5"], { timeout: 50 });
console.log("timeout", t.signal, t.error && t.error.code);
