import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Article } from '../loading/articles';
import { PassageSearch, type PassageAnswer, type RankedPassage } from './passage-search';
import { normalizeQuestionWords } from '../reading/question-words';
import { missingCounted } from './counted-focus';
import { missingAsked } from './asked-focus';
import { definitionTerms } from './definition-term';
import { unknownHowToAction } from './how-to-focus';
import { describesFault, isHalfQuestion, namesUncoveredRelease } from './question-scope';
import { isStopWord } from './stop-words';
import { BoundedCache } from '../bounded-cache';
import { CONCEPT_MARK, type QueryUnit, type SearchVocabulary } from './search-vocabulary';
import { MemoisedTermSearch, termMemo } from './term-results';
import { allowedTypos, wordMatches } from '../reading/text-tokens';

/** One article found for a question. */
export interface SearchHit {
  article: Article;
  /** MiniSearch's BM25 score, boosted per field. */
  score: number;
  /** Share (0..1) of the question's ideas that the article matched. */
  coverage: number;
}

/** What the bot needs to answer a lookup: the best article if one is good enough, and related ones. */
export interface SearchAnswer {
  /** The article to answer with; undefined when nothing is relevant enough (the bot then says so). */
  best?: SearchHit;
  /** Up to two further articles worth offering as buttons. */
  related: Article[];
  /** Every hit above the relevance floor, best first (for diagnostics and benchmarks). */
  hits: SearchHit[];
  /** The passage of the best article that holds the answer (when there is a best article). */
  passage?: PassageAnswer;
  /**
   * When nothing is a confident answer but some articles are plausible: up to three of them, to
   * offer as "did you mean" buttons. Empty when there is a best answer or nothing is relevant.
   */
  suggestions: SearchHit[];
  /** Steps were asked for that no how-to row or numbered list holds: the suggestions are the nearest articles, said so. */
  noSteps?: boolean;
}

/** Tuning of ranking and of the "I found nothing" threshold. */
export interface SearchTuning {
  /** Field boosts: a word in the title or keywords says more than one in the body. */
  boost: Record<'title' | 'keywords' | 'summary' | 'headings' | 'body', number>;
  /** Minimum share of the question's ideas the best article must match. */
  minCoverage: number;
  /** Minimum score of the best article. */
  minScore: number;
  /** Minimum share of the question's ideas, and score, for an article to be offered as a suggestion. */
  suggestCoverage: number;
  suggestScore: number;
}

/** A "what is the ..." that asks for a figure, a date or a comparison, not the meaning of a term. */
const NOT_A_TERM =
  /\b(max\w*|min\w*|limit\w*|difference|differences|between|vs|versus|best|latest|newest|number|size|count|date|dates|end|ends|support\w*|requirement\w*|version\w*|cu|sp|edition\w*|cost|price|path|way|steps?|status|lifecycle|recommend\w*|rule for|point of)\b|\d/i;
/** The words a definition question starts or ends with (a cheap test before the term is read). */
const DEFINITION_CUE = /^\s*(?:what|whats|define|definition|meaning|explain|describe|tell me)\b|\b(?:mean|meaning|stand for|stands for|definition)\s*\??\s*$/i;
/** Longer "terms" are whole questions ("what is the right windows for a three node cluster"). */
const MAX_TERM_IDEAS = 3;
/** A how-to's action word matches a longer article word it starts only from this length ("inst" → "install"). */
const HOW_TO_PREFIX = 4;
/** A how-to's action word forgives one typo only from this length on. */
const HOW_TO_TYPO = 8;
export const DEFAULT_TUNING: SearchTuning = {
  boost: { title: 3, keywords: 3, summary: 2, headings: 1, body: 1 },
  minCoverage: 0.55,
  minScore: 4,
  suggestCoverage: 0.3,
  suggestScore: 2,
};

/** How many leading articles are re-ranked by their best passage, and the weight of the article's own score. */
const RERANKED = 5;
const PASSAGE_BASE = 0.6;

/** A plausible article this far ahead of the next (score ratio), matching this share of the question, is answered, not suggested. */
const CLEAR_LEAD = 2;
const CLEAR_COVERAGE = 0.6;

/** Most "did you mean" suggestions offered. */
const MAX_SUGGESTIONS = 3;

/** An article as the search engines index it: one text per field. */
export interface IndexedArticle {
  id: string;
  title: string;
  keywords: string;
  summary: string;
  headings: string;
  body: string;
}

