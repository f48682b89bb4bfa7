const path = require('path');
let counter = 0;
function unused(a) { return a }
if (counter == 0) console.log("zero", undefinedThing);
module.exports = { path };
