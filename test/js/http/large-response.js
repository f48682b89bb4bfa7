// Responses bigger than the socket takes at once (the rest of a one-piece
// write is queued and 'finish' waits for it), pipelined, to a client that
// reads slowly: every byte arrives in order and 'finish' comes once each.
const http = require("http");
const net = require("net");
const crypto = require("crypto");

const big = "é".repeat(1 << 20) + "end";          // 2 MiB of UTF-8 + 3 bytes
const buf = Buffer.alloc(3 << 20, 7);               // 3 MiB
const log = [];
const server = http.createServer((req, res) => {
  res.on("finish", () => log.push("finish " + req.url));
  if (req.url === "/str") res.end(big);
  else if (req.url === "/buf") res.end(buf);
  else res.end("small " + req.url);
});
const sha = (b) => crypto.createHash("sha256").update(b).digest("hex").slice(0, 16);
server.listen(0, "127.0.0.1", () => {
  const s = net.connect(server.address().port, "127.0.0.1", () => {
    s.write("GET /str HTTP/1.1\r\nHost: x\r\n\r\nGET /buf HTTP/1.1\r\nHost: x\r\n\r\n" +
      "GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  });
  const chunks = [];
  let n = 0;
  s.on("data", (c) => {
    chunks.push(c);
    if (++n % 8 === 0) { s.pause(); setTimeout(() => s.resume(), 5); }
  });
  s.on("end", () => {
    const all = Buffer.concat(chunks);
    let at = 0;
    const parts = [];
    while (at < all.length) {
      const headEnd = all.indexOf("\r\n\r\n", at);
      const head = all.subarray(at, headEnd).toString("latin1");
      const len = +/Content-Length: (\d+)/.exec(head)[1];
      const body = all.subarray(headEnd + 4, headEnd + 4 + len);
      parts.push(`${head.split("\r\n")[0]} ${len} ${sha(body)}`);
      at = headEnd + 4 + len;
    }
    console.log(parts.join("\n"));
    console.log("expected", sha(Buffer.from(big)), sha(buf));
    console.log(log.join(", "));
    server.close(() => console.log("closed"));
  });
});
