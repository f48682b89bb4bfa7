#!/bin/sh
# tty.ReadStream on descriptors other than 0, on real pseudo-terminals (the
# conformance corpus has no terminal): /dev/tty opened by the program with
# the pty as its controlling terminal, and a pty slave handed over as fd 3
# with stdio on pipes.  setRawMode switches the terminal (checked from
# outside with tcgetattr: ICANON off, then on again), raw input arrives
# without a newline, cooked input by lines, isTTY/isRaw/instanceof as Node,
# the stream is a TTYWRAP async resource, an idle ReadStream does not keep
# the process alive, and readline edits a line on one.  Python's pty module
# drives it; every wait has a generous deadline.
set -eu
DR=${1:?usage: 03-tty-readstream.sh path/to/devrun-js}
command -v python3 >/dev/null || { echo "python3 missing"; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat > "$T/tty-app.js" <<'JS'
const tty = require('tty');
const fs = require('fs');
const net = require('net');
const mode = process.argv[2];
const types = new Set();
require('async_hooks').createHook({ init(id, type) { types.add(type); } }).enable();
const fd = mode === 'devtty' ? fs.openSync('/dev/tty', 'r+') : 3;
const s = new tty.ReadStream(fd);
console.log('isTTY', s.isTTY, 'isRaw', s.isRaw, s instanceof tty.ReadStream, s instanceof net.Socket, tty.isatty(fd));
if (mode === 'idle') {
  console.log('idle');
} else {
  console.log('raw', s.setRawMode(true) === s, s.isRaw);
  s.once('data', (d) => {
    console.log('got', JSON.stringify(d.toString()), 'TTYWRAP', types.has('TTYWRAP'));
    s.setRawMode(false);
    console.log('raw', s.isRaw);
    s.once('data', (d2) => {
      console.log('line', JSON.stringify(d2.toString()));
      s.destroy();
    });
  });
  s.on('close', () => console.log('closed'));
}
JS
cat > "$T/rl-app.js" <<'JS'
const tty = require('tty');
const fs = require('fs');
const readline = require('readline');
const fd = fs.openSync('/dev/tty', 'r+');
const input = new tty.ReadStream(fd);
const output = new tty.WriteStream(fd);
const rl = readline.createInterface({ input, output, terminal: true });
rl.question('name? ', (a) => {
  output.write(`\nhello ${JSON.stringify(a)}\n`);
  rl.close();
  input.destroy();
});
JS
cat > "$T/drive.py" <<'PY'
# Drives tty-app.js on pseudo-terminals: /dev/tty as the controlling
# terminal (pty.fork), and a pty slave handed over as fd 3.
import os, pty, select, shutil, subprocess, sys, termios, time
DR, APP = shutil.which(sys.argv[1]) or sys.argv[1], sys.argv[2]
os.environ['NO_COLOR'] = '1'
DEADLINE = 30.0

def expect(fd, buf, pat):
    end = time.time() + DEADLINE
    while pat not in buf[0]:
        left = end - time.time()
        if left <= 0:
            sys.exit('timed out waiting for %r; output so far: %r' % (pat, buf[0]))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b''
            if not chunk:
                sys.exit('EOF waiting for %r; output: %r' % (pat, buf[0]))
            buf[0] += chunk

def canonical(fd):
    return bool(termios.tcgetattr(fd)[3] & termios.ICANON)

# 1. /dev/tty opened by the program, the pty being its controlling terminal
pid, master = pty.fork()
if pid == 0:
    os.execv(DR, [DR, APP, 'devtty'])
buf = [b'']
expect(master, buf, b'isTTY true isRaw false true true true')
expect(master, buf, b'raw true true')
os.write(master, b'x')           # no newline: arrives only in raw mode
expect(master, buf, b'got "x" TTYWRAP true')
expect(master, buf, b'raw false')
os.write(master, b'hello\n')
expect(master, buf, b'line "hello\\n"')
expect(master, buf, b'closed')
_, st = os.waitpid(pid, 0)
assert os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st
print('devtty ok')

# 2. a pty slave as fd 3, stdio on pipes; raw mode seen from outside
def run(mode):
    m, s = os.openpty()
    p = subprocess.Popen([DR, APP, mode], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         close_fds=False, preexec_fn=(lambda: os.dup2(s, 3)))
    return p, m, s

p, m, s = run('fd3')
out = [b'']
expect(p.stdout.fileno(), out, b'raw true true')
assert not canonical(s), 'raw mode not set'
os.write(m, b'y')
expect(p.stdout.fileno(), out, b'got "y" TTYWRAP true')
expect(p.stdout.fileno(), out, b'raw false')
assert canonical(s), 'raw mode not undone'
os.write(m, b'line two\n')
expect(p.stdout.fileno(), out, b'line "line two\\n"')
expect(p.stdout.fileno(), out, b'closed')
assert p.wait(timeout=DEADLINE) == 0
print('fd3 ok')

# 3. an idle ReadStream does not keep the process alive
p, m, s = run('idle')
out = [b'']
expect(p.stdout.fileno(), out, b'idle')
assert p.wait(timeout=DEADLINE) == 0
print('idle ok')

# 4. readline in terminal mode on a /dev/tty ReadStream: raw input, line
#    editing (a backspace) and the answer
pid, master = pty.fork()
if pid == 0:
    os.execv(DR, [DR, os.path.join(os.path.dirname(APP), 'rl-app.js')])
buf = [b'']
expect(master, buf, b'name? ')
os.write(master, b'bob\x7fb\r')
expect(master, buf, b'hello "bob"')
_, st = os.waitpid(pid, 0)
assert os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st
print('readline ok')
PY
python3 "$T/drive.py" "$DR" "$T/tty-app.js"
echo ok