/**
 * Full-text search over the articles with MiniSearch: field boosts, prefix and fuzzy matching,
 * stop words, and acronym/synonym expansion at index and query time (via {@link SearchVocabulary}).
 *
 * @example
 * const search = new KnowledgeSearch(articles, vocabulary);
 * search.search('can FE go on MSCS').best?.article.id; // 'KB837852'
 * search.search('what is the weather').best; // undefined
 */
export class KnowledgeSearch {
  private readonly index: MiniSearch<IndexedArticle>;
  private readonly passages: PassageSearch;
  private readonly byId: Map<string, Article>;
  /**
   * (index term, query term) → whether the one stands for the other (exact, prefix or typo), memoised:
   * edit distances are the costly part. Query terms are whatever users type, so it is bounded.
   */
  private readonly termEvidence = new BoundedCache<string, boolean>(TERM_EVIDENCE_LIMITS);
  /** A quoted passage's ideas, for a definition's term (few passages are ever quoted: bounded anyway). */
  private readonly passageIdeas = new BoundedCache<string, Array<Set<string>>>({ maxEntries: 2_000, maxBytes: 4 * 1024 * 1024, sizeOf: (ideas) => ideas.length * 64 + 256 });
  /** Small knowledge bases: the index searched from memoised per-term results. */
  private readonly memoised?: MemoisedTermSearch;
  /** Large knowledge bases (coverage-first search): article ids by dense number and back. */
  private readonly articleIds: string[] = [];
  private readonly denseOf = new Map<string, number>();
  /** Large knowledge bases: query term → the index terms it matches and the articles holding each (memoised, bounded). */
  private readonly articlesByTerm = new BoundedCache<string, ReadonlyArray<readonly [string, Int32Array]>>({
    ...TERM_ARTICLES_LIMITS,
    sizeOf: (found) => found.reduce((bytes, [term, articles]) => bytes + 96 + term.length * 2 + articles.byteLength, 32),
  });

