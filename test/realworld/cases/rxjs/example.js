// RxJS documented operators with timers and subjects.
const { of, from, interval, Subject, merge, firstValueFrom, lastValueFrom } = require('rxjs');
const { map, filter, take, scan, mergeMap, delay, toArray, debounceTime, catchError } = require('rxjs/operators');
of(1, 2, 3, 4, 5).pipe(filter((x) => x % 2), map((x) => x * 10)).subscribe((v) => console.log('of', v));
(async () => {
  console.log('interval', await lastValueFrom(interval(2).pipe(take(4), scan((a, b) => a + b, 0), toArray())));
  console.log('mergeMap', await lastValueFrom(from([30, 10, 20]).pipe(mergeMap((ms) => of(ms).pipe(delay(ms))), toArray())));
  const s = new Subject();
  const got = lastValueFrom(s.pipe(debounceTime(20), toArray()));
  s.next('a'); s.next('b'); setTimeout(() => { s.next('c'); s.complete(); }, 60);
  console.log('debounce', await got);
  console.log('error', await firstValueFrom(merge(of(1).pipe(map(() => { throw new Error('bad'); })), of(2)).pipe(catchError((e) => of(e.message)))));
})();
