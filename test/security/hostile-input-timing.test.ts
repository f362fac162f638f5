import { strict as assert } from 'node:assert';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { HOSTILE_INPUTS, medianTurnMs, NORMAL_INPUT } from '../load/hostile-inputs';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Issue 13, finding 2: an input built to be slow (a quadratic regex, an expanding character, a huge
// query) must not cost much more than an ordinary turn. Absolute figures are in the benchmark
// (`npm run bench -- --only hostile`); this holds on any machine.
// Lead, session 8: 30x (was 20x). A 4,000-character message of fresh typos costs 38-47 ms on an idle 2-core machine
// against a normal turn of 2-4 ms, so 20x failed on a quick yardstick (clean-clone runs: 44.7 and 46.6 ms against 40);
// the search's fresh-word lookups dominate it. A pathological input (a quadratic regex, an expanding character) costs
// hundreds of times a turn, which 30x still catches; the speed itself is the benchmark's to report.
// Lead, session 12: 40x. Normal turns got quicker (1.8-2.2 ms) while the typo message stayed at 42-48 ms alone (about
// 26x), and under the parallel test run it read 74 ms; 40x still fails anything pathological by a wide margin.
const MAX_RATIO = 40;

describe('hostile inputs: no turn takes more than 40x a normal turn (issue 13, finding 2)', function () {
  this.timeout(120_000);
  let bot: RunningServer;

  before(async () => {
    bot = await startServer({ config: { ...readConfig({ RATE_LIMIT_PER_MINUTE: '0' }), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
  });
  after(async () => {
    await bot?.close();
  });

  it('answers every hostile input within 40x the median of a normal turn', async () => {
    // Warm-up: code compiled and caches filled for the yardstick and for every input.
    await medianTurnMs(bot.url, NORMAL_INPUT, 20);
    for (const input of HOSTILE_INPUTS) await medianTurnMs(bot.url, input, 1);
    // Each input is weighed against normal turns taken right beside it: since npm test runs two files at once (mocha's
    // parallel mode, session 12), the other worker's load comes and goes, and a yardstick taken once, before, read a
    // 4,000-character typo message at 74 ms against a 2.2 ms normal turn measured in a quiet moment (44 ms alone).
    const slow: string[] = [];
    const figures: string[] = [];
    for (const input of HOSTILE_INPUTS) {
      const normal = await medianTurnMs(bot.url, NORMAL_INPUT, 11);
      const ms = await medianTurnMs(bot.url, input, 5);
      const after = await medianTurnMs(bot.url, NORMAL_INPUT, 11);
      const yardstick = Math.max(normal, after);
      figures.push(`${input.name}: ${ms} ms (normal turn ${yardstick} ms)`);
      if (ms > MAX_RATIO * yardstick) slow.push(`${input.name}: ${ms} ms, over ${MAX_RATIO} x ${yardstick} ms`);
    }
    console.log(figures.map((f) => `      ${f}`).join('\n'));
    assert.deepEqual(slow, []);
  });
});
