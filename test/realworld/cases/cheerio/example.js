// cheerio's documented usage: load HTML, select, manipulate, render.
const cheerio = require('cheerio');
const $ = cheerio.load('<h2 class="title">Hello world</h2><ul id="fruits"><li class="apple">Apple</li><li class="orange">Orange</li><li class="pear">Pear</li></ul>');
$('h2.title').text('Hello there!');
$('h2').addClass('welcome');
$('#fruits').append('<li class="plum">Plum &amp; co</li>');
console.log($.html());
console.log($('li').map((i, el) => $(el).attr('class')).get().join(','));
console.log($('.orange').next().text(), $('#fruits').children().length, $('li:nth-child(2)').text());
const xml = cheerio.load('<root><item id="1"/><item id="2">two</item></root>', { xmlMode: true });
console.log(xml('item[id=2]').text(), xml.xml());
