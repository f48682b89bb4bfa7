// A Unix domain socket server and client.
const net = require("net");
const path = require("path");
const os = require("os");
const fs = require("fs");
const sock = path.join(os.tmpdir(), `devrun-test-${process.pid}.sock`);
try { fs.unlinkSync(sock); } catch {}
const server = net.createServer((c) => c.end("over unix")).listen(sock, () => {
  console.log("address is the path", server.address() === sock);
  net.connect(sock).on("data", (d) => console.log(String(d))).on("close", () => {
    server.close(() => { console.log("closed"); });
  });
});
