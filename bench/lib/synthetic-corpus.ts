import type { Article } from '../../knowledge';
import { stem } from '../../knowledge/search/stem';
import { seededRandom } from './stats';

/**
 * Synthetic knowledge bases "shaped like ours", for the speed and scale benchmarks.
 *
 * Each article has the fields of a real one and the same sizes: a 7-15 word title, 10-20 keywords,
 * a 70-100 word summary, and 4-5 sections with 1-7 word headings and 45-75 words each (our seven
 * articles: titles 7-15 words, 11-20 keywords, summaries 73-102 words, 4-5 sections, bodies of
 * 247-296 words; about 400 words in all). The text comes from a word-bigram model trained on our own
 * articles, so sentences read like ours and function words and generic words ("Exchange", "server")
 * occur at our rates. Each article has its own subject: every other content word type keeps our
 * wording with probability 0.15 (inflections of a word together) and is otherwise replaced,
 * consistently within the article (keywords included), by a
 * term drawn (Zipf, s = 1.07) from a 60,000-term synthetic vocabulary (product names, error codes,
 * article numbers). So a specific term such as "MSCS" or "front-end" occurs in roughly one article
 * in seven, as a topic does in a large knowledge base, and the vocabulary grows with the corpus.
 * (If every article were about our seven subjects, every query word would match most of the corpus.)
 * The generator is seeded: the same size gives the same corpus in every run.
 */
export interface SyntheticArticle {
  id: string;
  title: string;
  keywords: string[];
  summary: string;
  sections: Array<{ heading: string; text: string }>;
  related: string[];
}

const SYNTHETIC_VOCABULARY = 60_000;
const ZIPF_S = 1.07;
/** Share of our content words an article keeps; the others become the article's own subject terms. */
const KEEP_OURS = 0.15;
/** Words every article keeps: function words and the generic words of our domain. */
const SHARED_WORDS = new Set(
  `a an and are as at be by can do does for from has have if in into is it its no not of on or so such than that the their then there these
they this to was what when where which while who why will with you your exchange server servers microsoft windows use using run set up
one two more most other only also must may should each any all both`.split(/\s+/),
);

/** Article ids the schema accepts (KB + 6 digits), clear of the real KB837852. */
export function syntheticId(index: number): string {
  return `KB${String(100000 + index).padStart(6, '0')}`;
}

