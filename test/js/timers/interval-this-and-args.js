// setInterval passes arguments each time; `this` is the Timeout.
let n = 0;
const t = setInterval(function (tag) {
  console.log(tag, ++n, this === t);
  if (n === 2) clearInterval(this);
}, 1, "iv");
