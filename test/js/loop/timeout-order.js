// Timers fire by due time; equal delays fire in creation order.
const order = [];
for (const [name, ms] of [["c100", 100], ["a0", 0], ["b50", 50], ["a0bis", 0], ["b50bis", 50], ["d1", 1]])
  setTimeout(() => order.push(name), ms);
setTimeout(() => console.log(order.join(" ")), 200);
