// decimal.js documented examples.
const Decimal = require('decimal.js');
console.log(new Decimal(0.1).plus(0.2).toString(), 0.1 + 0.2);
Decimal.set({ precision: 50 });
console.log(Decimal.sqrt(2).toString(), new Decimal(1).div(3).toFixed(10));
console.log(new Decimal('1e-20').times('3.3e+15').toExponential(), Decimal.pow(2, 0.5).toSignificantDigits(8).toString());
console.log(new Decimal(255).toHexadecimal(), new Decimal('0xff.8').toString(), Decimal.exp(1).toPrecision(30));