  /**
   * @param serializedIndex a MiniSearch index from {@link toJSON} of the same articles, vocabulary and
   *   tuning (see search-index-cache.ts); when given, it is loaded instead of indexing the articles.
   *   Throws if it does not hold exactly these articles.
   */
  constructor(
    articles: readonly Article[],
    private readonly vocabulary: SearchVocabulary,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
    serializedIndex?: string,
  ) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
    // Passages are a few hundred short texts: indexed at start, never serialized.
    this.passages = new PassageSearch(articles, vocabulary);
    const options = indexOptions(vocabulary, tuning);
    if (serializedIndex === undefined) {
      this.index = new MiniSearch<IndexedArticle>(options);
      this.index.addAll(articles.map((article) => toIndexed(article)));
    } else {
      this.index = MiniSearch.loadJSON<IndexedArticle>(serializedIndex, options);
      if (this.index.documentCount !== articles.length || articles.some((a) => !this.index.has(a.id))) {
        throw new Error('the serialized search index does not hold these articles');
      }
    }
    if (articles.length < COVERAGE_FIRST_FROM) {
      this.memoised = new MemoisedTermSearch(this.index as unknown as MiniSearch, termMemo(TERM_MEMO_LIMITS.maxEntries, TERM_MEMO_LIMITS.maxBytes));
    } else {
      for (const article of articles) {
        this.denseOf.set(article.id, this.articleIds.length);
        this.articleIds.push(article.id);
      }
    }
  }

  /** The MiniSearch index as JSON, for {@link KnowledgeSearch} to load instead of re-indexing. */
  toJSON(): string {
    return JSON.stringify(this.index);
  }

  /** Ranks articles for a question and decides whether the best is relevant enough to answer with. */
  search(typed: string): SearchAnswer {
    const question = normalizeQuestionWords(typed);
    // "exchange 5.5 end of support", "is exchange 2022 supported": a release the knowledge does not
    // cover has no answer here, however close a passage about another release comes.
    // "how many", "is it possible to", "which one": half a question names no topic; a title that says
    // "how many nodes" is not its answer.
    if (namesUncoveredRelease(question) || isHalfQuestion(question, isStopWord)) return { related: [], hits: [], suggestions: [] };
    const units = this.vocabulary.units(question);
    if (units.length === 0) return { related: [], hits: [], suggestions: [] };
    // Generic words ("exchange", "server") are left out of the query: they match nearly every
    // article, weigh almost nothing, and would cost the most to look up.
    const queryTerms = units.flatMap((unit) => [...(unit.words ?? []), ...unit.terms]);
    const found = this.find(question, units, queryTerms);
    let candidates = found(this.tuning.minCoverage);
    const eligible = candidates.filter((hit) => hit.coverage >= this.tuning.minCoverage && hit.score >= this.tuning.minScore);
    // Passages compete only within the leading articles.
    let passages = this.passages.rank(
      question,
      units,
      eligible.slice(0, RERANKED).map((hit) => hit.article.id),
    );
    const hits = this.rerank(eligible, passages);
    if (hits.length === 0) {
      candidates = found(this.tuning.suggestCoverage);
      const plausible = candidates.filter((hit) => hit.coverage >= this.tuning.suggestCoverage && hit.score >= this.tuning.suggestScore);
      const named = plausible.find((hit) => units.some((unit) => unit.terms.includes(hit.article.id.toLowerCase())));
      const top = plausible[0];
      const topPassages = top && !named ? this.passages.rank(question, units, [top.article.id]) : [];
      const clear =
        top && top.coverage >= CLEAR_COVERAGE && top.score >= CLEAR_LEAD * (plausible[1]?.score ?? 0) && this.heldInOnePassage(top, topPassages) >= CLEAR_COVERAGE
          ? top
          : undefined;
      // A question naming an article id, or with one plausible article far ahead of the rest, is answered
      // rather than met with a list of one obvious choice.
      const promoted = named ?? clear;
      if (!promoted) return { related: [], hits, suggestions: plausible.slice(0, MAX_SUGGESTIONS) };
      hits.push(promoted);
      passages = promoted === top && !named ? topPassages : this.passages.rank(question, units, [promoted.article.id]);
    }
    const best = hits[0]!;
    const related = hits.slice(1, 3).map((hit) => hit.article);
    for (const id of best.article.related) {
      const article = this.byId.get(id);
      if (related.length < 2 && article && !related.includes(article)) related.push(article);
    }
    const passage = this.passages.answer(question, best.article, passages);
    // A number about something else than what the question counts is no answer, nor are the steps of
    // something else than what a how-to asks to do, nor a passage that never names what a support
    // question asks about ("does exchange 2016 support ipv6"): suggestions instead.
    const named = units.some((unit) => unit.terms.includes(best.article.id.toLowerCase()));
    const offTopic =
      !named &&
      ((passage?.kind === 'number' && missingCounted(question, passage, this.vocabulary).length > 0) ||
        (passage !== undefined && missingAsked(question, passage, this.vocabulary).length > 0) ||
        unknownHowToAction(
          question,
          (text) => this.vocabulary.units(text),
          (term) => this.heldAsWord(term),
        ).length > 0 ||
        (passage !== undefined && !this.namesDefinedTerm(question, passage)) ||
        // A fault to troubleshoot: no article holds error messages or fixes.
        describesFault(question));
    if (offTopic) return { related: [], hits, suggestions: hits.slice(0, MAX_SUGGESTIONS) };
    return { best, related, hits, suggestions: [], ...(passage ? { passage } : {}) };
  }

  /**
   * Re-ranks the leading articles by how much of the question one of their passages holds: an
   * article that says it all in one sentence answers better than one that spreads the words over
   * its sections ("can cluster nodes be DCs?"). Scores stay best first.
   */
  private rerank(hits: SearchHit[], passages: readonly RankedPassage[]): SearchHit[] {
    const held = new Map<string, number>();
    for (const { passage, coverage } of passages) held.set(passage.articleId, Math.max(held.get(passage.articleId) ?? 0, coverage));
    return hits.map((hit, i) => ({ ...hit, score: hit.score * (PASSAGE_BASE + (i < RERANKED ? (held.get(hit.article.id) ?? 0) : 0)) })).sort((a, b) => b.score - a.score);
  }

  /**
   * For a definition question ("what is a transport rule"), true when the passage names the term
   * (its ideas in a row: "public folder" is not "public" here and "folder" there); other questions
   * pass. A term that asks for a figure or a comparison ("the max dag size", "the difference
   * between scc and ccr") is a lookup, not a term, and passes too.
   */
  private namesDefinedTerm(question: string, passage: PassageAnswer): boolean {
    if (!DEFINITION_CUE.test(question)) return true;
    const terms = definitionTerms(question);
    const term = terms[terms.length - 1];
    if (term === undefined || NOT_A_TERM.test(term)) return true;
    const asked = this.vocabulary.units(term, { keepGeneric: true });
    if (asked.length === 0 || asked.length > MAX_TERM_IDEAS) return true;
    const text = [passage.article.title, passage.section, ...passage.sentences].join(' ');
    let said = this.passageIdeas.get(text);
    if (said === undefined) {
      said = this.vocabulary.units(text, { keepGeneric: true }).map((unit) => new Set(unit.terms));
      this.passageIdeas.set(text, said);
    }
    for (let at = 0; at + asked.length <= said.length; at += 1) {
      if (asked.every((unit, i) => unit.terms.some((t) => said[at + i]!.has(t)))) return true;
    }
    return false;
  }

  /**
   * True when some article holds the term as a word: itself, or a longer word it starts
   * ("instal" → "installation"). A typo is forgiven only on a long word ("configre"): one letter
   * off a short action is another action ("reset" is not "rest", "move" is not "mode"), and a how-to
   * about something the articles never speak of must get suggestions, not a passage about another thing.
   */
  private heldAsWord(term: string): boolean {
    if (term.startsWith(CONCEPT_MARK)) return true;
    const matched = this.memoised ? this.memoised.search([term]).flatMap((result) => Object.keys(result.match)) : this.termArticles(term).map(([indexTerm]) => indexTerm);
    return matched.some(
      (indexTerm) =>
        indexTerm === term ||
        (term.length >= HOW_TO_PREFIX && indexTerm.startsWith(term)) ||
        (term.length >= HOW_TO_TYPO && indexTerm[0] === term[0] && wordMatches(term, indexTerm)),
    );
  }

  /** The largest share of the question one passage of the hit's article holds. */
  private heldInOnePassage(hit: SearchHit, passages: readonly RankedPassage[]): number {
    return passages.find((p) => p.passage.articleId === hit.article.id)?.coverage ?? 0;
  }

  /**
   * The articles a question's terms find, scored, with their coverage, best first: those that may
   * reach `minCoverage` at least (all of them when that is 0). The hits are MiniSearch's, identical
   * whichever way they are found:
   * - a small knowledge base is searched from memoised per-term results (the same words come back);
   * - a large one is searched coverage first: a cheap pass through the index (MiniSearch calls
   *   `boostDocument` for every document a term matches; returning 0 skips the scoring) tells which
   *   articles hold evidence of which ideas, and only those that could reach the coverage asked for
   *   (counting every idea they hold evidence of as fully covered) are scored. Most articles match
   *   one common word of a question and nothing else; scoring them was most of the time and garbage.
   */
  private find(question: string, units: readonly QueryUnit[], queryTerms: readonly string[]): (minCoverage: number) => SearchHit[] {
    if (this.memoised) {
      const results = this.memoised.search(queryTerms);
      const typed = new Set<string>();
      for (const result of results) for (const term in result.match) typed.add(term);
      const evidence = new Evidence(units, typed, (term, idea) => this.stands(term, idea));
      const hits = results.map((result) => this.hit(result, evidence));
      return () => hits;
    }
    // Index term → the articles (dense numbers) it is found in, for every term MiniSearch matches
    // (exact, prefix, typo) for the question's terms: the terms the scoring pass would find.
    const articlesOf = new Map<string, Int32Array[]>();
    for (const queryTerm of new Set(queryTerms)) {
      if (!queryTerm) continue;
      for (const [term, articles] of this.termArticles(queryTerm)) {
        const lists = articlesOf.get(term);
        if (lists) lists.push(articles);
        else articlesOf.set(term, [articles]);
      }
    }
    // Every index term MiniSearch matched for the question: what the full search's results would hold.
    const evidence = new Evidence(units, new Set(articlesOf.keys()), (term, idea) => this.stands(term, idea));
    // Per article, how many of the question's ideas it holds any evidence of: at least its coverage times the ideas.
    const ideas = new Uint16Array(this.articleIds.length);
    const lastUnit = new Int32Array(this.articleIds.length);
    const touched: number[] = [];
    for (let unit = 0; unit < units.length; unit += 1) {
      for (const [term, lists] of articlesOf) {
        if (!evidence.isEvidenceOf(term, unit)) continue;
        for (const articles of lists)
          for (const article of articles) {
            // An article found under several terms of a unit counts once for it.
            if (lastUnit[article] === unit + 1) continue;
            lastUnit[article] = unit + 1;
            if (ideas[article] === 0) touched.push(article);
            ideas[article]! += 1;
          }
      }
    }
    const byThreshold = new Map<number, SearchHit[]>();
    return (minCoverage) => {
      let hits = byThreshold.get(minCoverage);
      if (hits === undefined) {
        // (An article may have a coverage of 0 and still be found: below that nothing is pruned.)
        if (minCoverage <= 0) {
          hits = this.index.search(question, { tokenize: () => queryTerms as string[] }).map((result) => this.hit(result, evidence));
        } else {
          const keep = new Uint8Array(this.articleIds.length);
          const kept = new Set<string>();
          for (const article of touched) {
            if (ideas[article]! / units.length < minCoverage) continue;
            keep[article] = 1;
            kept.add(this.articleIds[article]!);
          }
          // A query term that finds none of the kept articles adds nothing to their scores: it is not read again.
          const scored = queryTerms.filter((term) => term && this.termArticles(term).some(([, articles]) => articles.some((article) => keep[article] === 1)));
          const results = scored.length === 0 ? [] : this.index.search(question, { tokenize: () => scored, boostDocument: (id) => (kept.has(id as string) ? 1 : 0) });
          hits = results.map((result) => this.hit(result, evidence));
        }
        byThreshold.set(minCoverage, hits);
      }
      return hits;
    };
  }

  /**
   * The index terms MiniSearch matches for one query term (exact, prefix, typo) and the articles
   * each is found in, read through `boostDocument` (returning 0, so nothing is scored); memoised,
   * bounded, as the same words come back question after question.
   */
  private termArticles(queryTerm: string): ReadonlyArray<readonly [string, Int32Array]> {
    let found = this.articlesByTerm.get(queryTerm);
    if (found === undefined) {
      const lists = new Map<string, number[]>();
      let lastTerm = '';
      let list: number[] = [];
      this.index.search(queryTerm, {
        tokenize: () => [queryTerm],
        boostDocument: (id, term) => {
          if (term !== lastTerm) {
            lastTerm = term;
            list = lists.get(term) ?? [];
            if (list.length === 0) lists.set(term, list);
          }
          list.push(this.denseOf.get(id as string)!);
          return 0;
        },
      });
      found = [...lists].map(([term, articles]) => [term, Int32Array.from(articles)] as const);
      this.articlesByTerm.set(queryTerm, found);
    }
    return found;
  }

  private hit(result: SearchResult, evidence: Evidence): SearchHit {
    return { article: this.byId.get(result.id as string)!, score: result.score, coverage: evidence.coverage(result) };
  }

  /** True when an index term found by MiniSearch is the query term, an extension of it (4+ letters), or a small typo of it. */
  private stands(term: string, queryTerm: string): boolean {
    if (term === queryTerm || (queryTerm.length >= 4 && term.startsWith(queryTerm))) return true;
    // A typo is at most two edits (allowedTypos) of a word of 5 letters or more: most pairs fail
    // this without an edit distance, and without taking a place in the memo.
    if (term.length < 5 || Math.abs(term.length - queryTerm.length) > 2) return false;
    // Neither term holds U+0000 (the tokenizer keeps letters and digits only), so the pair key is unambiguous.
    const key = `${term}\u0000${queryTerm}`;
    let stands = this.termEvidence.get(key);
    if (stands === undefined) {
      stands = wordMatches(queryTerm, term);
      this.termEvidence.set(key, stands);
    }
    return stands;
  }
}

