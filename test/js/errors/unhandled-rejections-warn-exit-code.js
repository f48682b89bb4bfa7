// --unhandled-rejections=warn-with-error-code: the program continues, but
// the exit code is 1.
Promise.reject(new Error("noted"));
setTimeout(() => console.log("still running, exitCode", process.exitCode), 5);
