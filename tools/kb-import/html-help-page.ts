import type { ImportedArticle } from './imported-article';
import { decodeEntities } from '../html-entities';

/** Page furniture, never article text; and tables, which a draft cannot carry over faithfully (reported). */
const SKIPPED = new Set(['script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'svg', 'form', 'aside', 'table']);
const BLOCKS = new Set(['p', 'li', 'pre', 'dd', 'dt', 'blockquote', 'div', 'td', 'th', 'br', 'tr', 'section', 'article', 'main']);
const ATTRIBUTE = /([a-zA-Z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g;
/**
 * Reads a saved HTML help page: `<title>` (or the first `<h1>`), `<h2>`/`<h3>` sections with their
 * paragraphs and list items, an "Applies to" heading's list as products, and the `keywords`,
 * `description` and canonical link from the head. Navigation, scripts and styles are dropped;
 * tables and images, which a draft cannot carry over faithfully, are listed in `unmapped`.
 */
export function readHtmlHelpPage(html: string, fileName: string): ImportedArticle {
  const article: ImportedArticle = { products: [], keywords: [], sections: [], source: { ref: fileName, title: fileName }, unmapped: [] };
  let titleTag: string | undefined;
  let h1: string | undefined;
  let canonical: string | undefined;
  let skipDepth = 0;
  let capture: 'title' | 'h1' | 'heading' | undefined;
  let heading = '';
  let text = '';
  let inList = false;
  let inApplies = false;
  let section: { heading: string; paragraphs: string[] } | undefined;
  const counts = { table: 0, img: 0 };

  const flush = (asListItem: boolean) => {
    const paragraph = decodeEntities(text).replace(/\s+/g, ' ').trim();
    text = '';
    if (!paragraph) return;
    if (inApplies && asListItem) article.products.push(paragraph);
    else if (section) section.paragraphs.push(asListItem ? `- ${paragraph}` : paragraph);
    else if (!inApplies) article.unmapped.push(`text before the first section heading: "${clip(paragraph)}"`);
  };

  for (const [token, rawName, attributes = '', content] of htmlTokens(html)) {
    if (content !== undefined || token === '<') {
      if (skipDepth === 0) {
        if (capture) heading += content ?? token;
        else text += content ?? token;
      }
      continue;
    }
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    const closing = token.startsWith('</');
    if (!closing && skipDepth === 0 && (name === 'table' || name === 'img')) counts[name] += 1;
    if (SKIPPED.has(name)) {
      skipDepth = Math.max(0, skipDepth + (closing ? -1 : token.endsWith('/>') ? 0 : 1));
      continue;
    }
    if (skipDepth > 0) continue;
    if (!closing && name === 'meta') readMeta(attributes, article);
    if (!closing && name === 'link' && /rel\s*=\s*["']?canonical/i.test(attributes)) {
      const href = attribute(attributes, 'href') ?? '';
      // The canonical URL becomes the article's source: an http(s) address or nothing (never `javascript:`).
      if (/^https?:\/\/[^\s"'<>]+$/i.test(href)) canonical = href;
      else article.unmapped.push(`canonical link "${clip(href)}" is not an http(s) address: not used as the source`);
    }
    if (name === 'title' || name === 'h1' || name === 'h2' || name === 'h3' || name === 'h4') {
      if (!closing) {
        flush(inList);
        capture = name === 'title' ? 'title' : name === 'h1' ? 'h1' : 'heading';
        heading = '';
        continue;
      }
      const value = decodeEntities(heading).replace(/\s+/g, ' ').trim();
      if (capture === 'title') titleTag ??= value;
      else if (capture === 'h1') h1 ??= value;
      else if (capture === 'heading' && value) {
        inApplies = /^applies to:?$/i.test(value);
        section = inApplies ? undefined : { heading: value, paragraphs: [] };
        if (section) article.sections.push(section);
      }
      capture = undefined;
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      flush(inList);
      inList = !closing;
      continue;
    }
    if (BLOCKS.has(name)) flush(inList && name === 'li');
  }
  flush(inList);

  article.title = h1 ?? titleTag;
  if (!article.title) article.unmapped.push('no <title> or <h1>: the draft has no title');
  if (article.products.length === 0) article.unmapped.push('no "Applies to" list: products are left empty for you to fill in');
  if (counts.table > 0) article.unmapped.push(`${counts.table} table(s) not imported: rewrite them as text or a list`);
  if (counts.img > 0) article.unmapped.push(`${counts.img} image(s) not imported`);
  article.sections = article.sections.filter((s) => s.paragraphs.length > 0);
  article.source = { ref: canonical ?? fileName, title: titleTag ?? article.title ?? fileName };
  return article;
}

function readMeta(attributes: string, article: ImportedArticle): void {
  const name = attribute(attributes, 'name')?.toLowerCase();
  const content = decodeEntities(attribute(attributes, 'content') ?? '').trim();
  if (!content) return;
  if (name === 'keywords')
    article.keywords.push(
      ...content
        .split(/[,;]/)
        .map((k) => k.trim())
        .filter((k) => k !== ''),
    );
  // The description becomes the draft's summary, which reaches cards: no markup, no script links.
  if (name === 'description')
    article.description = content
      .replace(/[<>]/g, ' ')
      .replace(/\b(?:javascript|vbscript|data):/gi, '')
      .replace(/\s+/g, ' ')
      .trim();
}

/**
 * The page as tokens, `[token, tag name, attributes, text]` (the name for a tag, the text for a run
 * of text, neither for a comment or declaration), in one pass that never reads a character twice
 * (issue 22: the former regular expression rescanned to the end from every unterminated "<a" or
 * "<!--": 200 KB took 18.7 s). As in a browser, a comment, declaration or tag left open at the end
 * of the page runs to the end and is dropped.
 */
function* htmlTokens(html: string): Generator<[string, string | undefined, string | undefined, string | undefined]> {
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0 || lt > at) {
      const end = lt < 0 ? html.length : lt;
      yield [html.slice(at, end), undefined, undefined, html.slice(at, end)];
      at = end;
      continue;
    }
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close < 0) return;
      yield [html.slice(lt, close + 3), undefined, undefined, undefined];
      at = close + 3;
    } else if (next === '!' || next === '?') {
      const close = html.indexOf('>', lt);
      if (close < 0) return;
      yield [html.slice(lt, close + 1), undefined, undefined, undefined];
      at = close + 1;
    } else {
      const name = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(lt, lt + 40));
      if (!name) {
        yield ['<', undefined, undefined, undefined];
        at = lt + 1;
        continue;
      }
      // Up to the first ">" outside quotes.
      let i = lt + name[0].length;
      let quote = '';
      for (; i < html.length; i += 1) {
        const c = html[i]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (i >= html.length) return;
      yield [html.slice(lt, i + 1), name[1], html.slice(lt + name[0].length, i), undefined];
      at = i + 1;
    }
  }
}

function attribute(attributes: string, wanted: string): string | undefined {
  // A head tag's attributes are short; the pattern retries at each letter of a long run without "=".
  for (const [, name, value] of attributes.slice(0, 4096).matchAll(ATTRIBUTE)) {
    if (name!.toLowerCase() === wanted) return value!.replace(/^["']|["']$/g, '');
  }
  return undefined;
}

function clip(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}
