import { resolve } from 'node:path';
import { bundledKnowledgeDir, KnowledgeError, loadKnowledgeBase } from '../index';

// `npm run kb:check [dir]`: validates articles and rules and prints each problem with file, line and field.
const dir = process.argv[2] ? resolve(process.argv[2]) : bundledKnowledgeDir();
try {
  const started = performance.now();
  // The validator always walks every combination: never the outcome table kb:build saved.
  const kb = loadKnowledgeBase(dir, { ruleOutcomesFile: false });
  const loaded = Math.round(performance.now() - started);
  const { combinations, perVerdict, milliseconds } = kb.ruleStatistics;
  console.log(`Knowledge base OK: ${kb.articles.length} articles, ${kb.rules.length} rules, ${kb.limits.length} limits, ${kb.dimensions.length} fact dimensions (${dir})`);
  console.log(`Rules checked over ${combinations} combinations of asked facts in ${milliseconds} ms (whole load ${loaded} ms):`);
  for (const [verdict, count] of Object.entries(perVerdict)) console.log(`  ${verdict}: ${count}`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
