// Throwing a non-Error value.
throw { code: 42, msg: "an object" };
