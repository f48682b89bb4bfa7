// process.nextTick from different places keeps FIFO order per queue.
const log = [];
process.nextTick(() => log.push(1));
setTimeout(() => { process.nextTick(() => log.push(4)); log.push(3); }, 0);
process.nextTick(() => log.push(2));
setTimeout(() => console.log(log.join(",")), 50);
