import type { ImportedArticle } from './imported-article';

/** The vendor's section headings and the headings the draft uses for them. */
const KNOWN_SECTIONS: Record<string, string> = {
  INTRODUCTION: 'Introduction',
  SUMMARY: 'Summary',
  SYMPTOMS: 'Symptoms',
  CAUSE: 'Cause',
  RESOLUTION: 'Resolution',
  WORKAROUND: 'Workaround',
  STATUS: 'Status',
  'MORE INFORMATION': 'More information',
  REFERENCES: 'References',
};
/** Keyword tags that say what kind of article it is, not what it is about. */
const GENERIC_TAGS = new Set(['info', 'howto', 'prb', 'bug', 'fix', 'tshoot', 'kbexpertise', 'pubtypekc', 'mt', 'ts', 'update', 'hotfix']);
const HEADER = /^Article ID:\s*(\d+)\b(?:.*?Last Review:\s*([^-]+?)\s*(?:-|$))?/i;
const HEADING = /^[A-Z][A-Z /&-]{2,60}$/;
const BULLET = /^\s*(?:•|\*|-|·)\s+(.+)$/;
/**
 * "http://x (http://x)", as the text export writes every link, written once. Word by word rather
 * than with a back-reference, which retried every length of every "http://" (issue 22: 280 KB of
 * "http://" took 6 s).
 */
function undoubleLinks(text: string): string {
  const parts = text.split(/( )/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    out.push(part);
    if (/^https?:\/\/\S/.test(part) && parts[i + 1] === ' ' && parts[i + 2] === `(${part})`) i += 2;
  }
  return out.join('');
}

/**
 * Reads a knowledge article in the vendor's plain-text export: an "Article ID: … - Last Review: …"
 * line, the title, upper-case section headings (SYMPTOMS, CAUSE, RESOLUTION, MORE INFORMATION…),
 * an APPLIES TO list and a "Keywords:" line. Lines it cannot place (page furniture such as
 * "Expand all | Collapse all", text before the first heading) are listed in `unmapped`.
 */
export function readVendorKbText(text: string, fileName: string): ImportedArticle {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const article: ImportedArticle = { products: [], keywords: [], sections: [], source: { ref: fileName, title: fileName }, unmapped: [] };
  let vendorId: string | undefined;
  let lastReview: string | undefined;
  let section: { heading: string; paragraphs: string[] } | undefined;
  let mode: 'start' | 'section' | 'applies' | 'keywords' = 'start';
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0 && section) section.paragraphs.push(undoubleLinks(paragraph.join(' ')));
    paragraph = [];
  };

  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const header = HEADER.exec(line);
    if (index < 3 && header) {
      vendorId = header[1];
      lastReview = header[2]?.trim();
      continue;
    }
    if (line === '') {
      endParagraph();
      continue;
    }
    if (/^Keywords:/i.test(line)) {
      endParagraph();
      mode = 'keywords';
      article.keywords.push(...keywordTags(line.slice('Keywords:'.length), vendorId));
      continue;
    }
    if (HEADING.test(line) && !BULLET.test(raw)) {
      endParagraph();
      if (line === 'APPLIES TO') {
        mode = 'applies';
        continue;
      }
      const known = KNOWN_SECTIONS[line];
      if (!known) article.unmapped.push(`section "${line}" is not a known vendor section: kept under its own heading`);
      section = { heading: known ?? sentenceCase(line), paragraphs: [] };
      article.sections.push(section);
      mode = 'section';
      continue;
    }
    switch (mode) {
      case 'start':
        if (article.title === undefined) article.title = line;
        else article.unmapped.push(`line ${index + 1}: "${clip(line)}" (before the first section)`);
        break;
      case 'applies': {
        const bullet = BULLET.exec(raw);
        if (bullet) article.products.push(bullet[1]!.trim());
        else article.unmapped.push(`line ${index + 1}: "${clip(line)}" (in APPLIES TO, not a list item)`);
        break;
      }
      case 'keywords':
        article.keywords.push(...keywordTags(line, vendorId));
        break;
      case 'section': {
        const bullet = BULLET.exec(raw);
        if (bullet) {
          endParagraph();
          section!.paragraphs.push(`- ${undoubleLinks(bullet[1]!.trim())}`);
        } else paragraph.push(line);
        break;
      }
    }
  }
  endParagraph();

  if (vendorId === undefined) article.unmapped.push('no "Article ID:" line: the draft gets a new EXB id');
  else if (vendorId.length <= 6) article.id = `KB${vendorId.padStart(6, '0')}`;
  else article.unmapped.push(`article id ${vendorId} has more than six digits: the draft gets a new EXB id`);
  if (article.products.length === 0) article.unmapped.push('no APPLIES TO list: products are left empty for you to fill in');
  const ref = vendorId ? `KB${vendorId}` : fileName;
  article.source = { ref, title: `${article.title ?? fileName}${lastReview ? ` (vendor article, last reviewed ${lastReview})` : ''}` };
  return article;
}

function keywordTags(text: string, vendorId: string | undefined): string[] {
  return text
    .split(/[\s,;]+/)
    .filter((tag) => tag !== '' && tag.toUpperCase() !== `KB${vendorId ?? ''}`)
    .map((tag) => tag.replace(/^kb(?=[a-z])/i, '').toLowerCase())
    .filter((tag) => tag !== '' && !GENERIC_TAGS.has(tag));
}

function sentenceCase(heading: string): string {
  return heading.charAt(0) + heading.slice(1).toLowerCase();
}

function clip(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`;
}
