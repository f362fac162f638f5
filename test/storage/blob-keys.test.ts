import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { blobKey, BlobStateStorage } from '../../bot/storage/blob-state-storage';
import { Azurite } from '../support/azurite';

// Issue 13, finding 6: the blob of a key must belong to that exact key (on a real Azurite).
describe('blob names: one blob per exact key (issue 13, finding 6)', function () {
  this.timeout(30_000);
  let azurite: Azurite;
  let storage: BlobStateStorage;

  before(async () => {
    azurite = await Azurite.start();
  });
  beforeEach(() => {
    storage = new BlobStateStorage(azurite.connectionString, `keys-${randomUUID()}`);
  });
  after(async () => {
    await azurite?.dispose();
  });

  /** Writes a distinct value under each key, then reads each back: every key must get its own. */
  async function assertSeparate(keys: string[]): Promise<void> {
    for (const [i, key] of keys.entries()) await storage.write({ [key]: { value: i } });
    for (const [i, key] of keys.entries()) {
      const read = await storage.read([key]);
      assert.equal((read[key] as { value: number } | undefined)?.value, i, `key ${i} (${key.length} characters) read another key's item`);
    }
  }

  it('keeps "X/" apart from "X" (a conversation id ending in a slash)', async () => {
    await assertSeparate(['msteams/conversations/X', 'msteams/conversations/X/', 'msteams/conversations/X//']);
  });

  it('keeps two 1,100-character ids that share their first 1,050 characters apart', async () => {
    const shared = 'a'.repeat(1050);
    await assertSeparate([`test/conversations/${shared}${'b'.repeat(50)}/`, `test/conversations/${shared}${'c'.repeat(50)}/`]);
  });

  it('keeps ids with over 254 slashes apart', async () => {
    const slashes = '/'.repeat(300);
    await assertSeparate([`test/conversations/${slashes}a/`, `test/conversations/${slashes}b/`]);
  });

  it('stores, reads and deletes an id with a lone surrogate, apart from the same id with U+FFFD', async () => {
    const lone = 'test/conversations/id-\uD800-end/';
    await assertSeparate([lone, 'test/conversations/id-\uFFFD-end/']);
    await storage.delete([lone]);
    assert.deepEqual(await storage.read([lone]), {});
  });

  it('names every blob with a readable prefix and a fixed-length digest, without slashes', () => {
    const name = blobKey(`msteams/conversations/${'x'.repeat(5000)}/`);
    assert.match(name, /^msteams_conversations_x+-[0-9a-f]{64}$/);
    assert.ok(name.length <= 129);
    assert.notEqual(blobKey('X/'), blobKey('X'));
  });
});