function indexOptions(vocabulary: SearchVocabulary, tuning: SearchTuning): Options<IndexedArticle> {
  return {
    fields: ['title', 'keywords', 'summary', 'headings', 'body'],
    storeFields: [],
    // The vocabulary already lower-cases, drops stop words and adds concept words.
    tokenize: (text) => vocabulary.terms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: tuning.boost,
      combineWith: 'OR',
      // Prefix matching helps half-typed words; short terms are acronyms and must match exactly, and
      // concept tokens are exact by nature.
      prefix: (term) => term.length >= 4 && !/\d/.test(term) && !term.startsWith(CONCEPT_MARK),
      // Typos forgiven as everywhere else (allowedTypos): one from 5 letters, two from 9, none with digits.
      fuzzy: (term) => (term.startsWith(CONCEPT_MARK) ? false : allowedTypos(term) || false),
    },
  };
}

/** The fields of an article as indexed, shared with the benchmark baselines so all engines see the same text. */
export function toIndexed(article: Article): IndexedArticle {
  return {
    id: article.id,
    title: article.title,
    keywords: [article.id, ...article.keywords].join(' \n '),
    summary: article.summary,
    headings: article.sections.map((s) => s.heading).join(' \n '),
    body: article.sections.map((s) => s.text).join('\n'),
  };
}

