import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article } from '../loading/articles';
import { articlePassages, type Passage } from './passages';
import { carriesNumber, carriesYesNo, normalizeQuestionWords, questionKind, type QuestionKind } from '../reading/question-words';
import { CONCEPT_MARK, type QueryUnit, type SearchVocabulary } from './search-vocabulary';
import { BoundedCache } from '../bounded-cache';
import { MemoisedTermSearch, termMemo } from './term-results';
import { allowedTypos } from '../reading/text-tokens';

/** The part of an article that answers a question. */
export interface PassageAnswer {
  article: Article;
  /** The `##` section the sentences come from ("Summary" for the article's summary). */
  section: string;
  /** What to show, in order: for a number or yes/no question the sentence carrying the answer comes first. */
  sentences: string[];
  /** What the question asks for; `answerFirst` is true for 'number' and 'yes-no'. */
  kind: QuestionKind;
  answerFirst: boolean;
  /** Share (0..1) of the question's ideas the best passage matched. */
  coverage: number;
}

/** At most this many sentences are quoted; the "Read the whole article" button gives the rest. */
const MAX_SENTENCES = 3;
/** Weight of a table row for an open question. */
const OPEN_ROW_WEIGHT = 0.5;
/** List items shown after a sentence that introduces them. */
const MAX_LIST_ITEMS = 6;
/** Steps of a numbered how-to shown at most (the article's whole procedure, as a rule). */
const MAX_STEPS = 12;
/** A question asking how to do something, or what to do first: answered with the steps of a numbered list. */
const HOW_TO =
  /^(how (do|can|should|would) (i|we|you|one)|how to|steps?\b|what (are the )?steps|what (are|r) (the )?prereq\w*|what (do|should|must) (i|we) (need|do|check|have|prepare)|prereq|prerequisites?|prep\b|prepare|checklist|before (installing|i install|we install|setup|running))/i;
/** A passage carrying what the question asks for (a number, a yes/no) counts this much more. */
const CARRIER_BOOST = { number: 1.6, 'yes-no': 1.15, open: 1 } as const;

/** One article's passages, indexed. */
interface ArticlePassages {
  index: MiniSearch<Passage>;
  /** The index searched from memoised per-term results (the memo is shared by all articles). */
  terms: MemoisedTermSearch;
  /** Passage id → whether it carries a number, a yes or no (what number and yes/no questions ask for), worked out once. */
  carriers: Map<string, { number: boolean; 'yes-no': boolean }>;
  byId: Map<string, Passage>;
  /** In article order. */
  list: Passage[];
  /** Terms of each passage's opening words ("Exchange Virtual Server (EVS): ..."): where a definition names what it defines. */
  leadTerms: Map<string, Set<string>>;
  /** Terms of each section heading, worked out the first time a row of that section is ranked. */
  sectionTerms: Map<string, Set<string>>;
}

/** Articles whose passage index is kept between questions (a few hundred KB at most). */
const CACHED_ARTICLES = 256;
/** Bounds of the per-term passage results: a passage hit weighs ~150 bytes, a term finds a few passages of an article. */
const TERM_MEMO_LIMITS = { maxEntries: 50_000, maxBytes: 16 * 1024 * 1024 };

/**
 * Sentences, list items and table rows of the articles, indexed with MiniSearch beside the
 * article index, to quote the passage that holds the answer rather than the whole summary.
 *
 * Each article's passages get their own small index, built the first time the article leads a
 * question and kept in a bounded LRU cache: the passages only ever compete within the few leading
 * articles, so start-up (which may load a prebuilt article index) indexes nothing more, and a
 * question never scores the passages of a large knowledge base.
 *
 * @example
 * const passages = new PassageSearch(articles, vocabulary);
 * const ranked = passages.rank('how many storage groups can a node have after a failover', units, ['EXB-005']);
 * passages.answer(question, article, ranked)?.sentences[0];
 * // 'Information store: after a failover, no node may end up hosting more than four storage groups. ...'
 */
export class PassageSearch {
  private readonly articles: Map<string, Article>;
  private readonly indexes = new BoundedCache<string, ArticlePassages>({ maxEntries: CACHED_ARTICLES, maxBytes: 256 * 1024 * 1024, sizeOf: () => 64 * 1024 });
  /** (article, query term) → that term's passage results: the same few articles lead question after question. */
  private readonly termMemo = termMemo(TERM_MEMO_LIMITS.maxEntries, TERM_MEMO_LIMITS.maxBytes);

