// A TCP echo server and client on loopback: data both ways, half-close,
// byte counters, addresses, and the server closing after the client.
const net = require("net");
const server = net.createServer((sock) => {
  sock.setEncoding("utf8");
  let got = "";
  sock.on("data", (d) => { got += d; sock.write(d.toUpperCase()); });
  sock.on("end", () => { console.log("server got", JSON.stringify(got)); sock.end("bye"); });
});
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  console.log("listening", addr.family, addr.address, typeof addr.port, server.listening);
  const c = net.connect({ port: addr.port, host: "127.0.0.1" }, () => {
    console.log("connected", c.remoteAddress, c.remotePort === addr.port, c.localAddress);
    c.write("hello ");
    c.end("world");
  });
  let back = "";
  c.on("data", (d) => (back += d));
  c.on("end", () => console.log("client end"));
  c.on("close", (hadError) => {
    console.log("client close", JSON.stringify(back), hadError, c.bytesRead, c.bytesWritten);
    server.close(() => console.log("server closed", server.listening));
  });
});
