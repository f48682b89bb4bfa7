// dns: the server lists (from /etc/resolv.conf, set and normalised as Node),
// the default result order, the Resolver classes and lookupService.
const d = require('dns');
console.log(Array.isArray(d.getServers()), d.getServers().length > 0, d.getDefaultResultOrder());
try { d.setDefaultResultOrder('x'); } catch (e) { console.log(e.code, e.message); }
try { d.setServers(['bad']); } catch (e) { console.log(e.code, e.message); }
try { d.setServers('x'); } catch (e) { console.log(e.code, e.message); }
d.setServers(['1.1.1.1', '[::1]:53', '8.8.8.8:5353', '[::1]:5353', '8.8.4.4:53']);
console.log(d.getServers(), d.promises.getServers().length);
d.setDefaultResultOrder('ipv4first'); console.log(d.getDefaultResultOrder());
const r = new d.Resolver({ timeout: 100, tries: 2 });
console.log(typeof r.resolve4, typeof r.cancel, r.getServers().length > 0);
r.setServers(['9.9.9.9']); console.log(r.getServers());
try { new d.Resolver({ timeout: 'x' }); } catch (e) { console.log(e.code, e.message); }
try { r.setLocalAddress('x'); } catch (e) { console.log(e.code, e.message); }
const pr = new d.promises.Resolver(); console.log(typeof pr.resolveTxt);
try { d.lookupService('x', 1, () => {}); } catch (e) { console.log(e.code, e.message); }
try { d.lookupService('127.0.0.1', -1, () => {}); } catch (e) { console.log(e.code, e.message); }
// one after the other: thread-pool requests finish in any order
d.lookupService('127.0.0.1', 22, (e, h, s) => {
  console.log('lookupService', e, typeof h, typeof s);
  d.promises.lookupService('127.0.0.1', 80).then((x) => {
    console.log(Object.keys(x));
    d.lookup('localhost', (e2, a, f) => console.log('lookup', e2, typeof a, f));
  });
});