  constructor(
    articles: readonly Article[],
    private readonly vocabulary: SearchVocabulary,
  ) {
    this.articles = new Map(articles.map((a) => [a.id, a]));
  }

  /**
   * The passages of the given articles matching a question (its units from
   * {@link SearchVocabulary.units}), best first, with the share of the question's ideas each matched.
   */
  rank(question: string, units: readonly QueryUnit[], articleIds: readonly string[]): RankedPassage[] {
    // Small numbers are no topic for finding an article, but they pick the table row ("3 nodes").
    const numbers = question.match(/(?<![\p{L}\p{N}])\d{1,2}(?![\p{L}\p{N}])/gu) ?? [];
    const queryTerms = [...units.flatMap((unit) => [...(unit.words ?? []), ...unit.terms]), ...numbers];
    if (queryTerms.length === numbers.length) return [];
    const kind = questionKind(question);
    const definition = asksForDefinition(question);
    const ranked: RankedPassage[] = [];
    for (const id of articleIds) {
      const indexed = this.indexFor(id);
      if (!indexed) continue;
      for (const result of indexed.terms.search(queryTerms)) {
        const passage = indexed.byId.get(result.id as string)!;
        // A sentence about the table or the article itself is never the answer.
        if (passage.aboutText) continue;
        const coverage = unitsMatched(units, result) / units.length;
        const carrier = kind === 'open' ? false : carries(indexed, passage)[kind];
        const lead = indexed.leadTerms.get(passage.id);
        const defines = definition && lead !== undefined && result.queryTerms.some((term) => lead.has(term));
        // A table row answers "how many" or "is it"; an open question ("tell me about editions") reads better from prose.
        // A row whose first cell is the term asked about ("CCR (cluster continuous replication)") defines it as well as prose does.
        // So does a row whose first cell names what is asked under a heading that names what is asked
        // ("how do i upgrade exchange 2019 to se": the "Exchange 2019 CU14 or CU15" row of "Upgrade paths to Exchange SE").
        const rowOf =
          defines ||
          (kind === 'open' &&
            passage.labels !== undefined &&
            lead !== undefined &&
            result.queryTerms.some((term) => lead.has(term)) &&
            this.sectionHolds(indexed, passage, result.queryTerms));
        const row = kind === 'open' && passage.labels !== undefined && !rowOf ? OPEN_ROW_WEIGHT : 1;
        ranked.push({ passage, coverage, score: result.score * (0.5 + coverage) * (carrier ? CARRIER_BOOST[kind] : 1) * (defines ? DEFINITION_BOOST : 1) * row });
      }
    }
    return ranked.sort((a, b) => b.score - a.score);
  }

  /** Whether the heading of the passage's section holds one of the terms (its terms worked out once per section). */
  private sectionHolds(indexed: ArticlePassages, passage: Passage, terms: readonly string[]): boolean {
    let held = indexed.sectionTerms.get(passage.section);
    if (held === undefined) indexed.sectionTerms.set(passage.section, (held = new Set(this.vocabulary.terms(passage.section))));
    return terms.some((term) => held.has(term));
  }

  private indexFor(articleId: string): ArticlePassages | undefined {
    const cached = this.indexes.get(articleId);
    if (cached) return cached;
    const article = this.articles.get(articleId);
    if (!article) return undefined;
    const index = new MiniSearch<Passage>({
      fields: ['text', 'section', 'labels'],
      storeFields: [],
      // A table row is indexed by its values; its column headings count as little as its section.
      extractField: (passage, field) => (field === 'text' && passage.labels ? rowValues(passage.text) : ((passage as unknown as Record<string, string | undefined>)[field] ?? '')),
      tokenize: (text) => this.vocabulary.terms(text),
      processTerm: (term) => term,
      searchOptions: {
        boost: { text: 2, section: 1, labels: 1 },
        combineWith: 'OR',
        prefix: (term) => term.length >= 4 && !/\d/.test(term) && !term.startsWith(CONCEPT_MARK),
        fuzzy: (term) => (term.startsWith(CONCEPT_MARK) ? false : allowedTypos(term) || false),
      },
    });
    const list = articlePassages(article);
    // The title and keywords say what the article is about in one line: they count as a passage when
    // the leading articles are compared ("quorum disk" in EXB-004's keywords), but are never quoted.
    const topic: Passage = { id: `${article.id}#topic`, articleId: article.id, section: '', text: [article.title, ...article.keywords].join('; '), block: -1 };
    index.addAll([...list, topic]);
    const indexed: ArticlePassages = {
      index,
      terms: new MemoisedTermSearch(index as unknown as MiniSearch, this.termMemo, articleId),
      carriers: new Map(),
      byId: new Map([...list, topic].map((p) => [p.id, p])),
      list,
      leadTerms: new Map(list.map((p) => [p.id, new Set(this.vocabulary.terms(p.labels !== undefined ? firstCell(p.text) : leadOf(p.text)))])),
      sectionTerms: new Map(),
    };
    this.indexes.set(articleId, indexed);
    return indexed;
  }

