throw new Error("fake.js must come from require.cache, not run");
