// Client errors: ECONNREFUSED on 'error', socket hang up when the server
// destroys the connection, and a malformed request answered 400.
const http = require("http");
const net = require("net");
const server = http.createServer((req, res) => {
  if (req.url === "/hangup") { req.socket.destroy(); return; }
  res.end("fine");
});
server.listen(0, "127.0.0.1", () => {
  const port = server.address().port;
  http.get({ host: "127.0.0.1", port, path: "/hangup" }).on("error", (e) => {
    console.log("hangup:", e.message, e.code);
    const raw = net.connect(port, "127.0.0.1", () => raw.write("NOT HTTP\r\n\r\n"));
    let d = "";
    raw.on("data", (c) => (d += c));
    raw.on("close", () => {
      console.log("malformed:", d.split("\r\n")[0]);
      server.close(() => {
        http.get({ host: "127.0.0.1", port }).on("error", (e2) => console.log("refused:", e2.code, e2.syscall));
      });
    });
  });
});
