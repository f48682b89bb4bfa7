exports = { alsoLost: true };  // rebinding the variable exports nothing
