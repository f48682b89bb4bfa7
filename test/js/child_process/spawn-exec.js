// spawn, exec, execFile and their events and errors.
const cp = require("child_process");
const c = cp.spawn("sh", ["-c", "echo out; echo err >&2; exit 3"]);
let out = "";
let err = "";
c.stdout.on("data", (d) => (out += d));
c.stderr.on("data", (d) => (err += d));
c.on("spawn", () => console.log("spawn", typeof c.pid));
c.on("exit", (code, sig) => console.log("exit", code, sig));
c.on("close", (code) => {
  console.log("close", code, JSON.stringify(out), JSON.stringify(err), c.exitCode, c.signalCode);
  const bad = cp.spawn("definitely-not-a-command", ["x"]);
  bad.on("error", (e) => {
    console.log(e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs, bad.pid);
    cp.exec("echo hi; exit 2", (error, stdout, stderr) => {
      console.log(error.code, error.killed, error.signal, JSON.stringify(stdout), JSON.stringify(error.message));
      cp.execFile("sh", ["-c", "printf '%s' \"$FOO\""], { env: { FOO: "bar", PATH: process.env.PATH } }, (e2, so) => {
        console.log(e2, so);
        cp.execFile("sh", ["-c", "head -c 5000 /dev/zero"], { maxBuffer: 100 }, (e3, so3) => {
          console.log(e3.code, e3.name, so3.length);
          const t = cp.spawn("sleep", ["10"]);
          t.on("exit", (code, sig) => console.log("killed", code, sig, t.killed));
          console.log("kill returns", t.kill());
        });
      });
    });
  });
});
