// A signal listener alone does not keep the loop alive.
process.on("SIGUSR2", () => console.log("never"));
process.on("exit", (c) => console.log("exit", c));
