import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readArticles, readArticlesInSlices, type Article } from './loading/articles';
import { KNOWLEDGE_LIMITS, parserFailure } from './loading/load-limits';
import { FactRecognizer, type Facts } from './reading/fact-recognizer';
import { asksUnjudgedTopic, asSuggestionsOnly } from './search/unjudged-topic';
import { normalizeQuestionWords } from './reading/question-words';
import { asksCapacity, asksForSteps, asksUnheldKind, asksUnheldTopic, isNumberedSteps } from './search/unheld-question';
import { howToAsked } from './direct-answers/how-to-answers';
import { defaultPhraseTablesFile, phraseTablesHash, readPhraseTables, type SavedPhraseTables } from './reading/phrase-table-cache';
import { KnowledgeError, type KnowledgeProblem } from './loading/problems';
import { FactSpace, type SetAside } from './rules/fact-space';
import { blankBuilds, buildFacts, findBuilds, shortVersionInSentence } from './reading/build-numbers';
import { namedUpdateCurrency, runningUpdate, spellUpdates, type ServicedUpdates } from './reading/typed-update';
import {
  assumedFactsSchema,
  buildsFileSchema,
  dimensionsSchema,
  factsSchema,
  lifecycleSchema,
  rulesSchema,
  synonymsSchema,
  type Dimension,
  type DimensionValue,
  type Fact,
  type LifecycleEntry,
} from './loading/schemas';
import { BuildTable, checkBuilds } from './rules/exchange-builds';
import type { SearchAnswer } from './search/search';
import { defaultYamlValuesFile, openSearch, type SearchIndexOptions, type SearchIndexStatus } from './search/search-index-cache';
import { YamlValues } from './loading/yaml-values';
import { defaultSavedSectionsFile, SavedSections } from './loading/saved-sections';
import { SearchVocabulary } from './search/search-vocabulary';
import { TypoReading } from './reading/typo-reading';
import { SupportCheck, type CheckStep, type SetupOutcome } from './rules/support-check';
import { compileAssumedFacts, type AssumedFact } from './rules/assumed-facts';
import { DirectAnswers } from './direct-answers';
import { coexistenceSchema, checkCoexistence, type CoexistenceEntry } from './direct-answers/coexistence-table';
import { glossarySchema, checkGlossary, type GlossaryEntry } from './direct-answers/glossary-table';
import { howToSchema, checkHowTo, type HowToEntry } from './direct-answers/how-to-table';
import { generalRulesSchema, checkGeneralRules, type GeneralRuleEntry } from './direct-answers/general-rule-table';
import { compileRules, type Decision, type OutcomeTable, type RulesStatistics, type SupportLimit, type SupportRule } from './rules/support-rules';
import { defaultOutcomesFile, outcomesHash, readOutcomes, type SavedOutcomes } from './rules/outcome-table-cache';
import { parseYamlSource, validateYaml } from './loading/yaml-source';
import type { z } from 'zod';

/** Everything the bot knows, loaded and validated: articles, rules, and the means to use them. */
export interface KnowledgeBase {
  articles: readonly Article[];
  rules: readonly SupportRule[];
  /** Limits of designs that rest on stated facts (domain-controller nodes, node counts, components). */
  limits: readonly SupportLimit[];
  dimensions: readonly Dimension[];
  /** How many combinations the rules were checked over, per verdict, and how long it took. */
  ruleStatistics: RulesStatistics;
  facts: readonly Fact[];
  article(id: string): Article | undefined;
  /** Finds the article that answers a question, or nothing if none is relevant enough. */
  search(question: string): SearchAnswer;
  /** The verdict for a set of facts, or undefined while unknown facts could still change it. */
  decide(facts: Facts): Decision | undefined;
  /** The guided check's next step: a verdict, or the one question whose answer matters next. */
  nextStep(facts: Facts): CheckStep;
  /** Keeps only facts the rules know (drops stale or forged dimensions and values), translated to the values that exist for the rest. */
  knownFacts(facts: Facts): Facts;
  /** Facts the user gave that cannot apply to the rest of the setup ("CCR" of Exchange 2016), to name back. */
  setAside(facts: Facts): SetAside[];
  /** The values a question offers, given what is known (never a role the version does not have). */
  valuesFor(dimensionId: string, facts: Facts): DimensionValue[];
  /** What the check says for every setup the facts could still be (see {@link SupportCheck.setups}). */
  setups(facts: Facts): readonly SetupOutcome[];
  /** The lifecycle table (lifecycle.yaml): end of support per Exchange and Windows release. */
  lifecycle: readonly LifecycleEntry[];
  /** Facts with one sensible answer (assumed-facts.yaml): taken rather than asked, and named in the verdict. */
  assumedFacts: readonly AssumedFact[];
  /** The coexistence table (coexistence.yaml): which Exchange versions may share an organization. */
  coexistence: readonly CoexistenceEntry[];
  /** The glossary (glossary.yaml): terms, their names and acronyms, and their definitions. */
  glossary: readonly GlossaryEntry[];
  /** The how-to table (how-to.yaml): what the knowledge holds about a task, and where its steps are. */
  howTo: readonly HowToEntry[];
  /** Yes/no rules the check cannot judge (general-rules.yaml), answered directly. */
  generalRules: readonly GeneralRuleEntry[];
  /** Direct answers from the tables (dates, numbers, lists, yes/no general rules): see knowledge/direct-answers. */
  directAnswers: DirectAnswers;
  /** Reads facts and answers out of typed text. */
  recognizer: FactRecognizer;
  /** The Exchange build table: what a build number is, the latest update of each version. */
  builds: BuildTable;
  /** Whether the search index was loaded prebuilt or built at load, and its serialized form (for `npm run kb:build`). */
  searchIndex?: SearchIndexStatus & { serialize(): string };
  /** The rules' outcome table and the hash of what it was walked from (for `npm run kb:build`). */
  ruleOutcomes?: { hash: string; outcomes: OutcomeTable };
}

