import { strict as assert } from 'node:assert';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { readJsonBody } from '../../bot/http/json-body';

/** A request whose body arrives in `chunks`. */
function request(chunks: Buffer[]): IncomingMessage {
  const stream = Readable.from(chunks, { objectMode: false }) as unknown as IncomingMessage;
  stream.headers = { 'content-type': 'application/json; charset=utf-8' };
  return stream;
}

// One decoder serves every request (bot/http/json-body.ts): nothing of one body may reach the next.
describe('request bodies share one UTF-8 decoder', () => {
  it('reads a valid body after a refused one, whichever way the refused one broke', async () => {
    const valid = Buffer.from(JSON.stringify({ text: 'Größe – 日本' }));
    for (const broken of [Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), Buffer.from([0x7b, 0x22, 0x22, 0x3a, 0xe2, 0x82])]) {
      const refused = await readJsonBody(request([broken]));
      assert.deepEqual(refused, { ok: false, status: 400, code: 'BadRequest', message: 'The request body is not valid UTF-8.' });
      assert.deepEqual(await readJsonBody(request([valid])), { ok: true, value: { text: 'Größe – 日本' } });
    }
  });

  it('joins a body split inside a character, and refuses one cut off there', async () => {
    const bytes = Buffer.from(JSON.stringify({ text: 'né' }));
    const cut = bytes.indexOf(0xc3) + 1;
    assert.deepEqual(await readJsonBody(request([bytes.subarray(0, cut), bytes.subarray(cut)])), { ok: true, value: { text: 'né' } });
    assert.equal((await readJsonBody(request([bytes.subarray(0, cut)]))).ok, false);
  });
});
