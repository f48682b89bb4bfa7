// URLSearchParams: parsing, mutation, ordering, iteration, encoding.
const p = new URLSearchParams("?a=1&b=two&a=3&sp=x+y&enc=%26%3D");
console.log(p.get("a"), p.getAll("a"), p.get("sp"), p.get("enc"), p.get("none"), p.has("b"));
p.append("c", "new value"); p.set("a", "only"); p.delete("b");
console.log(p.toString(), p.size);
p.sort();
console.log([...p], [...p.keys()], [...p.values()]);
console.log(new URLSearchParams({ x: "1", y: "é ü" }).toString());
console.log(new URLSearchParams([["k", "v"], ["k", "w"]]).getAll("k"));
const u = new URL("http://h/?q=1");
u.searchParams.append("r", "2");
console.log(u.href, u.search);
