function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
module.exports = ({ n }) => { if (n < 0) throw new RangeError('negative'); return fib(n + 20); };
module.exports.square = ({ n }) => n * n;
