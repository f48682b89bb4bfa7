example.js
