// vendor/v.js
