// comment line
const x = 1;
x();
