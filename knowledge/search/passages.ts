import { marked, type Token, type Tokens } from 'marked';
import type { Article } from '../loading/articles';
import { plainText } from '../loading/markdown-text';

/**
 * The smallest piece of an article the bot can quote: one sentence of a paragraph, one list item
 * or one table row (with its column headings, so "2" reads as "Maximum nodes: 2").
 */
export interface Passage {
  /** `<article id>#<n>`, unique. */
  id: string;
  articleId: string;
  /** The `##` section it stands in; "Summary" for the article's summary. */
  section: string;
  text: string;
  /**
   * For a table row, its column headings: shown with the values but indexed apart, so that a
   * heading repeated on every row ("Maximum nodes") does not make every row match.
   */
  labels?: string;
  /** Passages of the same paragraph, list item or row share a block number (for context). */
  block: number;
  /** For an item of a numbered list (the steps of a how-to): the list's number in the article and the item's place (1, 2, ...). */
  step?: { list: number; at: number };
  /** A sentence about the table, the article or another article ({@link aboutTheText}), worked out once: never quoted. */
  aboutText?: true;
}

/**
 * A sentence about where a table's rows come from, or about the article itself ("Rows 2010 SP3 to SE
 * come from ...", "The service-pack levels in this table are ...", a legend: '"yes" means ...', a pointer: "See EXB-004 for ..."):
 * it carries no fact to quote.
 */
const ABOUT_THE_TEXT =
  /^(rows?|(a|the|this) table|this article|sources?)\b|\b(come|comes) from\b|\bthe (rows?|columns?) (of|in|below|above)\b|\b(in|of) (this|the) table\b|^["“][^"”]{1,24}["”] means\b|^(see|read)\b.{0,80}\b(EXB-\d{3}|KB\d{6})\b|\b(is|are) in (EXB-\d{3}|KB\d{6})\b/i;

export function aboutTheText(text: string): boolean {
  return ABOUT_THE_TEXT.test(text);
}

/** Heading shown for passages taken from the front-matter summary. */
export const SUMMARY_SECTION = 'Summary';

/**
 * Cuts an article into passages: the summary and every paragraph into sentences, every list item
 * and table row into one passage each (a list item is usually one thought; splitting it would lose
 * its bold lead-in).
 *
 * @example
 * articlePassages(article)[0]; // { id: 'EXB-005#0', section: 'Summary', text: 'Several Exchange 2003 components cannot run on a cluster, ...', block: 0 }
 */
export function articlePassages(article: Article): Passage[] {
  const passages: Passage[] = [];
  let block = 0;
  let lists = 0;
  const add = (section: string, text: string, split: boolean, labels?: string, step?: Passage['step']) => {
    const parts = split ? sentences(text) : [text.replace(/\s+/g, ' ').trim()];
    for (const part of parts) {
      if (part)
        passages.push({
          id: `${article.id}#${passages.length}`,
          articleId: article.id,
          section,
          text: part,
          block,
          ...(labels ? { labels } : {}),
          ...(step ? { step } : {}),
          ...(aboutTheText(part) ? { aboutText: true as const } : {}),
        });
    }
    block += 1;
  };
  add(SUMMARY_SECTION, article.summary, true);
  let section = '';
  for (const token of marked.lexer(article.body)) {
    if (token.type === 'heading') {
      if ((token as Tokens.Heading).depth <= 2) section = plainText(token.tokens ?? []);
      continue;
    }
    if (token.type === 'list') {
      const list = token as Tokens.List;
      lists += 1;
      list.items.forEach((item, i) => add(section, plainText(item.tokens), false, undefined, list.ordered ? { list: lists, at: i + 1 } : undefined));
    } else if (token.type === 'table') {
      const table = token as Tokens.Table;
      const headers = table.header.map((cell) => plainText(cell.tokens));
      for (const row of table.rows) {
        add(
          section,
          row
            .map((cell, i) => [headers[i], plainText(cell.tokens)] as const)
            .filter(([, value]) => value !== '')
            .map(([header, value]) => (header ? `${header}: ${value}` : value))
            .join('; '),
          false,
          headers.join(' '),
        );
      }
    } else if (token.type !== 'space' && token.type !== 'hr') {
      add(section, plainText([token as Token]), true);
    }
  }
  return passages;
}

// A sentence ends at . ! or ? followed by a space and a capital, digit or opening bracket; "n-1." or
// "e.g. the" (lower case after the stop) do not end one.
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9("“])/;

/** Splits plain text into sentences. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
