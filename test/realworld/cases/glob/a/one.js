// a/one.js
