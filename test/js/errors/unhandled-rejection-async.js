// A throwing async function nobody awaits.
async function job() {
  await null;
  throw new Error("async failure");
}
job();
