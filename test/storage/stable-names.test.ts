import { strict as assert } from 'node:assert';
import { saltedHash, shortHash } from '../../bot/records/record-keys';
import { blobKey } from '../../bot/storage/blob-state-storage';

// Values computed by the releases before issue 24's one-shot hashing (createHash, update by update):
// a stored conversation, record or user count must keep its name across the change.
describe('names derived from ids stay what earlier releases stored', () => {
  it('record hashes: salted id and short hash', () => {
    assert.equal(saltedHash('salt-1', 'user-é-1'), '660ba2bc618a6745');
    assert.equal(shortHash('answer', '2026-12-06', 'conv-1'), 'd276dba2bf0a2aa5');
  });

  it('blob name of a state key, over its UTF-16 code units (a lone surrogate included)', () => {
    assert.equal(blobKey('msteams/conversations/19:abc\ud800é/'), 'msteams_conversations_19_abc___-75a53ba5c1c1044c6edf4743ae7b73e40c951650d8a88498f5ffe463cf5a7fb3');
  });
});
