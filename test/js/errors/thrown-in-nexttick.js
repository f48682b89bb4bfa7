// An exception thrown from a nextTick callback is uncaught: exit 1.
process.nextTick(function tickCallback() { throw new SyntaxError("from tick"); });
