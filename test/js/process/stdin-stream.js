// process.stdin is a Readable: for await over chunks, setEncoding, 'end'.
(async () => {
  process.stdin.setEncoding("utf8");
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  const lines = text.split("\n").filter(Boolean);
  console.log(lines.length, lines.map((l) => l.toUpperCase()));
  console.log(process.stdin.fd, typeof process.stdin.isTTY);
})();
