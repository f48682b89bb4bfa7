// A numeric string is accepted as an exit code.
process.exit("3");
