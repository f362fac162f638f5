import { strict as assert } from 'node:assert';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { loadKnowledgeBase } from '../../knowledge';
import { HOSTILE_INPUTS, medianTurnMs, NORMAL_INPUT } from '../load/hostile-inputs';

// Issue 13, finding 2: an input built to be slow (a quadratic regex, an expanding character, a huge
// query) must not cost much more than an ordinary turn. Absolute figures are in the benchmark
// (`npm run bench -- --only hostile`); this holds on any machine.
const MAX_RATIO = 20;

describe('hostile inputs: no turn takes more than 20x a normal turn (issue 13, finding 2)', function () {
  this.timeout(120_000);
  let bot: RunningServer;

  before(async () => {
    bot = await startServer({ config: { ...readConfig({ RATE_LIMIT_PER_MINUTE: '0' }), port: 0 }, knowledge: loadKnowledgeBase(), log: memoryLogger() });
  });
  after(async () => {
    await bot?.close();
  });

  it('answers every hostile input within 20x the median of a normal turn', async () => {
    // Warm-up: code compiled and caches filled for the yardstick and for every input.
    await medianTurnMs(bot.url, NORMAL_INPUT, 20);
    for (const input of HOSTILE_INPUTS) await medianTurnMs(bot.url, input, 1);
    const normal = await medianTurnMs(bot.url, NORMAL_INPUT, 31);
    const slow: string[] = [];
    const figures: string[] = [];
    for (const input of HOSTILE_INPUTS) {
      const ms = await medianTurnMs(bot.url, input, 5);
      figures.push(`${input.name}: ${ms} ms`);
      if (ms > MAX_RATIO * normal) slow.push(`${input.name}: ${ms} ms`);
    }
    console.log(`      normal turn ${normal} ms\n${figures.map((f) => `      ${f}`).join('\n')}`);
    assert.deepEqual(slow, [], `over ${MAX_RATIO} x ${normal} ms`);
  });
});