// A question's terms are at most 40 letters (search-vocabulary.ts), so an entry weighs at most ~230
// bytes: about 8 MB at most, and the entry limit binds first for words of ordinary length.
const TERM_EVIDENCE_LIMITS = { maxEntries: 50_000, maxBytes: 8 * 1024 * 1024 };

// From this many articles the search goes coverage first; below it, a question's words are few
// enough, and their results small enough, to keep per term (a few hundred bytes each on 12 articles).
const COVERAGE_FIRST_FROM = 300;
const TERM_MEMO_LIMITS = { maxEntries: 20_000, maxBytes: 16 * 1024 * 1024 };
// Above it, the articles each query term matches are kept as 4-byte numbers: a common word of a
// 100k-article base takes a few hundred KB, so the byte limit binds (about 1,000 words of 10k articles).
const TERM_ARTICLES_LIMITS = { maxEntries: 20_000, maxBytes: 32 * 1024 * 1024 };

// Where a match counts as evidence that the article is about that idea. A word found only deep in
// a body ("user", "install") is weak evidence and counts half.
const TOPICAL_FIELDS = new Set(['title', 'keywords', 'summary', 'headings']);
const BODY_ONLY_WEIGHT = 0.5;

/**
 * Which index terms are evidence of which of a question's ideas, and the share of the ideas a
 * result matched: a unit counts 1 when one of its terms is found in a topical field,
 * {@link BODY_ONLY_WEIGHT} when only in the body.
 */
