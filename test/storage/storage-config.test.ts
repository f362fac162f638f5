import { strict as assert } from 'node:assert';
import { readConfig } from '../../bot/config';
import { describeStorage, readStorageConfig } from '../../bot/storage/storage-config';
import { BotInstance } from './bot-instance';

const CONNECTION_STRING = 'DefaultEndpointsProtocol=https;AccountName=contosobot;AccountKey=c2VjcmV0LWtleS1ub3QtdG8tbG9n;EndpointSuffix=core.windows.net';

describe('state storage configuration', () => {
  it('is memory by default (the local quick start)', () => {
    assert.deepEqual(readConfig({}).storage, { kind: 'memory' });
    assert.deepEqual(readStorageConfig({ STORAGE: '' }), { kind: 'memory' });
  });

  it('is Azure Blob storage with STORAGE=blob, a connection string and a container (default bot-state)', () => {
    assert.deepEqual(readStorageConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING }), {
      kind: 'blob',
      connectionString: CONNECTION_STRING,
      container: 'bot-state',
    });
    assert.equal(readStorageConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING, AZURE_STORAGE_CONTAINER: 'exchange-bot-1' }).kind, 'blob');
  });

  const mistakes: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['an unknown STORAGE', { STORAGE: 'cosmos' }, /^STORAGE must be "memory" or "blob", got "cosmos"$/],
    ['STORAGE=blob without a connection string', { STORAGE: 'blob' }, /STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING/],
    ['a blank connection string', { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: '  ' }, /STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING/],
    ['something that is not a connection string', { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'hunter2-secret' }, /^AZURE_STORAGE_CONNECTION_STRING does not look like/],
    [
      'an invalid container name',
      { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING, AZURE_STORAGE_CONTAINER: 'Bot_State' },
      /^AZURE_STORAGE_CONTAINER must be .*got "Bot_State"$/,
    ],
  ];
  for (const [name, env, message] of mistakes) {
    it(`refuses ${name}, naming the variable without echoing the secret`, () => {
      assert.throws(
        () => readConfig(env),
        (error: Error) => {
          assert.match(error.message, message);
          assert.doesNotMatch(error.message, /hunter2|c2VjcmV0/);
          return true;
        },
      );
    });
  }

  it('describes the storage for the log without the account key', () => {
    const described = describeStorage(readStorageConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING }));
    assert.deepEqual(described, { storage: 'blob', container: 'bot-state', endpoint: 'contosobot.blob.core.windows.net' });
  });

  it('npm start refuses STORAGE=blob without a connection string, with the variable named', async () => {
    await assert.rejects(BotInstance.start({ STORAGE: 'blob' }), /exited with 1 before it was ready: STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING/);
  });
});
