// await resumes in the microtask queue, interleaved with other reactions.
async function a() {
  console.log("a start");
  await null;
  console.log("a after await 1");
  await null;
  console.log("a after await 2");
}
async function b() {
  console.log("b start");
  await null;
  console.log("b after await");
}
a(); b();
Promise.resolve().then(() => console.log("then"));
process.nextTick(() => console.log("tick"));
console.log("sync end");
