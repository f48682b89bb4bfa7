// Builtins as ES modules: default export plus named exports, node: prefix.
import fs, { readFileSync } from "fs";
import * as pathNs from "node:path";
import { EventEmitter } from "events";
import process2 from "process";
console.log(fs.readFileSync === readFileSync, typeof pathNs.join, pathNs.default.join === pathNs.join);
console.log(typeof EventEmitter, process2 === process);
