// process.exit() without an argument honours a previously set exitCode.
process.exitCode = 4;
process.exit();
