Object.defineProperty(exports, "__esModule", { value: true });
exports.default = "babel default";
exports.named = "named";
