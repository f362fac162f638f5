import { strict as assert } from 'node:assert';
import { BoundedCache } from '../../knowledge/bounded-cache';

describe('BoundedCache', () => {
  it('never holds more entries than its limit, and keeps what was used recently', () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 100, maxBytes: 1 << 20 });
    for (let i = 0; i < 10_000; i += 1) {
      cache.set(`word-${i}`, i);
      cache.get('word-0');
      assert.ok(cache.size <= 100);
    }
    assert.equal(cache.get('word-0'), 0, 'read on every round, so never dropped');
    assert.equal(cache.get('word-9999'), 9999);
    assert.equal(cache.has('word-5000'), false);
  });

  it('never holds more than its byte budget, and refuses an entry bigger than half of it', () => {
    const cache = new BoundedCache<string, string>({ maxEntries: 1_000_000, maxBytes: 64 * 1024, sizeOf: (v) => v.length * 2 });
    let held = 0;
    for (let i = 0; i < 2000; i += 1) {
      const key = `${i}-${'x'.repeat(200)}`;
      cache.set(key, 'y'.repeat(100));
      held = cache.size;
    }
    // Each entry weighs ~650 bytes: 64 KB holds about 100.
    assert.ok(held > 0 && held <= 101, `held ${held}`);
    cache.set('huge', 'z'.repeat(20_000));
    assert.equal(cache.has('huge'), false);
  });

  it('replaces a value set again without counting it twice', () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 4, maxBytes: 1 << 20 });
    for (let i = 0; i < 100; i += 1) cache.set('same', i);
    assert.equal(cache.size, 1);
    assert.equal(cache.get('same'), 99);
  });
});
