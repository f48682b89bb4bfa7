// Signal numbers as Node reports them (Linux).
const s = require("os").constants.signals;
console.log(s.SIGINT, s.SIGTERM, s.SIGKILL, s.SIGHUP, s.SIGUSR2);
