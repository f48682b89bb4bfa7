// fork with the IPC channel: messages both ways, then disconnect.
const cp = require("child_process");
if (process.argv[2] === "child") {
  process.on("message", (m) => {
    if (m.cmd === "square") process.send({ result: m.n * m.n });
    if (m.cmd === "bye") process.disconnect();
  });
  process.send({ ready: true, connected: process.connected });
} else {
  const child = cp.fork(__filename, ["child"]);
  child.on("message", (m) => {
    console.log("parent got", m);
    if (m.ready) child.send({ cmd: "square", n: 7 });
    else { child.send({ cmd: "bye" }); }
  });
  child.on("disconnect", () => console.log("disconnected", child.connected));
  child.on("exit", (code) => console.log("child exit", code));
}
