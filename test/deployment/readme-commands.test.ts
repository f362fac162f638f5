import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArmTemplate } from './arm-template';

const REPO = join(__dirname, '..', '..', '..');
const README = readFileSync(join(REPO, 'deploymentTemplates', 'README.md'), 'utf8');

/** The README's shell commands in order: `sh` blocks, continuation lines joined, comments dropped. */
function commands(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/** `name=value` pairs after `--parameters` (not the `@file` ones), values unquoted. */
function passedParameters(command: string): Map<string, string> {
  const passed = new Map<string, string>();
  for (const match of command.matchAll(/(?:^|\s)(\w+)=("[^"]*"|\S+)/g)) passed.set(match[1]!, match[2]!.replace(/^"|"$/g, ''));
  return passed;
}

// A dry run of deploymentTemplates/README.md, offline: its commands in order, each deployment given
// every parameter its template needs, every shell variable set before it is used.
describe('deployment README: the commands, in order, with no missing step', () => {
  const lines = commands();
  const indexOf = (pattern: RegExp): number => {
    const index = lines.findIndex((line) => pattern.test(line));
    assert.ok(index >= 0, `no command matches ${pattern}`);
    return index;
  };

  it('creates the service principal of the app registration before any deployment (else every reply fails with AADSTS7000229)', () => {
    const app = indexOf(/^APP_ID=\$\(az ad app create /);
    const principal = indexOf(/^az ad sp create --id "\$APP_ID"$/);
    assert.ok(app < principal && principal < indexOf(/^az deployment /));
  });

  it('deploys the artifact of npm run package by zip deploy, after the infrastructure', () => {
    const packaged = indexOf(/^npm run package$/);
    const deployed = indexOf(/^az webapp deploy .*--src-path release\/release\.zip --type zip$/);
    assert.ok(indexOf(/^az deployment /) < packaged && packaged < deployed);
    assert.ok(!/npm ci --omit=dev|git archive|SCM_DO_BUILD_DURING_DEPLOYMENT=true/.test(README), 'one install story: the artifact, no build on the server');
  });

  it('sets every shell variable before a command uses it', () => {
    const defined = new Set<string>();
    for (const line of lines) {
      for (const match of line.matchAll(/\$\{?(\w+)/g)) assert.ok(defined.has(match[1]!), `$${match[1]} used before it is set: ${line}`);
      const assignment = /^([A-Z_]+)=/.exec(line);
      if (assignment) defined.add(assignment[1]!);
    }
    for (const name of ['RECORDS_SALT', 'ADMIN_IDS', 'APP_SECRET', 'TENANT_ID']) assert.ok(defined.has(name), name);
  });

  it('gives each deployment every parameter its template needs, and only parameters it declares', () => {
    const deployments = lines.filter((line) => /^az deployment (sub|group) create /.test(line));
    assert.equal(deployments.length, 4);
    for (const command of deployments) {
      const templateFile = /--template-file (\S+)/.exec(command)![1]!;
      const parametersFile = /--parameters @(\S+)/.exec(command)![1]!;
      const template = JSON.parse(readFileSync(join(REPO, templateFile), 'utf8')) as ArmTemplate;
      const fromFile = (JSON.parse(readFileSync(join(REPO, parametersFile), 'utf8')) as { parameters: Record<string, { value: unknown }> }).parameters;
      const passed = passedParameters(command.slice(command.indexOf('--parameters @')));
      for (const name of passed.keys()) assert.ok(name in template.parameters!, `${templateFile}: ${name} is not a parameter`);
      for (const [name, parameter] of Object.entries(template.parameters!)) {
        if (parameter.defaultValue !== undefined) continue;
        const value = passed.get(name) ?? fromFile[name]?.value;
        assert.ok(value !== undefined && value !== '', `${templateFile}: ${name} has no default and is not passed`);
      }
      if (/BotApp/.test(templateFile)) {
        assert.equal(passed.get('recordsSalt'), '$RECORDS_SALT');
        assert.equal(passed.get('adminAadObjectIds'), '$ADMIN_IDS');
      }
    }
  });
});
