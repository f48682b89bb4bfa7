@NM@/js-beautify/js/bin/js-beautify.js
--indent-size
2
ugly.js
