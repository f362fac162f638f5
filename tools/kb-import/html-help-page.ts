import type { ImportedArticle } from './imported-article';
import { decodeEntities } from '../html-entities';

/** Page furniture, never article text; and tables, which a draft cannot carry over faithfully (reported). */
const SKIPPED = new Set(['script', 'style', 'nav', 'header', 'footer', 'noscript', 'template', 'svg', 'form', 'aside', 'table']);
const BLOCKS = new Set(['p', 'li', 'pre', 'dd', 'dt', 'blockquote', 'div', 'td', 'th', 'br', 'tr', 'section', 'article', 'main']);
/** One tag, comment or run of text: each character is read once, so any page is read in linear time. */
const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
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

  for (const match of html.matchAll(TOKEN)) {
    const [token, rawName, attributes = '', content] = match;
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
    if (!closing && name === 'link' && /rel\s*=\s*["']?canonical/i.test(attributes)) canonical = attribute(attributes, 'href');
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
  if (name === 'description') article.description = content;
}

function attribute(attributes: string, wanted: string): string | undefined {
  for (const [, name, value] of attributes.matchAll(ATTRIBUTE)) {
    if (name!.toLowerCase() === wanted) return value!.replace(/^["']|["']$/g, '');
  }
  return undefined;
}

function clip(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}
