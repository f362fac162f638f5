import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** The rule ids and messages ESLint reports for `code` as if it were the file `path` of this repository. */
async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, path) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

// The layers hold by themselves: `npm run lint` (eslint.config.mjs) refuses an import that breaks
// one. Each case lints a one-line file placed in the layer, so the rules cannot silently vanish.
describe('lint enforces the layers (eslint.config.mjs)', function () {
  this.timeout(60_000);

  const refused: Array<[string, string]> = [
    ['knowledge/new-module.ts', "import { TurnContext } from 'botbuilder';"],
    ['knowledge/new-module.ts', "import { ComponentDialog } from 'botbuilder-dialogs';"],
    ['knowledge/new-module.ts', "import restify from 'restify';"],
    ['knowledge/new-module.ts', "import { readConfig } from '../bot/config';"],
    ['knowledge/cli/new-cli.ts', "import { MainDialog } from '../../dialogs/main-dialog';"],
    ['dialogs/new-dialog.ts', "import { readConfig } from '../bot/config';"],
    ['dialogs/new-dialog.ts', "import restify from 'restify';"],
    ['dialogs/new-dialog.ts', "import { ComponentDialog } from 'botbuilder-dialogs';"],
    ['dialogs/new-dialog.ts', "import { TurnContext } from 'botbuilder';"],
    ['dialogs/new-dialog.ts', "import { Dialog } from '@microsoft/agents-hosting-dialogs';"],
    ['test/knowledge/new.test.ts', "import { startServer } from '../../bot/server';"],
    ['test/knowledge/new.test.ts', "import { MemoryStorage } from 'botbuilder';"],
    ['test/dialogs/new.test.ts', "import { startServer } from '../../bot/server';"],
    ['knowledge/new-module.ts', "import { Activity } from '@microsoft/agents-activity';"],
    ['bot/new-module.ts', "import { TurnContext } from 'botbuilder';"],
    ['bot/new-module.ts', "import { CloudAdapter } from '@microsoft/agents-hosting';"],
    ['bot/cards/new-card.ts', "import { CardFactory } from 'botbuilder-core';"],
    ['bot/storage/new-store.ts', "import { BlobsStorage } from 'botbuilder-azure-blobs';"],
    ['bot/storage/new-store.ts', "import { BlobsStorage } from '@microsoft/agents-hosting-storage-blob';"],
    ['bot/http/new-check.ts', "import { Activity } from 'botframework-schema';"],
    ['bot/hosts/new-host.ts', "import { TurnContext } from 'botbuilder';"],
    ['dialogs/turn/new-module.ts', "import { TurnContext } from 'botbuilder';"],
    ['dialogs/turn/new-module.ts', "import { TurnContext } from '@microsoft/agents-hosting';"],
    ['dialogs/turn/new-module.ts', "import { readConfig } from '../../bot/config';"],
    ['dialogs/turn/new-module.ts', "import { MainDialog } from '../main-dialog';"],
  ];
  for (const [path, line] of refused) {
    it(`refuses in ${path}: ${line}`, async () => {
      const messages = await lintAs(path, `${line}\nexport const used = [${/import (?:\{ )?(\w+)/.exec(line)![1]}];\n`);
      assert.ok(
        messages.some((m) => m.startsWith('no-restricted-imports:')),
        messages.join('\n') || 'no problem reported',
      );
    });
  }

  const allowed: Array<[string, string]> = [
    ['knowledge/new-module.ts', "import { tokenize } from './reading/text-tokens';"],
    ['dialogs/new-dialog.ts', "import { loadKnowledgeBase } from '../knowledge';"],
    ['dialogs/new-dialog.ts', "import { TurnContext } from './turn';"],
    ['bot/new-module.ts', "import { MainDialog } from '../dialogs/main-dialog';"],
    ['dialogs/turn/new-module.ts', "import { ActivityTypes } from './activity';"],
    ['bot/hosts/botbuilder/new-module.ts', "import { CloudAdapter } from 'botbuilder';"],
    ['bot/hosts/botbuilder/new-module.ts', "import { AuthenticationConstants } from 'botframework-connector';"],
    ['bot/hosts/agents/new-module.ts', "import { CloudAdapter } from '@microsoft/agents-hosting';"],
    ['bot/index.ts', "import { CloudAdapter } from 'botbuilder';"],
    ['bot/agents-index.ts', "import { CloudAdapter } from '@microsoft/agents-hosting';"],
    ['bot/new-module.ts', "import { TurnContext } from '../dialogs/turn';"],
    ['test/knowledge/new.test.ts', "import { stripMentions } from '../../bot/incoming-text';"],
  ];
  for (const [path, line] of allowed) {
    it(`allows in ${path}: ${line}`, async () => {
      const messages = await lintAs(path, `${line}\nexport const used = [${/import (?:\{ )?(\w+)/.exec(line)![1]}];\n`);
      assert.deepEqual(messages, []);
    });
  }
});
