// process.setUncaughtExceptionCaptureCallback.
process.setUncaughtExceptionCaptureCallback((e) => console.log("captured:", e.message));
console.log(process.hasUncaughtExceptionCaptureCallback());
setTimeout(() => { throw new Error("captured error"); }, 1);
