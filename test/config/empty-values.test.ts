import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { readConfig } from '../../bot/config';

const ENV_EXAMPLE = join(__dirname, '..', '..', '..', '.env.example');

// `.env` files (ours, and the BotBuilder samples') list every setting, most of them empty: empty
// means "not set", so such a file behaves like no file at all.
describe('configuration: an empty value means "not set"', () => {
  const names = Object.keys(parseEnv(readFileSync(ENV_EXAMPLE, 'utf8')));

  it('.env.example names the settings the bot reads', () => {
    for (const name of ['PORT', 'MicrosoftAppType', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'STORAGE', 'RATE_LIMIT_PER_MINUTE'])
      assert.ok(names.includes(name), name);
  });

  it('every setting of .env.example left empty gives the defaults', () => {
    const empty = Object.fromEntries(names.map((name) => [name, '']));
    assert.deepEqual(readConfig({ ...empty, HOST: '' }), readConfig({}));
  });

  it('MicrosoftAppType= (as in the BotBuilder samples) with an app id is the default type, not an error', () => {
    const config = readConfig({ MicrosoftAppType: '', MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x' });
    assert.equal(config.microsoftAppType, 'MultiTenant');
    assert.equal(config.host, '0.0.0.0');
  });

  it('.env.example as shipped is a valid configuration', () => {
    assert.doesNotThrow(() => readConfig(parseEnv(readFileSync(ENV_EXAMPLE, 'utf8'))));
  });

  it('a value that is set but wrong is still refused, naming the variable', () => {
    assert.throws(() => readConfig({ MicrosoftAppType: 'multitenant' }), /^Error: MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, got "multitenant"$/);
    assert.throws(() => readConfig({ PORT: ' ' }), /PORT must be a number/);
  });
});
