// Documented nunjucks usage: configure a loader, render a template with inheritance.
const nunjucks = require('nunjucks');
nunjucks.configure('views', { autoescape: true });
console.log(nunjucks.render('page.njk', {
  title: 'price list',
  items: [{ name: 'green tea', price: 3.456 }, { name: 'coffee', price: 2.5 }],
}));
console.log(nunjucks.renderString('Hello {{ name | default("world") }}!', {}));
