console.log("main");
require("./dep");
