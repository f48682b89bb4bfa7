// ECONNREFUSED and EADDRINUSE have Node's shape.
const net = require("net");
const first = net.createServer().listen(0, "127.0.0.1", () => {
  const port = first.address().port;
  const second = net.createServer();
  second.on("error", (e) => {
    console.log(e.message.replace(String(port), "PORT"), e.code, e.errno, e.syscall, e.address, e.port === port);
    first.close(() => {
      const c = net.connect(port, "127.0.0.1");
      c.on("error", (err) => {
        console.log(err.message.replace(String(port), "PORT"), err.code, err.errno, err.syscall, err.address);
      });
      c.on("close", (hadError) => console.log("close", hadError));
    });
  });
  second.listen(port, "127.0.0.1");
});
try { net.connect({ port: 70000 }); } catch (e) { console.log(e.name, e.code); }
console.log(net.isIP("127.0.0.1"), net.isIP("::1"), net.isIP("example.com"), net.isIPv4("1.2.3.4"), net.isIPv6("1.2.3.4"));
