// Throwing a string: no stack, the value is printed after the caret.
throw "a string";
