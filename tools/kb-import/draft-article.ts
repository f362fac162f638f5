import { stringify } from 'yaml';
import type { ImportedArticle } from './imported-article';

const MAX_TITLE = 120;
const MAX_SUMMARY = 400;
/** Sections whose first paragraph says what the article is about, best first. */
const SUMMARY_SECTIONS = ['Summary', 'Symptoms', 'Introduction'];

/**
 * Writes an imported article as a draft in the knowledge base's format: YAML front matter (id,
 * title, products, keywords, sources, reviewed, related, summary) and a Markdown body with one `##`
 * section per source section. Returns the text and what the owner must still look at.
 */
export function draftArticle(article: ImportedArticle, id: string, today: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  let title = article.title ?? `Imported article ${id}`;
  if (title.length > MAX_TITLE) {
    title = `${title.slice(0, MAX_TITLE - 1)}…`;
    notes.push(`title cut to ${MAX_TITLE} characters`);
  }
  const keywords = article.keywords.length > 0 ? [...new Set(article.keywords)] : titleWords(title);
  if (article.keywords.length === 0) notes.push('no keywords in the source: taken from the title');
  const summarySource =
    article.description ?? SUMMARY_SECTIONS.map((h) => article.sections.find((s) => s.heading === h)).find((s) => s)?.paragraphs[0] ?? article.sections[0]?.paragraphs[0];
  const summary = summarySource ? shorten(summarySource, MAX_SUMMARY) : 'TODO: one paragraph that answers the question this article is for.';
  if (!summarySource) notes.push('no text to summarise: the summary is a TODO');
  notes.push(`reviewed set to the import date (${today}): review the draft before publishing it`);

  const frontMatter = stringify(
    { id, title, products: article.products, keywords, sources: [{ ref: article.source.ref, title: article.source.title }], reviewed: today, related: [], summary },
    { lineWidth: 100 },
  );
  const body = article.sections.map((s) => `## ${s.heading}\n\n${joinParagraphs(s.paragraphs.map(escapeMarkdown))}\n`).join('\n');
  if (article.sections.length === 0) notes.push('no sections found: the body is empty');
  return { text: `---\n${frontMatter}---\n\n${body || 'TODO: the article text.\n'}`, notes };
}

/** Paragraphs apart, list items of one list on consecutive lines. */
function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map((p, i) => (i === 0 ? '' : p.startsWith('- ') && paragraphs[i - 1]!.startsWith('- ') ? '\n' : '\n\n') + p).join('');
}

function titleWords(title: string): string[] {
  return title
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 3)
    .slice(0, 6);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut.slice(0, max - 1)}…`;
}

/** Imported text is text: HTML-like tags and a leading heading or quote marker must not become Markdown. */
function escapeMarkdown(paragraph: string): string {
  const list = paragraph.startsWith('- ');
  const text = (list ? paragraph.slice(2) : paragraph).replace(/</g, '&lt;').replace(/^([#>])/, '\\$1');
  return list ? `- ${text}` : text;
}
