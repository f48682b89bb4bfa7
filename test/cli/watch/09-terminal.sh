#!/usr/bin/env bash
# The terminal, through a real pseudo-terminal (python3's pty): with
# --no-stdin-commands the app owns the terminal (raw mode works, Ctrl-C goes
# to the app and devrun exits with its status); by default on a TTY devrun
# reads `rs` and forwards other lines to the app.  (Markers are printed
# as RE""ADY so that the echoed command line does not contain them.)
. "$(dirname "$0")/lib.sh"
echo "x" > app.js
cat > ptydrive.py <<'PY'
import os, pty, select, sys, time
def run(args, steps, limit=30, until=b"@END"):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(args[0], args)
    out, t0, steps = b"", time.time(), list(steps)
    while time.time() - t0 < limit:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                d = os.read(fd, 4096)
            except OSError:
                d = b""
            if not d:  # devrun and the app closed the terminal: devrun is exiting
                break
            out += d
        if steps and steps[0][0] in out:
            os.write(fd, steps.pop(0)[1])
        if not steps and (until(out) if callable(until) else until in out):  # done: stop devrun
            os.kill(pid, 15)
            _, st = os.waitpid(pid, 0)
            return out, st
        # has devrun exited?
        w, st = os.waitpid(pid, os.WNOHANG)
        if w:
            return out, st
    while time.time() - t0 < limit:
        w, st = os.waitpid(pid, os.WNOHANG)
        if w:
            return out, st
        time.sleep(0.02)
    out += b"\n(driver: devrun still running after %d s: SIGTERM)" % limit
    os.kill(pid, 15)
    _, st = os.waitpid(pid, 0)
    return out, st
D = os.environ["DEVRUN"]
which = sys.argv[1]
if which == "raw":
    out, st = run([D, "--no-stdin-commands", "--", "sh", "-c",
                   "stty raw -echo; echo RE\"\"ADY; dd bs=1 count=1 2>/dev/null | od -c | head -1; stty sane; echo @E\"\"ND; sleep 100"],
                  [(b"READY", b"q")])
elif which == "ctrlc":
    # python3, not sh: dash defers a SIGINT that arrives before its next
    # command; Python dies of it (and re-raises it, so the status is 128+2)
    out, st = run([D, "-v", "--no-stdin-commands", "--", sys.executable, "-c",
                   "import time; print('RE' + 'ADY', flush=True); time.sleep(100)"], [(b"READY", b"\x03")])
else:
    out, st = run([D, "--", "sh", "-c", "echo ST\"\"ART; read l; echo GOT:$l; sleep 100"],
                  [(b"START", b"hello\n"), (b"GOT:hello", b"rs\n"), (b"restart requested (rs)", b"stats\n"),
                   (b"restarts 1", b"")], until=lambda out: out.count(b"START\r\n") >= 2)
sys.stdout.write(out.decode(errors="replace"))
print("\nSTATUS %d" % (os.WEXITSTATUS(st) if os.WIFEXITED(st) else 128 + os.WTERMSIG(st)))
PY
python3 ptydrive.py raw > raw.out || fail "pty driver (raw)"
grep -q '0000000   q' raw.out || fail "the app did not read a raw key: $(cat raw.out)"
ok "--no-stdin-commands: the app owns the terminal (raw mode)"
python3 ptydrive.py ctrlc > ctrlc.out || fail "pty driver (ctrlc)"
grep -q 'STATUS 130' ctrlc.out || fail "Ctrl-C: $(cat ctrlc.out)"
ok "Ctrl-C in the app's terminal: devrun exits with the app's status (130)"
python3 ptydrive.py cmds > cmds.out || fail "pty driver (cmds)"
grep -q 'GOT:hello' cmds.out || fail "line not forwarded: $(cat cmds.out)"
grep -q 'restarting: restart requested (rs)' cmds.out || fail "rs on a TTY: $(cat cmds.out)"
[ "$(grep -c '^START' cmds.out)" -ge 2 ] || fail "no second start: $(cat cmds.out)"
grep -q 'restarts 1' cmds.out || fail "stats on a TTY: $(cat cmds.out)"
ok "on a TTY: rs restarts, stats reports, other lines reach the app"
