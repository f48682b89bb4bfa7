// os argument validation.
const os = require('os');
for (const t of [() => os.getPriority('x'), () => os.getPriority(1.5), () => os.setPriority(0, -100), () => os.setPriority('a', 1), () => os.userInfo(1), () => os.setPriority(0, 'x')]) {
  try { console.log(t()); } catch (e) { console.log(e.name, e.code, e.message); }
}
os.setPriority(os.getPriority());
console.log('unchanged', os.getPriority() === os.getPriority(0));
