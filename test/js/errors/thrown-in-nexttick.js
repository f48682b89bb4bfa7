process.nextTick(function tickCallback() { throw new SyntaxError("from tick"); });
