// refresh() on a timer that already fired re-arms it.
let n = 0;
const t = setTimeout(() => {
  console.log("fired", ++n);
  if (n < 3) t.refresh();
}, 1);
