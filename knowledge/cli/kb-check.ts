import { resolve } from 'node:path';
import { bundledKnowledgeDir, KnowledgeError, loadKnowledgeBase } from '../index';

// `npm run kb:check [dir]`: validates articles and rules and prints each problem with file, line and field.
const dir = process.argv[2] ? resolve(process.argv[2]) : bundledKnowledgeDir();
try {
  const kb = loadKnowledgeBase(dir);
  console.log(`Knowledge base OK: ${kb.articles.length} articles, ${kb.rules.length} rules, ${kb.dimensions.length} fact dimensions (${dir})`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
