// Timers fire by due time; equal delays fire in creation order.
const order = [];
for (const [name, ms] of [["c30", 30], ["a0", 0], ["b10", 10], ["a0bis", 0], ["b10bis", 10], ["d1", 1]])
  setTimeout(() => order.push(name), ms);
setTimeout(() => console.log(order.join(" ")), 60);
