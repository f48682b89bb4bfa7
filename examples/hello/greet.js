exports.greet = (name) => `hello from ${name}! ${JSON.stringify({ pid: typeof process.pid })}`;
