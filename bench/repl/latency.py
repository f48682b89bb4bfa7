#!/usr/bin/env python3
"""latency.py -- devrun-repl interactive latency, against Node's own REPL.

Drives each REPL in a pseudo-terminal (80x24, TERM=xterm-256color) and
measures, from the moment the bytes are written to the terminal until the
screen output that proves the work was done has been read back:

  keystroke   one key typed with the eager preview on: the expression is
              `n+1`, `n+11`, `n+111`, ... (n = 100); each key changes the
              preview, and the time is until the refreshed preview (grey,
              SGR 90, in both REPLs) has been written to the terminal.
  completion  on an object with 10,000 own properties, until the candidate
              `prop9996` is on screen.  devrun-repl: from `big.prop999`
              arriving at once to its popup (it completes as you type);
              node: from the second Tab after `big.prop999` (it recomputes the
              completions on every Tab) to its listing.
              Each sample is cold: an evaluation in between drops any cache.

Usage: latency.py DEVRUN_REPL [--runs N]   (node must be on PATH)
Prints medians in ms and the ratio devrun-repl / node.  Over loopback; the
devrun-repl target is node itself (--runtime node), so both evaluate in
the same engine.
"""
import os, pty, re, select, statistics, subprocess, sys, time

def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(env)
        os.execvp(argv[0], argv)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd

class Term:
    def __init__(self, argv, env):
        self.pid, self.fd = spawn(argv, env)
        self.buf = b""
    def read_until(self, pattern, timeout=20.0):
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        while True:
            m = rx.search(self.buf)
            if m:
                self.buf = self.buf[m.end():]
                return time.monotonic()
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %r in %r" % (pattern, self.buf[-300:]))
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    self.buf += os.read(self.fd, 65536)
                except OSError:
                    raise TimeoutError("terminal closed")
    def drain(self, quiet=0.3):
        while True:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                self.buf = b""
                return
            try:
                os.read(self.fd, 65536)
            except OSError:
                return
    def send(self, s):
        t = time.monotonic()
        os.write(self.fd, s.encode())
        return t
    def close(self):
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except OSError:
            pass

SETUP = ("let n = 100; const big = {}; "
         "for (let i = 0; i < 10000; i++) big['prop' + i] = i; 'ready'\r")

def measure(name, argv, env, runs, ready_re):
    t = Term(argv, env)
    t.read_until(ready_re, 30)
    t.drain()
    t.send(SETUP)
    t.read_until(rb"'ready'", 30)
    t.drain()
    keys = []
    for r in range(runs):
        t.send("n+1")
        t.read_until(rb"101", 10)
        t.drain(0.15)
        value = 101
        for k in range(5):
            # curses redraws only what changed, so the new value is not
            # contiguous in the byte stream: wait for the preview's grey
            # (SGR 90) text, which is written in the same refresh.
            t0 = t.send("1")
            t1 = t.read_until(rb"\x1b\[90m[0-9]", 10)
            keys.append((t1 - t0) * 1000)
            t.drain(0.05)
        t.send("\x15")  # Ctrl+U: clear the line
        t.drain(0.15)
    comps = []
    for r in range(runs):
        t.send("%d\r" % r)  # an evaluation: drops completion caches
        t.drain(0.3)
        if name == "node":
            # node's readline inserts a Tab that arrives with other bytes
            # literally (paste), so type first, then time the Tab Tab.
            t.send("big.prop999")
            t.read_until(rb"999", 10)
            t.drain(0.2)
            t.send("\t")           # first Tab: completes the common prefix
            t.drain(0.3)
            t0 = t.send("\t")      # second Tab: computes again and lists
        else:
            t0 = t.send("big.prop999")
        t1 = t.read_until(rb"prop9996", 20)
        comps.append((t1 - t0) * 1000)
        t.drain(0.2)
        t.send("\x1b" if name != "node" else "")
        t.drain(0.1)
        t.send("\x15")
        t.drain(0.2)
    t.close()
    return keys, comps

def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    repl = sys.argv[1]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--runs" else 10
    env = {"TERM": "xterm-256color", "DEVRUN_REPL_HISTORY": "", "NODE_REPL_HISTORY": ""}
    os.environ.pop("NO_COLOR", None)
    ours = measure("devrun-repl", [repl, "--runtime", "node"], env, runs, rb"attached to ws://")
    node = measure("node", ["node", "-i"], env, runs, rb"> ")
    print("devrun-repl latency benchmark (%d runs; medians in ms; pty 80x24)" % runs)
    print("%-34s %12s %12s %8s" % ("", "devrun-repl", "node REPL", "ratio"))
    for label, a, b in (("keystroke -> preview on screen", ours[0], node[0]),
                        ("completion, 10,000 properties", ours[1], node[1])):
        ma, mb = statistics.median(a), statistics.median(b)
        print("%-34s %12.2f %12.2f %8.2f" % (label, ma, mb, ma / mb))
    print("samples: keystroke %d, completion %d; devrun-repl p90 keystroke %.2f ms, "
          "completion %.2f ms" % (len(ours[0]), len(ours[1]),
                                 sorted(ours[0])[int(len(ours[0]) * 0.9) - 1],
                                 sorted(ours[1])[int(len(ours[1]) * 0.9) - 1]))

if __name__ == "__main__":
    main()
