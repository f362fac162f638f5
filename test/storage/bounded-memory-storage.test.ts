import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BoundedMemoryStorage } from '../../bot/storage/bounded-memory-storage';

/**
 * The in-memory state storage's eviction (bot/storage/bounded-memory-storage.ts) against a plain model of least-recently-used
 * order: the storage keeps its place in its key order between evictions (issue 24), so any mix of writes, reads (which make
 * an item recent), deletes and evictions must leave exactly the items the model keeps, with the values last written.
 */
describe('BoundedMemoryStorage eviction (least recently used, by items and bytes)', () => {
  type Op = { kind: 'write'; key: number; size: number } | { kind: 'read'; key: number } | { kind: 'delete'; key: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('write' as const), key: fc.nat(40), size: fc.nat(300) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('read' as const), key: fc.nat(40) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key: fc.nat(40) }) },
  );

  /** The model: a list in use order (oldest first), each item's stored JSON and its weight as the storage counts it. */
  const model = (maxItems: number, maxBytes: number) => {
    const order: string[] = [];
    const values = new Map<string, { text: string; eTag: string; json: string }>();
    let nextETag = 1;
    const bytes = () => order.reduce((n, k) => n + (k.length + values.get(k)!.json.length) * 2, 0);
    const use = (key: string) => {
      const at = order.indexOf(key);
      if (at >= 0) order.splice(at, 1);
      if (values.has(key)) order.push(key);
    };
    return {
      write(key: string, text: string) {
        const eTag = String(nextETag++);
        values.set(key, { text, eTag, json: JSON.stringify({ text, eTag }) });
        use(key);
        while (order.length > maxItems || bytes() > maxBytes) values.delete(order.shift()!);
      },
      read(key: string) {
        use(key);
      },
      delete(key: string) {
        values.delete(key);
        use(key);
      },
      items: () => Object.fromEntries([...values].map(([k, v]) => [k, { text: v.text, eTag: v.eTag }])),
    };
  };

  it('keeps what a plain least-recently-used model keeps, through any mix of writes, reads and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 400 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 400, max: 6000 }), async (ops, maxItems, maxBytes) => {
        const storage = new BoundedMemoryStorage({ maxItems, maxBytes });
        const expected = model(maxItems, maxBytes);
        for (const o of ops) {
          const key = `k${o.key}`;
          if (o.kind === 'write') {
            await storage.write({ [key]: { text: 'x'.repeat(o.size) } });
            expected.write(key, 'x'.repeat(o.size));
          } else if (o.kind === 'read') {
            await storage.read([key]);
            expected.read(key);
          } else {
            await storage.delete([key]);
            expected.delete(key);
          }
        }
        const want = expected.items();
        const keys = Array.from({ length: 41 }, (_, i) => `k${i}`);
        // A read makes items recent in both, so all are read at once (the storage reads them before any could be evicted).
        assert.deepEqual(await storage.read(keys), want);
        assert.equal(storage.size, Object.keys(want).length);
      }),
      { numRuns: 300 },
    );
  });

  it('evicts in order across many evictions once full (the kept place in the key order stays right after the table is rebuilt)', async () => {
    const storage = new BoundedMemoryStorage({ maxItems: 1_000, maxBytes: 1 << 30 });
    for (let i = 0; i < 50_000; i += 1) {
      await storage.write({ [`c${i}`]: { step: i } });
      // Every third item is read again at once: it becomes recent, and outlives the two written around it.
      if (i % 3 === 0) await storage.read([`c${i}`]);
    }
    assert.equal(storage.size, 1_000);
    const kept = await storage.read(Array.from({ length: 1_000 }, (_, k) => `c${49_000 + k}`));
    assert.equal(Object.keys(kept).length, 1_000, 'the last 1,000 written are the ones kept');
  });
});
