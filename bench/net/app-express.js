// bench/net: the express@4 hello world measured by http.sh.
const express = require('express');
const app = express();
app.get('/', (req, res) => res.send('hello world'));
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
