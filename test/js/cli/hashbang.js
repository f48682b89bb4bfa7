#!/usr/bin/env node
// A hashbang line is ignored.
console.log("hashbang ok");
