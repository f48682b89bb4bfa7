// Exit codes are taken modulo 256 by the OS.
process.exit(257);
