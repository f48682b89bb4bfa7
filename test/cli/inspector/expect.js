// expect.js — a tiny expect(1) for interactive clients (node inspect):
// spawns a command, waits for output patterns, writes lines.
'use strict';
const { spawn } = require('child_process');

class Expect {
  constructor(cmd, args, opts = {}) {
    this.out = '';
    this.mark = 0;
    this.p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], ...opts });
    this.p.stdout.on('data', (d) => { this.out += d; this.kick(); });
    this.p.stderr.on('data', (d) => { this.out += d; this.kick(); });
    this.exited = new Promise((r) => this.p.on('exit', (code) => { this.code = code; r(code); this.kick(); }));
    this.waiters = [];
  }
  kick() { for (const w of this.waiters.splice(0)) w(); }
  // Waits for `re` in the output after the last match; returns the match.
  async expect(re, ms = 20000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const rest = this.out.slice(this.mark);
      const m = rest.match(re);
      if (m) { this.mark += m.index + m[0].length; return m; }
      if (this.code !== undefined) throw new Error(`exited (${this.code}) before ${re}; output:\n${this.out}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}; output:\n${this.out}`);
      await new Promise((r) => { this.waiters.push(r); setTimeout(r, 200); });
    }
  }
  send(line) { this.p.stdin.write(`${line}\n`); }
}
module.exports = { Expect };
