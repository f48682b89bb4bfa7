globalThis.attempts = (globalThis.attempts || 0) + 1;
throw new Error("attempt " + globalThis.attempts);
