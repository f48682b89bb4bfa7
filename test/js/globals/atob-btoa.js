// atob/btoa (latin1 strings), and their errors.
console.log(btoa("hello"), atob("aGVsbG8="), btoa(""), atob(""));
console.log(btoa(String.fromCharCode(0, 255, 128)), JSON.stringify(atob("AP+A")));
console.log(atob(" aGVs bG8 "), atob("aGVsbG8"));
try { btoa("€"); } catch (e) { console.log(e.name, e.code); }
try { atob("*"); } catch (e) { console.log(e.name, e.code); }
try { atob(); } catch (e) { console.log(e.name, e.code); }
