// Rejecting with a non-Error: ERR_UNHANDLED_REJECTION, exit 1.
Promise.reject(42);
