const name = "comp" + "uted";
exports[name] = "not detectable";
