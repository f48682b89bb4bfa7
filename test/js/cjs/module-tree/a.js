require("./c");
