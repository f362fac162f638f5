import { marked, type Token } from 'marked';
import type { SavedSections } from './saved-sections';

/** A `##` section of an article body, as plain text for indexing. */
export interface ArticleSection {
  heading: string;
  text: string;
}

/** Plain text of Markdown tokens: what a reader sees, without the markup. */
export function plainText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
      parts.push(plainText(token.tokens));
    } else if (token.type === 'list') {
      parts.push(...token.items.map((item: { tokens: Token[] }) => plainText(item.tokens)));
    } else if (token.type === 'table') {
      const cells = [token.header, ...token.rows].flat() as { tokens: Token[] }[];
      parts.push(cells.map((cell) => plainText(cell.tokens)).join(' '));
    } else if (token.type === 'html' || token.type === 'br') {
      // "<br>" or a tag between two words still separates them.
      parts.push(' ');
    } else if ('text' in token && typeof token.text === 'string') {
      parts.push(token.text);
    }
  }
  return parts
    .join(separatorFor(tokens))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

// Block tokens become separate lines; inline tokens flow together.
function separatorFor(tokens: readonly Token[]): string {
  return tokens.some((t) => ['paragraph', 'heading', 'list', 'table', 'code', 'blockquote'].includes(t.type)) ? '\n' : '';
}

/**
 * Splits a Markdown body at its level-1 and level-2 headings (deeper headings stay inside their
 * section). Text before the first heading becomes a section with an empty heading. With `saved`
 * sections (npm run kb:build) an unchanged body is not lexed again; one split now is remembered there.
 *
 * @example
 * splitSections('Intro\n\n## Why\nBecause.'); // [{ heading: '', text: 'Intro' }, { heading: 'Why', text: 'Because.' }]
 */
export function splitSections(markdown: string, saved?: SavedSections): ArticleSection[] {
  const split = parsedSections.get(markdown);
  // A body split before in this process is still remembered in `saved`, so kb:build's file holds every body whatever
  // loaded first (session 14: the saved-sections test failed when an earlier test in its worker had split the same bodies).
  if (split) {
    if (saved !== undefined && saved.get(markdown) === undefined) saved.remember(markdown, split);
    return split;
  }
  const known = saved?.get(markdown);
  if (known) return known;
  const sections: ArticleSection[] = [];
  let current: { heading: string; tokens: Token[] } = { heading: '', tokens: [] };
  const flush = () => {
    const text = plainText(current.tokens);
    if (current.heading || text) sections.push({ heading: current.heading, text });
  };
  for (const token of marked.lexer(markdown)) {
    if (token.type === 'heading' && token.depth <= 2) {
      flush();
      current = { heading: plainText(token.tokens ?? []), tokens: [] };
    } else {
      current.tokens.push(token);
    }
  }
  flush();
  saved?.remember(markdown, sections);
  return sections;
}

/**
 * Sections of bodies already split, so a reload that first parsed a folder in slices (see
 * `readArticlesInSlices`) does not split every article again in one go. Bounded: it holds one
 * folder's worth of bodies at most, and is emptied when full.
 */
export const parsedSections = {
  bodies: new Map<string, ArticleSection[]>(),
  get(body: string): ArticleSection[] | undefined {
    return this.bodies.get(body);
  },
  remember(body: string, sections: ArticleSection[]): void {
    if (this.bodies.size >= 2_000) this.bodies.clear();
    this.bodies.set(body, sections);
  },
};