  /** The passage of `article` that best answers the question, with its neighbours for context. */
  answer(question: string, article: Article, ranked: readonly RankedPassage[]): PassageAnswer | undefined {
    const best = ranked.find((r) => r.passage.articleId === article.id && r.passage.block >= 0);
    if (!best) return undefined;
    const kind = questionKind(question);
    const answerFirst = kind !== 'open';
    const inArticle = this.indexFor(article.id)?.list ?? [best.passage];
    // Neighbours give context, but never a sentence about the table or the article.
    const block = inArticle.filter((p) => p.block === best.passage.block && (p === best.passage || !p.aboutText));
    const at = block.indexOf(best.passage);
    let shown: Passage[];
    if (answerFirst) {
      // The answer, then what follows it (usually the reason), then what came before.
      shown = [best.passage, ...block.slice(at + 1), ...block.slice(0, at)];
    } else {
      const from = Math.max(0, Math.min(at - 1, block.length - MAX_SENTENCES));
      shown = block.slice(from, from + MAX_SENTENCES);
    }
    shown = shown.slice(0, MAX_SENTENCES);
    // A how-to is answered with all the steps of the numbered list the best passage stands in.
    const steps = best.passage.step && HOW_TO.test(normalizeQuestionWords(question)) ? inArticle.filter((p) => p.step?.list === best.passage.step!.list) : [];
    if (steps.length > 1) {
      return {
        article,
        section: best.passage.section,
        sentences: steps.slice(0, MAX_STEPS).map((p) => `${p.step!.at}. ${p.text}`),
        kind,
        answerFirst: false,
        coverage: best.coverage,
      };
    }
    // "Keep these on a separate server:" says nothing without the list that follows it.
    const last = shown[shown.length - 1]!;
    if (last.text.endsWith(':')) {
      const after = inArticle.slice(inArticle.indexOf(last) + 1).filter((p) => p.block !== last.block && p.section === last.section);
      shown = [...shown, ...after.slice(0, MAX_LIST_ITEMS)];
    }
    return {
      article,
      section: best.passage.section,
      sentences: shown.map((p) => p.text),
      kind,
      answerFirst,
      coverage: best.coverage,
    };
  }
}

/** A passage found for a question: its score and the share (0..1) of the question's ideas it matched. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  coverage: number;
}

/** "what is an EVS", "define n-1", "meaning of SCC": a passage that opens with the term defines it. */
const DEFINITION_QUESTION = /^\s*(what('?s| is| are)|define|definition|meaning of|explain)\b/i;
const DEFINITION_BOOST = 1.5;

function asksForDefinition(question: string): boolean {
  return DEFINITION_QUESTION.test(normalizeQuestionWords(question.replace(/<at>[\s\S]*?<\/at>/gi, ' ')));
}

/** The values of a table row as shown ("Nodes: 2; Layout: either" → "2 either"). */
function rowValues(text: string): string {
  return text
    .split('; ')
    .map((cell) => cell.slice(cell.indexOf(': ') + 2))
    .join(' ');
}

/** The value of a table row's first cell ("Technology: CCR (cluster continuous replication); ..." → "CCR (cluster continuous replication)"). */
function firstCell(text: string): string {
  const cell = text.split('; ')[0]!;
  return cell.slice(cell.indexOf(': ') + 2);
}

/** The opening of a passage: up to its first colon, or its first six words. */
function leadOf(text: string): string {
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 60) return text.slice(0, colon);
  return text.split(/\s+/).slice(0, 6).join(' ');
}

function carries(indexed: ArticlePassages, passage: Passage): { number: boolean; 'yes-no': boolean } {
  let carrier = indexed.carriers.get(passage.id);
  if (carrier === undefined) indexed.carriers.set(passage.id, (carrier = { number: carriesNumber(passage.text), 'yes-no': carriesYesNo(passage.text) }));
  return carrier;
}

function unitsMatched(units: readonly QueryUnit[], result: SearchResult): number {
  const matched = new Set(result.queryTerms);
  let count = 0;
  for (const unit of units) if (unit.terms.some((term) => matched.has(term))) count += 1;
  return count;
}
