require("../../really-missing");
