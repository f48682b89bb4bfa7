#!/usr/bin/env python3
"""bench/watch/bench.py — devrun against nodemon and `node --watch`.

Runs every tool on the same apps, in one run, and prints medians:

  latency    save -> the new process's first statement (ms), node app and
             a shell app (the shell app takes Node's start-up out)
  patterns   restarts per save for each editor save pattern (and for
             touch / identical content, where the right answer is 0)
  procs      orphaned grandchildren and EADDRINUSE over many restarts of
             an app that listens on a port and spawns a child
  tree       time until a change deep in a 50,000-file / 5,000-directory
             tree is first detected after launch, and the watcher's RSS
  idle       the watcher's context switches (wake-ups) and CPU over an
             idle period

Usage: bench/watch/run.sh [--quick]   (see docs/watch.md for the numbers)
Environment: DEVRUN (default build/bin/devrun), NODEMON (default: the copy
npm-installed into bench/out/watch/npm by run.sh), TRIALS, OUT, ONLY (a
comma list of sections: latency_node,latency_sh,patterns,procs,tree,idle),
TOOLS (a comma list of tools).
"""
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.environ.get("OUT", os.path.join(ROOT, "bench", "out", "watch"))
DEVRUN = os.environ.get("DEVRUN", os.path.join(ROOT, "build", "bin", "devrun"))
NODEMON = os.environ.get("NODEMON", os.path.join(OUT, "npm", "node_modules", ".bin", "nodemon"))
QUICK = "--quick" in sys.argv
TRIALS = int(os.environ.get("TRIALS", "8" if QUICK else "20"))
NODE = shutil.which("node")

NODE_APP = """// v=%d
require('fs').appendFileSync(process.env.BENCH_LOG,
  'start ' + process.pid + ' ' + (performance.timeOrigin + performance.now()).toFixed(3) + '\\n');
setInterval(() => {}, 1e9);
"""
# the patterns app also loads lib/ (500 modules), so that node --watch,
# which watches the module graph only, sees the checkout
PAT_APP = NODE_APP + "require('./lib');\n"
SH_APP = """echo "start $$ $(date +%s%N)" >> "$BENCH_LOG"
exec sleep 1000000
"""


def tools(kind):
    """(name, argv) for each installed tool; kind is 'node' or 'sh'."""
    t = []
    if os.access(DEVRUN, os.X_OK):
        cmd = ["node", "app.js"] if kind == "node" else ["sh", "app.sh"]
        t.append(("devrun", [DEVRUN, "--no-stdin-commands", "-q", "--"] + cmd))
    if NODE and os.access(NODEMON, os.X_OK):
        if kind == "node":
            t.append(("nodemon", [NODEMON, "-q", "app.js"]))
        else:
            t.append(("nodemon", [NODEMON, "-q", "-e", "js", "--exec", "sh app.sh"]))
    if NODE and kind == "node":
        t.append(("node --watch", [NODE, "--watch", "app.js"]))
    only = os.environ.get("TOOLS")  # e.g. TOOLS=devrun,nodemon
    if only:
        t = [x for x in t if x[0] in only.split(",")]
    return t


