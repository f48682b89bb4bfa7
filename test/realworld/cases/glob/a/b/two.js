// a/b/two.js
