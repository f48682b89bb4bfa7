console.log("slow start");
export let ready = false;
await new Promise((r) => setTimeout(r, 10));
ready = true;
console.log("slow done");
