// An unref'd timer still fires while something else keeps the loop alive.
setTimeout(() => console.log("unref'd fired"), 5).unref();
setTimeout(() => console.log("ref'd fired"), 200);
