"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.helper = exports.VERSION = void 0;
exports.VERSION = "1.0";
function helper() { return "ts helper"; }
exports.helper = helper;