class Evidence {
  private readonly ideaTerms: string[];
  private readonly unitSlots: number[][];
  /** Index term → the idea terms it is evidence of (most results share the same few terms). */
  private readonly slots = new Map<string, number[]>();
  private readonly weights: Float64Array;

  /**
   * @param typed every index term MiniSearch matched for the question: a query word found as typed
   *   is a whole word, and its prefix and typo matches ("fail" → "failover") are other words, not evidence of it.
   */
  constructor(
    private readonly units: readonly QueryUnit[],
    private readonly typed: ReadonlySet<string>,
    private readonly stands: (term: string, idea: string) => boolean,
  ) {
    this.ideaTerms = [...new Set(units.flatMap((unit) => unit.terms))];
    this.unitSlots = units.map((unit) => unit.terms.map((term) => this.ideaTerms.indexOf(term)));
    this.weights = new Float64Array(this.ideaTerms.length);
  }

  isEvidenceOf(term: string, unit: number): boolean {
    const slots = this.slotsOf(term);
    return slots.length > 0 && this.unitSlots[unit]!.some((slot) => slots.includes(slot));
  }

  coverage(result: SearchResult): number {
    const evidence = this.weights;
    evidence.fill(0);
    for (const term in result.match) {
      const slots = this.slotsOf(term);
      if (slots.length === 0) continue;
      const weight = result.match[term]!.some((field) => TOPICAL_FIELDS.has(field)) ? 1 : BODY_ONLY_WEIGHT;
      for (const slot of slots) if (evidence[slot]! < weight) evidence[slot] = weight;
    }
    let covered = 0;
    for (const slots of this.unitSlots) {
      let best = 0;
      for (const slot of slots) best = Math.max(best, evidence[slot]!);
      covered += best;
    }
    return covered / this.units.length;
  }

  private slotsOf(term: string): number[] {
    let slots = this.slots.get(term);
    if (!slots) {
      slots = [];
      for (const [slot, idea] of this.ideaTerms.entries()) {
        if (term === idea || (!this.typed.has(idea) && this.stands(term, idea))) slots.push(slot);
      }
      this.slots.set(term, slots);
    }
    return slots;
  }
}