/** How {@link loadKnowledgeBase} finds its prebuilt parts (see `npm run kb:build`). */
export interface KnowledgeLoadOptions extends SearchIndexOptions {
  /**
   * Parsed YAML values to use for unchanged texts, and where texts parsed now are remembered.
   * Defaults to the values `npm run kb:build` saved for this folder (none when it has not run).
   */
  yamlValues?: YamlValues;
  /**
   * The rules' outcome table saved by `npm run kb:build`, used when its hash matches the tables and
   * code of this load (see rules/outcome-table-cache.ts); `false` always walks. Defaults to
   * {@link defaultOutcomesFile} of the folder.
   */
  ruleOutcomesFile?: string | false;
  /**
   * The fact recognizer's phrase tables saved by `npm run kb:build`, used when their hash matches the
   * dimensions table and code of this load (see reading/phrase-table-cache.ts); `false` always builds
   * them. Defaults to {@link defaultPhraseTablesFile} of the folder.
   */
  phraseTablesFile?: string | false;
  /**
   * Article sections to use for unchanged bodies, and where bodies split now are remembered.
   * Defaults to the sections `npm run kb:build` saved for this folder (none when it has not run).
   */
  savedSections?: SavedSections;
}

/** The knowledge folder bundled with the bot (`knowledge/` at the package root), wherever the code runs from. */
export function bundledKnowledgeDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return join(dir, 'knowledge');
}

/**
 * Loads and validates the knowledge base in `dir` (articles in `articles/`, tables in `data/`).
 * Throws a {@link KnowledgeError} listing every problem (file, line, field) if anything is wrong,
 * so a server never starts on half-valid knowledge.
 *
 * @example
 * const kb = loadKnowledgeBase(bundledKnowledgeDir());
 * kb.search('FE on MSCS?').best?.article.id; // 'KB837852'
 * kb.decide({ version: '2003', role: 'front-end', ha: 'cluster' })?.verdict; // 'not-supported'
 *
 * The search index comes from the prebuilt file of `npm run kb:build` when its content hash still
 * matches (see search-index-cache.ts), and is built otherwise; validation always runs first.
 */
export function loadKnowledgeBase(dir: string = bundledKnowledgeDir(), options: KnowledgeLoadOptions = {}): KnowledgeBase {
  try {
    return loadValidated(dir, options);
  } catch (error) {
    // Whatever a parser or a check throws is a problem of this folder, never a crash of the caller
    // (the watcher of a running bot, `POST /admin/reload`, `npm run kb:check`).
    if (error instanceof KnowledgeError) throw error;
    throw new KnowledgeError([parserFailure(relative(process.cwd(), dir) || dir, error, undefined)]);
  }
}

/**
 * {@link loadKnowledgeBase} for a running bot: the articles and tables are parsed first in slices,
 * one file at a time with the event loop free in between, and the load then takes each parsed
 * value from there. Other users' turns wait for one file's parse at most, not the whole folder's.
 */
