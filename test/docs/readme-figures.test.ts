import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_VERSION } from '../../bot/cards/adaptive-card-builders';
import { DEFAULT_CONTAINER } from '../../bot/storage/storage-config';
import { readConfig } from '../../bot/config';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../bot/http/json-body';
import { MAX_MESSAGE_LENGTH } from '../../bot/incoming-text';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The README's configuration table: variable → default column, as written. */
function configurationDefaults(): Map<string, string> {
  const rows = README.split('\n').filter((line) => /^\| `[A-Za-z_]+` \|/.test(line));
  return new Map(rows.map((row) => row.split('|').map((cell) => cell.trim())).map(([, name, fallback]) => [name!.replace(/`/g, ''), fallback!.replace(/`/g, '')]));
}

const thousands = (n: number) => n.toLocaleString('en-US');

// Figures the README states are the code's: each is read from the code here, so changing either
// side alone fails this test. (Figures measured by a test, such as the fuzz turns or the load
// test's conversations, are stated by that test's own constants and descriptions.)
describe('README figures come from the code', () => {
  it('the rule combinations the README states are the ones the loader checks', () => {
    const kb = sharedKnowledgeBase();
    assert.ok(
      README.includes(`every valid combination of asked\nfacts (${thousands(kb.ruleStatistics.combinations)} today`),
      `${thousands(kb.ruleStatistics.combinations)} combinations`,
    );
  });

  it('the rules, limits and verdicts per combination the README states are the ones kb:check counts', () => {
    const kb = sharedKnowledgeBase();
    const { perVerdict } = kb.ruleStatistics;
    const stated = `decided by ${kb.rules.length} rules and ${kb.limits.length} limits: ${thousands(perVerdict.supported)} supported, ${thousands(perVerdict['supported-with-conditions'])} supported with\nconditions, ${thousands(perVerdict['not-supported'])} not supported, ${thousands(perVerdict['not-covered'])} not covered`;
    assert.ok(README.includes(stated), stated);
  });

  it('the configuration table states the defaults readConfig applies', () => {
    const table = configurationDefaults();
    const config = readConfig({});
    assert.equal(table.get('PORT'), String(config.port));
    assert.equal(table.get('MicrosoftAppType'), config.microsoftAppType);
    assert.equal(table.get('RATE_LIMIT_PER_MINUTE'), String(config.rateLimit.perMinute));
    assert.equal(table.get('RATE_LIMIT_BURST'), String(config.rateLimit.burst));
    assert.equal(table.get('SHUTDOWN_TIMEOUT_MS'), String(config.shutdownTimeoutMs));
    assert.equal(table.get('STORAGE'), config.storage.kind);
    assert.equal(table.get('AZURE_STORAGE_CONTAINER'), DEFAULT_CONTAINER);
    assert.match(table.get('HOST')!, new RegExp(`^${config.host.replace(/\./g, '\\.')} without an app id`));
  });

  it('the hardening table states the body limits json-body.ts enforces', () => {
    assert.ok(README.includes(`| body over ${MAX_BODY_BYTES / 1024} KB (declared or streamed) | 413 |`), `${MAX_BODY_BYTES / 1024} KB`);
    assert.ok(README.includes(`nested more than ${MAX_JSON_DEPTH} levels`), `${MAX_JSON_DEPTH} levels`);
  });

  it('the longest message read is MAX_MESSAGE_LENGTH', () => {
    assert.ok(README.includes(`text over ${thousands(MAX_MESSAGE_LENGTH)} characters gets`), thousands(MAX_MESSAGE_LENGTH));
  });

  it('the card version and the Teams manifest schema version are the ones in use', () => {
    assert.ok(README.includes(`Adaptive Cards (v${CARD_VERSION}, what Teams renders)`), CARD_VERSION);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'teamsApp', 'manifest.json'), 'utf8')) as { manifestVersion: string };
    assert.ok(README.includes(`(manifest schema v${manifest.manifestVersion})`), manifest.manifestVersion);
  });

  it('states no count of rule combinations (it changes with the facts model; decide.test.ts checks every one)', () => {
    assert.doesNotMatch(README, /\b\d+ (rule )?combinations|combination[s]? of fact values \(\d+\)/);
  });
});
