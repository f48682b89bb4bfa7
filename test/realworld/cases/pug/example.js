// Documented pug API usage: compile a template, render with locals.
const pug = require('pug');
const fn = pug.compile(`
doctype html
html(lang="en")
  head
    title= pageTitle
  body
    h1.title #{pageTitle}
    if users.length
      ul#users
        each user, i in users
          li(class=i % 2 ? 'odd' : 'even')= user
    else
      p No users
    p.
      Escaped: #{'<b>'} and unescaped: !{'<i>ok</i>'}
`, { pretty: true });
console.log(fn({ pageTitle: 'Pug demo', users: ['ann', 'bob', 'cy'] }));
console.log(pug.render('p= 1 + 2'));
try { pug.render('div\n  p(unclosed'); } catch (e) { console.log('error:', e.code, e.msg); }
