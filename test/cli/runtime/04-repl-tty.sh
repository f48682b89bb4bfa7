#!/bin/sh
# devrun-js with no script and stdin a terminal starts the REPL (as `node`
# does): driven on a pseudo-terminal by Python's pty module, typing lines as
# a user would.  Checked: the greeting, results, multi-line input with the
# `... ` prompt, `_`, an "Uncaught" error, top-level await, .help (with
# .editor on a terminal), tab completion of a property, Ctrl+C on an empty
# line (the hint) and during a pending await (abandons it), an error thrown
# later by a timer and a promise rejected with no handler not ending the
# session, .exit (status 0), the history file (NODE_REPL_HISTORY) and
# recalling its last line with the up arrow in a second session ended by
# Ctrl+D.  The escape sequences are stripped before matching, not compared
# with Node's (the script passes with node too).  A program piped to stdin
# still runs as a script; with -i/--interactive the REPL reads it instead.
set -eu
DR=${1:?usage: 04-repl-tty.sh path/to/devrun-js}
command -v python3 >/dev/null || { echo "python3 missing"; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat > "$T/drive.py" <<'PY'
import os, pty, re, select, shutil, sys, time
DR, T = shutil.which(sys.argv[1]) or sys.argv[1], sys.argv[2]
DEADLINE = 30.0
HIST = os.path.join(T, 'history')

def start():
    pid, master = pty.fork()
    if pid == 0:
        os.environ['HOME'] = T
        os.environ['NODE_REPL_HISTORY'] = HIST
        os.environ['NO_COLOR'] = '1'
        os.execv(DR, [DR])
    return pid, master, [b'']

def plain(b):
    return re.sub(rb'\x1b\[[0-9;]*[A-Za-z]', b'', b)

def expect(s, pat):
    pid, fd, buf = s
    end = time.time() + DEADLINE
    while pat not in plain(buf[0]):
        left = end - time.time()
        if left <= 0:
            sys.exit('timed out waiting for %r; output so far: %r' % (pat, plain(buf[0])))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b''
            if not chunk:
                sys.exit('EOF waiting for %r; output: %r' % (pat, plain(buf[0])))
            buf[0] += chunk
    # Consume what was matched, so later patterns need new output.
    i = plain(buf[0]).index(pat) + len(pat)
    buf[0] = plain(buf[0])[i:]

def typ(s, data):
    os.write(s[1], data)

def wait_exit(s):
    pid, fd, buf = s
    end = time.time() + DEADLINE
    while time.time() < end:
        p, st = os.waitpid(pid, os.WNOHANG)
        if p:
            return st
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                buf[0] += os.read(fd, 4096)
            except OSError:
                pass
    sys.exit('REPL did not exit; output: %r' % plain(buf[0]))

s = start()
expect(s, b'Type ".help" for more information.')
expect(s, b'> ')
typ(s, b'1 + 2\r');                   expect(s, b'\r\n3\r\n')
typ(s, b'function twice(x) {\r');     expect(s, b'... ')
typ(s, b'  return 2 * x;\r');         expect(s, b'... ')
typ(s, b'}\r');                       expect(s, b'undefined\r\n')
typ(s, b'twice(21)\r');               expect(s, b'\r\n42\r\n')
typ(s, b'_ + 1\r');                   expect(s, b'\r\n43\r\n')
typ(s, b'nope.x\r');                  expect(s, b'Uncaught ReferenceError: nope is not defined')
typ(s, b'await new Promise((r) => setTimeout(r, 20, "waited"))\r')
expect(s, b"'waited'")
typ(s, b'.help\r');                   expect(s, b'.editor')
expect(s, b'Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL')
typ(s, b'Math.ma\t');                 expect(s, b'Math.max')
typ(s, b'(1, 7)\r');                  expect(s, b'\r\n7\r\n')
typ(s, b'\x03');                      expect(s, b'(To exit, press Ctrl+C again or Ctrl+D or type .exit)')
typ(s, b'await new Promise(() => {})\r'); expect(s, b'await new Promise(() => {})')
typ(s, b'\x03')                       # abandons the pending await
expect(s, b'Uncaught:\r\n[Error [ERR_SCRIPT_EXECUTION_INTERRUPTED]: Script execution was interrupted by `SIGINT`]')
typ(s, b'setTimeout(() => { throw new Error("from a timer"); }, 10); "set"\r')
expect(s, b'Uncaught Error: from a timer')
typ(s, b'setTimeout(() => Promise.reject(new RangeError("not handled")), 10); 1\r')
expect(s, b'Uncaught RangeError: not handled')
typ(s, b'fs.existsSync("/")\r');      expect(s, b'\r\ntrue\r\n')
typ(s, b'.exit\r')
st = wait_exit(s)
assert os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st
lines = open(HIST).read().split('\n')
assert lines[0] == '.exit' and lines[1] == 'fs.existsSync("/")', lines
assert 'twice(21)' in lines, lines
print('session ok')

# The history comes back: the up arrow recalls the last line typed.
s = start()
expect(s, b'> ')
typ(s, b'"again"\r');                 expect(s, b"'again'")
typ(s, b'\x1b[A');                    expect(s, b'"again"')
typ(s, b'.length\r');                 expect(s, b'\r\n5\r\n')
typ(s, b'\x04')
st = wait_exit(s)
assert os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0, st
print('history ok')
PY
python3 "$T/drive.py" "$DR" "$T"
# Not a terminal: the program is read from stdin, no REPL.
out=$(echo 'console.log("piped", 6 * 7)' | "$DR")
[ "$out" = "piped 42" ] || { echo "stdin program: got '$out'"; exit 1; }
# -i / --interactive: the REPL reads the piped lines (non-terminal mode).
out=$(printf '1 + 1\nlet a = 2\na * 3\nnope\n' | NODE_REPL_HISTORY= "$DR" -i | tail -n +3)
want=$(printf '> 2\n> undefined\n> 6\n> Uncaught ReferenceError: nope is not defined\n> ')
[ "$out" = "$want" ] || { echo "-i: got '$out'"; exit 1; }
out=$(echo '"x".repeat(3)' | NODE_REPL_HISTORY= "$DR" --interactive | tail -n +3)
[ "$out" = "> 'xxx'
> " ] || { echo "--interactive: got '$out'"; exit 1; }
echo ok
