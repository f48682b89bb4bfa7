// top.js
