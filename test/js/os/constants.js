// os.constants: errno, signals, priority, dlopen (Linux values).
const { constants } = require('os');
console.log(Object.keys(constants).join(), constants.UV_UDP_REUSEADDR);
console.log(constants.errno);
console.log(constants.signals);
console.log(constants.priority, constants.dlopen);
console.log(Object.isFrozen(constants), Object.isFrozen(constants.signals));