export async function loadKnowledgeBaseInSlices(dir: string, options: KnowledgeLoadOptions = {}): Promise<KnowledgeBase> {
  const saved = options.yamlValues ?? YamlValues.read(defaultYamlValuesFile(dir));
  try {
    for (const name of TABLES) {
      await new Promise((resolve) => setImmediate(resolve));
      const path = join(dir, 'data', name);
      if ((statSync(path, { throwIfNoEntry: false })?.size ?? Infinity) <= KNOWLEDGE_LIMITS.tableBytes) {
        parseYamlSource(name, readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), 0, saved);
      }
    }
    await readArticlesInSlices(join(dir, 'articles'), '', saved);
  } catch {
    // The load below reports whatever this pass tripped on, with its file and line.
  }
  await new Promise((resolve) => setImmediate(resolve));
  return loadKnowledgeBase(dir, { ...options, yamlValues: saved });
}

const TABLES = [
  'facts.yaml',
  'fact-dimensions.yaml',
  'support-rules.yaml',
  'search-synonyms.yaml',
  'lifecycle.yaml',
  'coexistence.yaml',
  'glossary.yaml',
  'how-to.yaml',
  'general-rules.yaml',
  'exchange-builds.yaml',
  'assumed-facts.yaml',
];

function loadValidated(dir: string, options: KnowledgeLoadOptions): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const saved = options.yamlValues ?? YamlValues.read(defaultYamlValuesFile(dir));
  const display = (path: string) => relative(process.cwd(), path) || path;
  const readTable = <T>(name: string, schema: z.ZodType<T>) => {
    const path = join(dir, 'data', name);
    let text: string;
    try {
      const bytes = statSync(path).size;
      if (bytes > KNOWLEDGE_LIMITS.tableBytes) {
        problems.push({ file: display(path), line: 1, message: `is ${bytes} bytes (a table may have at most ${KNOWLEDGE_LIMITS.tableBytes})` });
        return undefined;
      }
      text = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push({ file: display(path), message: `cannot read: ${(error as Error).message}` });
      return undefined;
    }
    const parsed = parseYamlSource(display(path), text.replace(/^\uFEFF/, ''), 0, saved);
    if (parsed.problems.length > 0) {
      problems.push(...parsed.problems);
      return undefined;
    }
    const { value, problems: schemaProblems } = validateYaml(parsed.source, schema);
    problems.push(...schemaProblems);
    return value === undefined ? undefined : { value, source: parsed.source };
  };

  const factsTable = readTable('facts.yaml', factsSchema);
  const dimensionsTable = readTable('fact-dimensions.yaml', dimensionsSchema);
  const rulesTable = readTable('support-rules.yaml', rulesSchema);
  const synonymsTable = readTable('search-synonyms.yaml', synonymsSchema);
  const lifecycleTable = readTable('lifecycle.yaml', lifecycleSchema);
  const coexistenceTable = readTable('coexistence.yaml', coexistenceSchema);
  const glossaryTable = readTable('glossary.yaml', glossarySchema);
  const howToTable = readTable('how-to.yaml', howToSchema);
  const generalRulesTable = readTable('general-rules.yaml', generalRulesSchema);
  const buildsTable = readTable('exchange-builds.yaml', buildsFileSchema);
  const assumedTable = readTable('assumed-facts.yaml', assumedFactsSchema);
  const savedSections = options.savedSections ?? SavedSections.read(defaultSavedSectionsFile(dir));
  const { articles, problems: articleProblems } = readArticles(join(dir, 'articles'), display(join(dir, 'articles')), saved, savedSections);
  problems.push(...articleProblems);

  const facts = factsTable?.value ?? [];
  const factIds = new Set(facts.map((f) => f.id));
  const articleIds = new Set(articles.map((a) => a.id));
  for (const article of articles) problems.push(...checkArticleReferences(article, articleIds, factIds));

  let space: FactSpace | undefined;
  if (dimensionsTable) {
    space = new FactSpace(dimensionsTable.value);
    const { source } = dimensionsTable;
    for (const p of space.problems) problems.push({ file: source.file, line: source.lineOf(p.path), field: p.path.map(String).join('.'), message: p.message });
    if (space.problems.length > 0) space = undefined;
  }
  for (const entry of lifecycleTable?.value ?? []) {
    const known = space?.dimension(entry.dimension)?.values.some((v) => v.id === entry.value);
    if (space && !known) problems.push({ file: lifecycleTable!.source.file, message: `names ${entry.dimension} "${entry.value}", which fact-dimensions.yaml does not have` });
    entry.basis.forEach((id) => {
      if (!factIds.has(id)) problems.push({ file: lifecycleTable!.source.file, message: `${entry.dimension} ${entry.value} rests on fact "${id}", which is not in facts.yaml` });
    });
    // A service pack's support ends before its version's: otherwise the version's own row says it all.
    if (entry.dimension === 'update') {
      const version = String(space?.dimension('update')?.values.find((v) => v.id === entry.value)?.implies.version ?? '');
      const own = lifecycleTable!.value.find((e) => e.dimension === 'version' && e.value === version);
      if (!entry.endOfSupport || !own?.endOfSupport || entry.endOfSupport >= own.endOfSupport)
        problems.push({
          file: lifecycleTable!.source.file,
          message: `update ${entry.value} must end (endOfSupport) before its version ${version || '(none)'} does (${own?.endOfSupport ?? 'no date'})`,
        });
    }
  }

  if (howToTable && space) problems.push(...checkHowTo(howToTable.value, howToTable.source.file, space, factIds, articleIds));
  if (generalRulesTable && space) problems.push(...checkGeneralRules(generalRulesTable.value, generalRulesTable.source.file, space, factIds, articleIds));
  if (glossaryTable && space) problems.push(...checkGlossary(glossaryTable.value, glossaryTable.source.file, space, factIds, articleIds));
  if (coexistenceTable && space) problems.push(...checkCoexistence(coexistenceTable.value, coexistenceTable.source.file, space, factIds, articleIds));
  if (buildsTable && space) {
    const versions = new Set(space.dimension('version')?.values.map((v) => v.id) ?? []);
    const updateIndex = dimensionsTable!.value.findIndex((d) => d.id === 'update');
    const update =
      updateIndex < 0
        ? undefined
        : { dimension: dimensionsTable!.value[updateIndex]!, file: dimensionsTable!.source.file, lineOf: dimensionsTable!.source.lineOf, path: [updateIndex] };
    const windowsReleases = new Set(space.dimension('windows')?.values.map((v) => v.id) ?? []);
    problems.push(...checkBuilds(buildsTable.value, versions, update, buildsTable.source.file, (path) => buildsTable.source.lineOf(path), windowsReleases));
  }

  const assumed = assumedTable && space ? compileAssumedFacts(assumedTable.value, space, factIds, assumedTable.source.file, (path) => assumedTable.source.lineOf(path)) : undefined;
  problems.push(...(assumed?.problems ?? []));

  let compiled: ReturnType<typeof compileRules> | undefined;
  let outcomesHashed: string | undefined;
  if (rulesTable && space && factsTable && articleProblems.length === 0) {
    const outcomesFile = options.ruleOutcomesFile ?? defaultOutcomesFile(dir);
    let saved: SavedOutcomes = { reason: 'saved outcome table disabled' };
    if (outcomesFile !== false && problems.length === 0) {
      outcomesHashed = outcomesHash({ rules: rulesTable.value, dimensions: dimensionsTable!.value, facts, articleIds });
      saved = readOutcomes(outcomesFile, outcomesHashed);
    }
    compiled = compileRules(
      rulesTable.value,
      space,
      facts,
      articleIds,
      rulesTable.source.file,
      (...path) => rulesTable.source.lineOf(path),
      'outcomes' in saved ? saved : undefined,
    );
    problems.push(...compiled.problems);
    options.log?.(
      'info',
      'outcomes' in saved
        ? `rules: outcome table as npm run kb:build walked it for these exact tables (${saved.statistics.combinations} combinations); walk skipped`
        : `rules: ${saved.reason}; walked ${compiled.statistics?.combinations ?? 0} combinations in ${compiled.statistics?.milliseconds ?? 0} ms`,
      { dir },
    );
  }
  if (problems.length > 0 || !compiled || !space) throw new KnowledgeError(problems);

  const dimensions = dimensionsTable!.value;
  const builds = new BuildTable(buildsTable!.value);
  const factSpace: FactSpace = space;
  const { rules, limits, outcomes } = compiled;
  const check = new SupportCheck(factSpace, rules, limits, outcomes, lifecycleTable!.value, { assumed: assumed?.assumed ?? [] });
  // The recognizer and the search read every message: one reading of its typos serves both.
  const typos = new TypoReading();
  const { search, status } = openSearch(dir, articles, new SearchVocabulary(synonymsTable!.value, typos), options);
  options.log?.('info', `knowledge: ${saved.hits} of ${saved.hits + saved.misses} YAML texts taken as npm run kb:build saved them, the rest parsed; all validated`, {
    dir,
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  const phraseTablesFile = options.phraseTablesFile ?? defaultPhraseTablesFile(dir);
  const savedTables: SavedPhraseTables =
    phraseTablesFile === false ? { reason: 'saved phrase tables disabled' } : readPhraseTables(phraseTablesFile, phraseTablesHash(dimensions), dimensions);
  const recognizer = new FactRecognizer(
    factSpace,
    {
      facts: (text) => buildFacts(findBuilds(text, builds), builds, factSpace.dimension('update')),
      blank: (text) => blankBuilds(text),
      updateCurrency: (version, text) => namedUpdateCurrency(builds, version, text, servicedUpdates(builds, lifecycleTable?.value ?? [], version)),
      runningUpdate,
      spell: spellUpdates,
      shortVersion: (text) => shortVersionInSentence(text, builds, factSpace.dimension('update')),
    },
    'tables' in savedTables ? savedTables.tables : undefined,
    typos,
  );
  if (phraseTablesFile !== false) {
    options.log?.(
      'info',
      'tables' in savedTables ? 'phrase tables: as npm run kb:build built them for this dimensions table' : `phrase tables: ${savedTables.reason}; built at load`,
      {
        dir,
      },
    );
  }
  const kb: Omit<KnowledgeBase, 'directAnswers'> = {
    articles,
    rules,
    limits,
    dimensions,
    ruleStatistics: compiled.statistics!,
    facts,
    article: (id) => byId.get(id),
    // A topic no article holds (hardware, backups, antivirus: the check's unjudged facts) asked about a product: suggestions only.
    search: (question) => {
      const found = search.search(question);
      if (!found.best) return found;
      if (asksUnjudgedTopic(recognizer.extract(question).facts, dimensions) || asksCapacity(question) || asksUnheldTopic(question) || asksUnheldKind(question))
        return asSuggestionsOnly(found, 3);
      // A task no how-to row holds: its steps are in an article's numbered list, or nowhere here (suggestions only).
      if (asksForSteps(normalizeQuestionWords(question)) && !isNumberedSteps(found.passage?.sentences) && !howToAsked(question, howToTable!.value, recognizer)) {
        return { ...asSuggestionsOnly(found, 3), noSteps: true };
      }
      return found;
    },
    decide: (known) => check.decide(known),
    nextStep: (known) => check.next(known),
    knownFacts: (facts) => check.knownFacts(facts),
    setAside: (facts) => check.setAside(facts),
    valuesFor: (dimensionId, facts) => factSpace.valuesFor(dimensionId, facts),
    setups: (known) => check.setups(known),
    lifecycle: lifecycleTable!.value,
    assumedFacts: assumed?.assumed ?? [],
    coexistence: coexistenceTable!.value,
    glossary: glossaryTable!.value,
    howTo: howToTable!.value,
    generalRules: generalRulesTable!.value,
    recognizer,
    builds,
    searchIndex: { ...status, serialize: () => search.toJSON() },
    // Hashed only when asked for (kb:build): a load that walked without a saved table has no use for it.
    ruleOutcomes: {
      get hash() {
        return (outcomesHashed ??= outcomesHash({ rules: rulesTable!.value, dimensions, facts, articleIds }));
      },
      outcomes,
    },
  };
  return { ...kb, directAnswers: new DirectAnswers(kb, recognizer) };
}

function checkArticleReferences(article: Article, articleIds: ReadonlySet<string>, factIds: ReadonlySet<string>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const problem = (path: PropertyKey[], message: string) => problems.push({ file: article.file, line: article.lineOf(path), field: path.join('.'), message });
  article.related.forEach((id, i) => {
    if (!articleIds.has(id)) problem(['related', i], `names article "${id}", which does not exist`);
    if (id === article.id) problem(['related', i], 'an article cannot be related to itself');
  });
  article.sources.forEach((source, i) =>
    source.facts.forEach((fact, j) => {
      if (!factIds.has(fact)) problem(['sources', i, 'facts', j], `names fact "${fact}", which is not in facts.yaml`);
    }),
  );
  return problems;
}

/**
 * How many of a version's latest updates get security updates, by the current-update policy (fact A-9): the latest CU and
 * the one before it while the version is in mainstream support (no mainstream end yet, as SE on the Modern Lifecycle
 * Policy), the latest alone after; never fewer than the build table's `currentUpdates` list (2019: CU14 and CU15). A gap
 * said in words ("2 CUs behind") of at least this many is behind (typed-update.ts).
 */
function servicedUpdates(builds: BuildTable, lifecycle: readonly LifecycleEntry[], version: string): ServicedUpdates | undefined {
  const entry = lifecycle.find((e) => e.dimension === 'version' && e.value === version);
  if (!entry) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const supported = entry.endOfSupport === undefined || entry.endOfSupport >= today;
  const mainstream = supported && (entry.mainstream === undefined || entry.mainstream.end >= today);
  return { count: Math.max(builds.latestUpdates(version)?.stillUpdated.length ?? 0, mainstream ? 2 : 1), supported };
}