export class CorpusGenerator {
  private readonly random: () => number;
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];
  private readonly vocabulary: string[];
  private readonly zipfCdf: Float64Array;
  private readonly keywordPool: string[];
  /** The current article's subject: our content word → its replacement (or itself). */
  private subject = new Map<string, string>();
  private readonly stems = new Map<string, string>();

  /** @param texts the real articles' text, one string per title/summary/section */
  constructor(texts: readonly string[], keywordPool: readonly string[], seed = 837852) {
    this.random = seededRandom(seed);
    for (const text of texts) {
      for (const sentence of text.split(/(?<=[.!?:])\s+|\n+/)) {
        const words = sentence.split(/\s+/).filter(Boolean);
        if (words.length < 3) continue;
        this.starts.push(words[0]!);
        for (let i = 0; i < words.length; i += 1) {
          const key = words[i]!;
          const list = this.next.get(key) ?? [];
          list.push(words[i + 1] ?? '.');
          this.next.set(key, list);
        }
      }
    }
    this.vocabulary = Array.from({ length: SYNTHETIC_VOCABULARY }, (_, i) => this.syntheticTerm(i));
    this.zipfCdf = new Float64Array(SYNTHETIC_VOCABULARY);
    let sum = 0;
    for (let i = 0; i < SYNTHETIC_VOCABULARY; i += 1) this.zipfCdf[i] = sum += 1 / (i + 1) ** ZIPF_S;
    for (let i = 0; i < SYNTHETIC_VOCABULARY; i += 1) this.zipfCdf[i]! /= sum;
    this.keywordPool = [...keywordPool];
  }

  /** Articles 0..count-1 of the corpus. */
  *articles(count: number): Generator<SyntheticArticle> {
    for (let i = 0; i < count; i += 1) yield this.article(i, count);
  }

  article(index: number, count: number): SyntheticArticle {
    this.subject = new Map();
    const sectionCount = this.int(4, 5);
    const keywords = new Set<string>();
    const keywordCount = this.int(10, 20);
    while (keywords.size < keywordCount) {
      // One of our keywords, in this article's subject ("server cluster" may become "server 0x8004a1f3").
      keywords.add(
        this.random() < 0.5
          ? this.pick(this.keywordPool)
              .split(' ')
              .map((w) => this.inSubject(w))
              .join(' ')
          : this.zipfTerm(),
      );
    }
    const related = new Set<string>();
    const relatedCount = Math.min(count - 1, this.int(2, 3));
    while (related.size < relatedCount) {
      const other = this.int(0, count - 1);
      if (other !== index) related.add(syntheticId(other));
    }
    return {
      id: syntheticId(index),
      title: this.sentence(this.int(7, 15)).replace(/[.]$/, ''),
      keywords: [...keywords],
      summary: this.text(this.int(70, 100)),
      sections: Array.from({ length: sectionCount }, () => ({
        heading: this.sentence(this.int(1, 7)).replace(/[.]$/, ''),
        text: this.text(this.int(45, 75)),
      })),
      related: [...related],
    };
  }

  private text(words: number): string {
    const parts: string[] = [];
    let left = words;
    while (left > 0) {
      const length = Math.min(left, this.int(8, 22));
      parts.push(this.sentence(length));
      left -= length;
    }
    return parts.join(' ');
  }

  private sentence(length: number): string {
    const words: string[] = [];
    let word = this.pick(this.starts);
    while (words.length < length) {
      words.push(this.inSubject(this.bare(word)));
      const followers = this.next.get(word);
      word = followers ? this.pick(followers) : this.pick(this.starts);
      if (word === '.') word = this.pick(this.starts);
    }
    return `${words.join(' ')}.`;
  }

  private readonly bareWords = new Map<string, string>();

  /** The word without surrounding punctuation. */
  private bare(word: string): string {
    let bare = this.bareWords.get(word);
    if (bare === undefined) this.bareWords.set(word, (bare = word.replace(/[.!?:;,()"*]+$|^[("*]+/g, '')));
    return bare;
  }

  private inSubject(word: string): string {
    const lower = word.toLowerCase();
    if (lower === '' || SHARED_WORDS.has(lower)) return word;
    // Inflections share one decision: "cluster", "clusters" and "clustered" stay or go together.
    let key = this.stems.get(lower);
    if (key === undefined) this.stems.set(lower, (key = stem(lower)));
    let replacement = this.subject.get(key);
    if (replacement === undefined) {
      replacement = this.random() < KEEP_OURS ? word : this.zipfTerm();
      this.subject.set(key, replacement);
    }
    return replacement;
  }

  private zipfTerm(): string {
    const r = this.random();
    let lo = 0;
    let hi = SYNTHETIC_VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.zipfCdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return this.vocabulary[lo]!;
  }

  private syntheticTerm(i: number): string {
    const kind = i % 10;
    if (kind === 0) return `0x${(0x80040000 + i * 7919).toString(16)}`;
    if (kind === 1) return `KB${String(200000 + ((i * 104729) % 700000)).padStart(6, '0')}`;
    // Pseudo-words from neutral syllables, so that they are not accidental prefixes or typos of ours.
    const syllables = [
      'ka',
      'ro',
      'vi',
      'mu',
      'zen',
      'dor',
      'li',
      'pe',
      'zu',
      'tam',
      'qui',
      'bo',
      'ne',
      'gal',
      'fi',
      'wy',
      'jo',
      'hur',
      'sa',
      'yel',
      'ki',
      'pol',
      'dra',
      'mi',
      'tov',
      'ush',
      'ax',
      'bel',
      'cor',
      'fen',
    ];
    let n = i;
    let term = '';
    do {
      term += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0 || term.length < 5);
    return term;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
}

/** A generator trained on the real articles. */
export function corpusGeneratorFor(articles: readonly Article[], seed?: number): CorpusGenerator {
  const texts = articles.flatMap((a) => [a.title, a.summary, ...a.sections.flatMap((s) => [s.heading, s.text])]);
  return new CorpusGenerator(
    texts,
    articles.flatMap((a) => a.keywords),
    seed,
  );
}

/** A synthetic article as the knowledge layer's {@link Article} (for KnowledgeSearch). */
export function asArticle(article: SyntheticArticle): Article {
  return {
    id: article.id,
    title: article.title,
    products: ['Exchange Server 2003 Enterprise Edition'],
    keywords: article.keywords,
    sources: [{ ref: 'synthetic', title: 'Synthetic benchmark article', facts: [] }],
    reviewed: '2026-11-25',
    related: article.related,
    summary: article.summary,
    file: `${article.id}.md`,
    body: article.sections.map((s) => `## ${s.heading}\n${s.text}`).join('\n\n'),
    sections: article.sections,
    lineOf: () => undefined,
  };
}

/** The article as a Markdown file with front matter, as knowledge/articles/*.md are written. */
export function asMarkdown(article: SyntheticArticle): string {
  const quote = (s: string) => JSON.stringify(s);
  return [
    '---',
    `id: ${article.id}`,
    `title: ${quote(article.title.slice(0, 120))}`,
    'products:',
    '  - Exchange Server 2003 Enterprise Edition',
    `keywords: [${article.keywords.map(quote).join(', ')}]`,
    'sources:',
    '  - ref: synthetic',
    '    title: Synthetic benchmark article',
    '    facts: [C4]',
    'reviewed: 2026-11-25',
    `related: [${article.related.join(', ')}]`,
    `summary: ${quote(article.summary)}`,
    '---',
    '',
    ...article.sections.map((s) => `## ${s.heading}\n${s.text}\n`),
  ].join('\n');
}
