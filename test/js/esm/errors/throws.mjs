throw new RangeError("thrown while evaluating");
