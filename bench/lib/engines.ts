import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { Article } from '../../knowledge';
import { KnowledgeSearch, toIndexed, type IndexedArticle, type SearchAnswer, type SearchTuning, DEFAULT_TUNING } from '../../knowledge/search/search';
import { SearchVocabulary, withoutTags } from '../../knowledge/search/search-vocabulary';
import { stripMentions } from '../../bot/incoming-text';
import type { Ranking } from './labelled';

/**
 * The search engines the benchmarks compare, behind one interface. The baselines index the same
 * five fields of the same articles as the bot (title, keywords, summary, section headings, body)
 * and run on their documented defaults: no boosts, no synonyms, no fuzzy or prefix matching unless
 * that is the library's default. They cannot decline to answer, so for them "refused" means "no
 * result at all". All engines get the question with Teams `<at>` mentions removed, as the bot's
 * activity handler does before searching.
 */
export interface Engine {
  name: string;
  rank(question: string): Ranking;
  /** The index serialized (JSON or the library's export), for size and load time. */
  serialize(): string;
}

export type EngineName = 'bot' | 'minisearch' | 'lunr' | 'flexsearch';
export const ENGINE_LABELS: Record<EngineName, string> = {
  bot: "bot's search (KnowledgeSearch)",
  minisearch: 'MiniSearch defaults',
  lunr: 'Lunr 2.3 defaults',
  flexsearch: 'FlexSearch 0.8 (suggest)',
};

// Lunr and FlexSearch want an index signature on their documents.
type Doc = IndexedArticle & Record<string, string>;
const FIELDS = ['title', 'keywords', 'summary', 'headings', 'body'] as const;

const toDoc = (article: Article): Doc => ({ ...toIndexed(article) });

export function buildEngine(name: EngineName, articles: readonly Article[], vocabulary: SearchVocabulary, tuning: SearchTuning = DEFAULT_TUNING): Engine {
  switch (name) {
    case 'bot':
      return botEngine(articles, vocabulary, tuning);
    case 'minisearch':
      return miniSearchEngine(articles);
    case 'lunr':
      return lunrEngine(articles);
    case 'flexsearch':
      return flexSearchEngine(articles);
  }
}

/** An engine from {@link Engine.serialize}'s output, without indexing anything first. */
export function loadEngine(name: EngineName, articles: readonly Article[], vocabulary: SearchVocabulary, serialized: string, tuning: SearchTuning = DEFAULT_TUNING): Engine {
  switch (name) {
    case 'bot':
      return botEngine(articles, vocabulary, tuning, serialized);
    case 'minisearch':
      return miniSearchEngine(articles, serialized);
    case 'lunr':
      return lunrEngine(articles, serialized);
    case 'flexsearch':
      return flexSearchEngine(articles, serialized);
  }
}

function botEngine(articles: readonly Article[], vocabulary: SearchVocabulary, tuning: SearchTuning, serialized?: string): Engine {
  const search = new KnowledgeSearch(articles, vocabulary, tuning, serialized);
  return {
    name: 'bot',
    rank: (question) => botRanking(search.search(stripMentions(question))),
    serialize: () => search.toJSON(),
  };
}

/** What the bot shows for a search answer, as a ranking: the answer and its passage, or the suggestions, or nothing. */
export function botRanking(answer: SearchAnswer): Ranking {
  if (answer.best) return { ids: answer.hits.map((h) => h.article.id), refused: false, ...(answer.passage ? { passage: answer.passage.sentences.join(' ') } : {}) };
  if (answer.suggestions.length > 0) return { ids: answer.suggestions.map((h) => h.article.id), refused: false, suggested: true };
  return { ids: [], refused: true };
}

function miniSearchEngine(articles: readonly Article[], serialized?: string): Engine {
  const options = { fields: [...FIELDS], storeFields: [] as string[] };
  let index: MiniSearch<Doc>;
  if (serialized === undefined) {
    index = new MiniSearch<Doc>(options);
    index.addAll(articles.map(toDoc));
  } else {
    index = MiniSearch.loadJSON<Doc>(serialized, options);
  }
  return {
    name: 'minisearch',
    rank: (question) => {
      const ids = index.search(asSearched(question)).map((r) => String(r.id));
      return { ids, refused: ids.length === 0 };
    },
    serialize: () => JSON.stringify(index),
  };
}

// Lunr's query language gives ":", "~", "^", "+", "-" and "*" a meaning; a user's text is searched
// as plain words, as an integrator would do.
const LUNR_SYNTAX = /[:~^+\-*]/g;

function lunrEngine(articles: readonly Article[], serialized?: string): Engine {
  const index =
    serialized === undefined
      ? lunr(function () {
          this.ref('id');
          for (const field of FIELDS) this.field(field);
          for (const article of articles) this.add(toDoc(article));
        })
      : lunr.Index.load(JSON.parse(serialized));
  return {
    name: 'lunr',
    rank: (question) => {
      const text = asSearched(question).replace(LUNR_SYNTAX, ' ').trim();
      const ids = text === '' ? [] : index.search(text).map((r) => r.ref);
      return { ids, refused: ids.length === 0 };
    },
    serialize: () => JSON.stringify(index),
  };
}

type FlexDocument = InstanceType<typeof FlexSearch.Document>;

function flexSearchEngine(articles: readonly Article[], serialized?: string): Engine {
  const newIndex = () => new FlexSearch.Document({ document: { id: 'id', index: [...FIELDS] } }) as FlexDocument;
  const index = newIndex();
  if (serialized === undefined) {
    for (const article of articles) index.add(toDoc(article));
  } else {
    for (const [key, data] of Object.entries(JSON.parse(serialized) as Record<string, string>)) index.import(key, data);
  }
  return {
    name: 'flexsearch',
    rank: (question) => {
      // `merge: true` joins the per-field result lists into one, in field order (title first); `suggest: true`
      // returns articles matching some of the words (the default demands all of them, which refuses most questions).
      const merged = index.search(asSearched(question), { merge: true, limit: 100, suggest: true }) as unknown as Array<{ id: string | number }>;
      const ids = merged.map((entry) => String(entry.id));
      return { ids, refused: ids.length === 0 };
    },
    serialize: () => {
      const parts: Record<string, string> = {};
      void index.export((key: string, data: string) => {
        parts[key] = data;
      });
      return JSON.stringify(parts);
    },
  };
}

/** A question as the baselines get it: without mentions (as the bot reads it) or tags (as the bot's search reads it). */
function asSearched(question: string): string {
  return withoutTags(stripMentions(question));
}
