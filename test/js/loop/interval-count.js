// setInterval repeats until cleared.
let n = 0;
const id = setInterval(() => {
  console.log("tick", ++n);
  if (n === 3) { clearInterval(id); console.log("cleared"); }
}, 2);
