// a/b/c/three.js