class Run:
    """One tool supervising the app in `cwd`; starts are read from a log."""

    def __init__(self, argv, cwd, env=None):
        self.log = os.path.join(cwd, "bench.log")
        open(self.log, "w").close()
        e = dict(os.environ, BENCH_LOG=self.log, NO_COLOR="1")
        e.update(env or {})
        self.p = subprocess.Popen(argv, cwd=cwd, env=e, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)

    def lines(self):
        with open(self.log) as f:
            return [l.split() for l in f if l.startswith("start")]

    def wait_starts(self, n, timeout=30.0):
        end = time.time() + timeout
        while time.time() < end:
            s = self.lines()
            if len(s) >= n:
                return s
            time.sleep(0.001)
        return None

    def settle(self, quiet=0.6, limit=4.0):
        """Waits until no new start has appeared for `quiet` seconds."""
        end = time.time() + limit
        n, last = len(self.lines()), time.time()
        while time.time() < end:
            time.sleep(0.02)
            m = len(self.lines())
            if m != n:
                n, last = m, time.time()
            elif time.time() - last >= quiet:
                break
        return n

    def stop(self):
        try:
            os.killpg(self.p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.p.pid, signal.SIGKILL)
            self.p.wait()
        # whatever the tool left in its session
        try:
            os.killpg(self.p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def fresh_dir(name):
    d = os.path.join(OUT, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


# ---- latency -------------------------------------------------------------

def bench_latency(kind):
    res = {}
    for name, argv in tools(kind):
        d = fresh_dir("latency")
        write(os.path.join(d, "app.js"), NODE_APP % 0)
        if kind == "sh":
            write(os.path.join(d, "app.sh"), SH_APP)
        r = Run(argv, d)
        if not r.wait_starts(1):
            r.stop()
            res[name] = None
            continue
        r.settle(0.3)
        deltas = []
        for i in range(1, TRIALS + 1):
            n = len(r.lines())
            write(os.path.join(d, "app.js"), NODE_APP % i)
            t0 = time.time()
            s = r.wait_starts(n + 1, 10)
            if not s:
                continue
            ts = float(s[n][2])
            ms = ts / 1e6 if kind == "sh" else ts  # date +%s%N is in ns
            deltas.append(ms - t0 * 1000.0)
            r.settle(0.3)
        r.stop()
        res[name] = {"p50": median(deltas), "p90": pct(deltas, 90), "n": len(deltas)}
    return res


# ---- restarts per save pattern -------------------------------------------

def p_plain(d, i):
    write(os.path.join(d, "app.js"), PAT_APP % i)


def p_truncate(d, i):
    p = os.path.join(d, "app.js")
    open(p, "w").close()
    time.sleep(0.005)  # an editor's truncate and write are separate syscalls
    with open(p, "a") as f:
        f.write(PAT_APP % i)


def p_chunks(d, i):
    text = PAT_APP % i
    with open(os.path.join(d, "app.js"), "w") as f:
        for k in range(0, len(text), 16):
            f.write(text[k:k + 16])
            f.flush()
            os.fsync(f.fileno())


def p_rename(d, i):
    tmp = os.path.join(d, ".app.js.tmp")
    write(tmp, PAT_APP % i)
    os.rename(tmp, os.path.join(d, "app.js"))


def p_vim(d, i):
    write(os.path.join(d, "4913"), "")
    os.unlink(os.path.join(d, "4913"))
    os.rename(os.path.join(d, "app.js"), os.path.join(d, "app.js~"))
    write(os.path.join(d, "app.js"), PAT_APP % i)
    os.unlink(os.path.join(d, "app.js~"))


def p_jetbrains(d, i):
    write(os.path.join(d, "app.js___jb_tmp___"), PAT_APP % i)
    os.rename(os.path.join(d, "app.js"), os.path.join(d, "app.js___jb_old___"))
    os.rename(os.path.join(d, "app.js___jb_tmp___"), os.path.join(d, "app.js"))
    os.unlink(os.path.join(d, "app.js___jb_old___"))


def p_sed(d, i):
    subprocess.run(["sed", "-i", "s|^// v=.*|// v=%d|" % i, os.path.join(d, "app.js")], check=True)


def p_checkout(d, i):
    for k in range(500):
        write(os.path.join(d, "lib", "m%d.js" % k), "exports.v = %d;\n" % (k + i))


def p_touch(d, i):
    os.utime(os.path.join(d, "app.js"))


def p_same(d, i):
    p = os.path.join(d, "app.js")
    with open(p) as f:
        text = f.read()
    write(p, text)


PATTERNS = [
    ("plain write", p_plain, 1), ("truncate+write", p_truncate, 1), ("chunked writes", p_chunks, 1),
    ("rename-over (atomic)", p_rename, 1), ("vim backup+write", p_vim, 1),
    ("JetBrains safe-write", p_jetbrains, 1), ("sed -i", p_sed, 1),
    ("500-file checkout", p_checkout, 1), ("touch", p_touch, 0), ("identical content", p_same, 0),
]


def bench_patterns():
    res = {}
    trials = max(3, TRIALS // 2)
    for name, argv in tools("node"):
        d = fresh_dir("patterns")
        os.makedirs(os.path.join(d, "lib"))
        for k in range(500):
            write(os.path.join(d, "lib", "m%d.js" % k), "exports.v = %d;\n" % k)
        write(os.path.join(d, "lib", "index.js"),
              "".join("require('./m%d');\n" % k for k in range(500)))
        write(os.path.join(d, "app.js"), PAT_APP % 0)
        r = Run(argv, d)
        if not r.wait_starts(1):
            r.stop()
            continue
        r.settle()
        res[name] = {}
        seq = 1
        for pname, fn, want in PATTERNS:
            counts = []
            for _ in range(trials):
                n = len(r.lines())
                fn(d, seq)
                seq += 1
                m = r.settle()
                counts.append(m - n)
            res[name][pname] = {"want": want, "counts": counts,
                                "exact": sum(1 for c in counts if c == want), "n": len(counts)}
        r.stop()
    return res


# ---- orphans and EADDRINUSE ----------------------------------------------

SERVER_APP = """// v=%d
const fs = require('fs'), net = require('net'), cp = require('child_process');
const log = (s) => fs.appendFileSync(process.env.BENCH_LOG, s + '\\n');
cp.spawn('sleep', ['%s'], { stdio: 'ignore' });
const srv = net.createServer();
srv.on('error', (e) => { log('error ' + e.code); process.exit(1); });
srv.listen(+process.env.PORT, '127.0.0.1', () => log('start ' + process.pid + ' 0'));
"""


def count_procs(marker, kill=False):
    n = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                if f.read().split(b"\0")[:2] == [b"sleep", marker.encode()]:
                    n += 1
                    if kill:  # our own marked process, by pid
                        os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass
    return n


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def bench_procs():
    res = {}
    restarts = max(10, TRIALS)
    for idx, (name, argv) in enumerate(tools("node")):
        marker = "31337.%d%d" % (os.getpid() % 1000, idx)
        d = fresh_dir("procs")
        write(os.path.join(d, "app.js"), SERVER_APP % (0, marker))
        r = Run(argv, d, {"PORT": str(free_port())})
        if not r.wait_starts(1):
            r.stop()
            continue
        r.settle(0.3)
        for i in range(1, restarts + 1):
            n = len(r.lines())
            write(os.path.join(d, "app.js"), SERVER_APP % (i, marker))
            r.wait_starts(n + 1, 10)
            r.settle(0.3)
        with open(r.log) as f:
            errors = sum(1 for l in f if "EADDRINUSE" in l)
        alive = count_procs(marker)
        r.stop()
        time.sleep(0.5)
        after_exit = count_procs(marker)
        res[name] = {"restarts": restarts, "eaddrinuse": errors, "orphans": max(0, alive - 1),
                     "left_after_exit": after_exit}
        # clean up whatever was left
        count_procs(marker, kill=True)
    return res


# ---- set-up on a large tree ------------------------------------------------

def make_tree():
    d = os.path.join(OUT, "tree50k")
    stamp = os.path.join(d, ".complete")
    if os.path.exists(stamp):
        return d
    shutil.rmtree(d, ignore_errors=True)
    for a in range(50):
        for b in range(100):
            sub = os.path.join(d, "d%02d" % a, "s%02d" % b)
            os.makedirs(sub)
            for c in range(10):
                write(os.path.join(sub, "f%d.js" % c), "exports.v = %d;\n" % c)
    write(stamp, "")
    return d


def rss_kib(pid, field="VmRSS:"):
    try:
        with open("/proc/%d/status" % pid) as f:
            for l in f:
                if l.startswith(field):
                    return int(l.split()[1])
    except OSError:
        pass
    return 0


def bench_tree():
    d = make_tree()
    write(os.path.join(d, "app.js"), NODE_APP % 0)
    deep = os.path.join(d, "d49", "s99", "f9.js")
    res = {}
    trials = 3
    for name, argv in tools("node"):
        if name == "node --watch":
            continue  # watches the module graph only: the tree is not watched
        times, rss, hwm = [], [], []
        for t in range(trials):
            t0 = time.time()
            r = Run(argv, d)
            if not r.wait_starts(1, 120):
                r.stop()
                break
            k = 0
            detected = None
            while time.time() - t0 < 120 and not detected:
                # one change, then give the tool a second to restart the app
                # (writing faster would keep restarting it before it starts)
                k += 1
                write(deep, "exports.v = %d; // %d\n" % (k, t))
                if r.wait_starts(2, 1.0):
                    detected = time.time()
            if detected:
                times.append((detected - t0) * 1000.0)
                r.settle(0.3)
                rss.append(rss_kib(r.p.pid) / 1024.0)
                hwm.append(rss_kib(r.p.pid, "VmHWM:") / 1024.0)
            r.stop()
        res[name] = {"detect_ms": median(times), "rss_mib": median(rss), "peak_rss_mib": median(hwm),
                     "n": len(times)}
    # devrun alone: walk + watch set-up ("ready in N ms"), and its peak RSS,
    # from `devrun --exit-on-crash -- false` (sets up, starts, exits)
    if os.access(DEVRUN, os.X_OK):
        ready, cpu = [], []
        for _ in range(5):
            p = subprocess.Popen([DEVRUN, "--exit-on-crash", "--no-color", "--", "false"], cwd=d,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            err = p.stderr.read().decode()
            _, _, ru = os.wait4(p.pid, 0)
            p.returncode = 1
            for l in err.splitlines():
                if "ready in" in l:
                    ready.append(float(l.split("ready in ")[1].split(" ms")[0]))
            cpu.append((ru.ru_utime + ru.ru_stime) * 1000.0)
        res["devrun set-up"] = {"ready_ms": median(ready), "cpu_ms": median(cpu), "n": len(ready)}
    return res


# ---- idle wake-ups -------------------------------------------------------

def ctx_switches(pid):
    total = 0
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for l in f:
                    if l.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(l.split()[1])
    except OSError:
        pass
    return total


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        rest = f.read().rsplit(")", 1)[1].split()
    return int(rest[11]) + int(rest[12])


def bench_idle(seconds):
    res = {}
    for name, argv in tools("node"):
        d = fresh_dir("idle")
        write(os.path.join(d, "app.js"), NODE_APP % 0)
        r = Run(argv, d)
        if not r.wait_starts(1):
            r.stop()
            continue
        r.settle(1.0)
        c0, t0 = ctx_switches(r.p.pid), cpu_ticks(r.p.pid)
        time.sleep(seconds)
        c1, t1 = ctx_switches(r.p.pid), cpu_ticks(r.p.pid)
        res[name] = {"seconds": seconds, "wakeups": c1 - c0,
                     "cpu_ms": (t1 - t0) * 1000.0 / os.sysconf("SC_CLK_TCK"),
                     "rss_mib": rss_kib(r.p.pid) / 1024.0}
        r.stop()
    return res


def main():
    os.makedirs(OUT, exist_ok=True)
    results = {"trials": TRIALS, "devrun": DEVRUN, "nodemon": NODEMON, "node": NODE}
    v = subprocess.run([NODE, "--version"], capture_output=True, text=True).stdout.strip() if NODE else None
    results["node_version"] = v
    if os.access(NODEMON, os.X_OK):
        results["nodemon_version"] = subprocess.run([NODEMON, "--version"], capture_output=True,
                                                    text=True).stdout.strip()
    steps = [("latency_node", lambda: bench_latency("node")), ("latency_sh", lambda: bench_latency("sh")),
             ("patterns", bench_patterns), ("procs", bench_procs), ("tree", bench_tree),
             ("idle", lambda: bench_idle(10 if QUICK else 20))]
    only = os.environ.get("ONLY")
    for key, fn in steps:
        if only and key not in only.split(","):
            continue
        t = time.time()
        print("== %s" % key, file=sys.stderr, flush=True)
        results[key] = fn()
        print("   %.0f s: %s" % (time.time() - t, json.dumps(results[key])), file=sys.stderr, flush=True)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    report(results)


def report(r):
    def f(x, fmt="%.1f"):
        return "—" if x is None or x != x else fmt % x

    print("\n| metric | " + " | ".join(t for t, _ in tools("node")) + " |")
    print("|---|" + "---|" * len(tools("node")))
    names = [t for t, _ in tools("node")]
    if "latency_node" in r:
        print("| save → new process, node app, p50 (p90) ms | " + " | ".join(
            "%s (%s)" % (f(r["latency_node"].get(n, {}) and r["latency_node"][n]["p50"]),
                         f(r["latency_node"].get(n, {}) and r["latency_node"][n]["p90"])) for n in names) + " |")
    if "latency_sh" in r:
        print("| save → new process, sh app, p50 (p90) ms | " + " | ".join(
            ("%s (%s)" % (f(r["latency_sh"][n]["p50"]), f(r["latency_sh"][n]["p90"])))
            if r["latency_sh"].get(n) else "n/a" for n in names) + " |")
    if "patterns" in r:
        for pname, _, want in PATTERNS:
            cells = []
            for n in names:
                x = r["patterns"].get(n, {}).get(pname)
                cells.append("%d/%d exact (median %s)" % (x["exact"], x["n"], f(median(x["counts"]), "%g"))
                             if x else "—")
            print("| restarts: %s (want %d) | %s |" % (pname, want, " | ".join(cells)))
    if "procs" in r:
        print("| EADDRINUSE / orphans over %s restarts | " % TRIALS + " | ".join(
            "%d / %d" % (r["procs"][n]["eaddrinuse"], r["procs"][n]["orphans"]) if r["procs"].get(n) else "—"
            for n in names) + " |")
        print("| processes left after the tool exits | " + " | ".join(
            "%d" % r["procs"][n]["left_after_exit"] if r["procs"].get(n) else "—" for n in names) + " |")
    if "tree" in r:
        print("| 50k files: launch → first change detected, ms | " + " | ".join(
            f(r["tree"][n]["detect_ms"], "%.0f") if r["tree"].get(n) else "n/a" for n in names) + " |")
        print("| 50k files: watcher RSS (peak), MiB | " + " | ".join(
            "%s (%s)" % (f(r["tree"][n]["rss_mib"]), f(r["tree"][n].get("peak_rss_mib")))
            if r["tree"].get(n) else "n/a" for n in names) + " |")
        su = r["tree"].get("devrun set-up")
        if su:
            print("| 50k files: devrun set-up alone (its \"ready in\") wall ms / CPU ms | %s / %s | | |"
                  % (f(su["ready_ms"], "%.0f"), f(su["cpu_ms"], "%.0f")))
    if "idle" in r:
        print("| idle: wake-ups (context switches) in %s s | " % (list(r["idle"].values())[0]["seconds"] if r["idle"] else "?") +
              " | ".join("%d" % r["idle"][n]["wakeups"] if r["idle"].get(n) else "—" for n in names) + " |")
        print("| idle: CPU ms | " + " | ".join(
            f(r["idle"][n]["cpu_ms"], "%.0f") if r["idle"].get(n) else "—" for n in names) + " |")
        print("| idle: watcher RSS, MiB (small app) | " + " | ".join(
            f(r["idle"][n]["rss_mib"]) if r["idle"].get(n) else "—" for n in names) + " |")


if __name__ == "__main__":
    main()
