import { relative, resolve } from 'node:path';
import { bundledKnowledgeDir, KnowledgeError, loadKnowledgeBase } from '../index';
import { defaultYamlValuesFile, knowledgeContentHash, writeSearchIndex } from '../search/search-index-cache';
import { YamlValues } from '../loading/yaml-values';
import { defaultSavedSectionsFile, SavedSections } from '../loading/saved-sections';
import { defaultOutcomesFile, writeOutcomes } from '../rules/outcome-table-cache';
import { defaultPhraseTablesFile, phraseTablesHash, writePhraseTables } from '../reading/phrase-table-cache';

// `npm run kb:build [dir]`: validates the knowledge base (as kb:check does), builds its search index
// and writes it to .cache/search-index/ with a hash of the knowledge files and the indexing code.
// The bot loads it at start while the hash matches; after any edit it rebuilds and says so.
const dir = process.argv[2] ? resolve(process.argv[2]) : bundledKnowledgeDir();
try {
  const hash = knowledgeContentHash(dir);
  const started = process.hrtime.bigint();
  // Every YAML text parsed afresh, and its value saved for the next start (see YamlValues).
  const yamlValues = new YamlValues();
  // Every article body split afresh, and its sections saved likewise (see SavedSections).
  const savedSections = new SavedSections();
  const kb = loadKnowledgeBase(dir, { searchIndexFile: false, ruleOutcomesFile: false, phraseTablesFile: false, yamlValues, savedSections });
  const { file, bytes } = writeSearchIndex(dir, kb.searchIndex!.serialize(), { hash, articles: kb.articles.length });
  const saved = yamlValues.write(defaultYamlValuesFile(dir));
  const sections = savedSections.write(defaultSavedSectionsFile(dir));
  // The walk just ran and found no problem (or the load would have thrown): save what it decided.
  const outcomes = writeOutcomes(defaultOutcomesFile(dir), kb.ruleOutcomes!.hash, kb.ruleOutcomes!.outcomes, kb.ruleStatistics);
  // Built by this load from the table it just validated.
  const phrases = writePhraseTables(defaultPhraseTablesFile(dir), phraseTablesHash(kb.dimensions), kb.recognizer.tables);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`Search index written: ${relative(process.cwd(), file) || file} (${kb.articles.length} articles, ${(bytes / 1024).toFixed(1)} kB, ${ms.toFixed(0)} ms) for ${dir}`);
  console.log(`Parsed YAML saved: ${relative(process.cwd(), saved.file) || saved.file} (${yamlValues.size} texts, ${(saved.bytes / 1024).toFixed(1)} kB)`);
  console.log(
    `Rules' outcome table saved: ${relative(process.cwd(), outcomes.file) || outcomes.file} (${kb.ruleStatistics.combinations} combinations, ${(outcomes.bytes / 1024).toFixed(1)} kB)`,
  );
  console.log(`Article sections saved: ${relative(process.cwd(), sections.file) || sections.file} (${savedSections.size} bodies, ${(sections.bytes / 1024).toFixed(1)} kB)`);
  console.log(
    `Phrase tables saved: ${relative(process.cwd(), phrases.file) || phrases.file} (${kb.recognizer.tables.tokens.size} phrases, ${(phrases.bytes / 1024).toFixed(1)} kB)`,
  );
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
