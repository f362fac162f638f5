import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KNOWLEDGE_LIMITS, markdownNestingProblems, parserFailure } from './load-limits';
import { parsedSections, splitSections, type ArticleSection } from './markdown-text';
import type { KnowledgeProblem } from './problems';
import { articleFrontMatterSchema, type ArticleFrontMatter } from './schemas';
import { parseYamlSource, validateYaml } from './yaml-source';
import type { YamlValues } from './yaml-values';
import type { SavedSections } from './saved-sections';

/** A knowledge-base article: its front matter, its Markdown body and that body split into sections. */
export interface Article extends ArticleFrontMatter {
  /** Path of the source file, for messages. */
  file: string;
  /** The Markdown body after the front matter. */
  body: string;
  sections: ArticleSection[];
  /** The line of a front-matter field (e.g. `['related', 0]`), for problems found after parsing. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Parses one article file (`---` YAML front matter `---` then Markdown). Returns the article, or
 * the problems that stop it from loading, each naming the file, line and field.
 */
export function parseArticle(file: string, raw: string, saved?: YamlValues, savedSections?: SavedSections): { article?: Article; problems: KnowledgeProblem[] } {
  // Editors on Windows may save a byte-order mark; it is not content.
  const text = raw.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return { problems: [{ file, line: 1, message: 'must start with YAML front matter between two "---" lines' }] };
  }
  const { source, problems } = parseYamlSource(file, match[1]!, 1, saved);
  if (problems.length > 0) return { problems };
  const { value, problems: schemaProblems } = validateYaml(source, articleFrontMatterSchema);
  if (!value) return { problems: schemaProblems };

  const expectedId = basename(file).replace(/\.md$/, '');
  if (value.id !== expectedId) {
    schemaProblems.push({ file, line: source.lineOf(['id']), field: 'id', message: `is "${value.id}" but the file is named ${expectedId}.md` });
  }
  const body = text.slice(match[0].length);
  const bodyLine = text.slice(0, match[0].length).split('\n').length;
  schemaProblems.push(...cardTextProblems(file, value, source.lineOf));
  const nesting = markdownNestingProblems(file, body, bodyLine);
  if (nesting.length > 0) return { problems: [...schemaProblems, ...nesting] };
  let sections: ArticleSection[];
  try {
    sections = splitSections(body, savedSections);
  } catch (error) {
    return { problems: [parserFailure(file, error, bodyLine)] };
  }
  if (!sections.some((s) => s.text.length > 0)) {
    schemaProblems.push({ file, line: bodyLine, field: 'body', message: 'the article has no body text' });
  }
  if (schemaProblems.length > 0) return { problems: schemaProblems };
  return { article: { ...value, file, body, sections, lineOf: source.lineOf }, problems: [] };
}

/**
 * Reads every `*.md` article of a folder, in file-name order (front matter parsed or taken from
 * `saved`, see {@link YamlValues}; sections split or taken from `savedSections`, see {@link SavedSections}).
 */
export function readArticles(folder: string, displayPrefix = '', saved?: YamlValues, savedSections?: SavedSections): { articles: Article[]; problems: KnowledgeProblem[] } {
  const articles: Article[] = [];
  const problems: KnowledgeProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith('.md'))
      .sort();
  } catch (error) {
    return { articles, problems: [{ file: folder, message: `cannot read the articles folder: ${(error as Error).message}` }] };
  }
  if (names.length === 0) problems.push({ file: folder, message: 'contains no *.md articles' });
  const sized = sizeProblems(folder, displayPrefix, names);
  if (sized.length > 0) return { articles, problems: sized };
  for (const name of names) {
    const result = parseArticle(join(displayPrefix, name), readFileSync(join(folder, name), 'utf8'), saved, savedSections);
    problems.push(...result.problems);
    if (result.article) articles.push(result.article);
  }
  return { articles, problems };
}

/**
 * Like {@link readArticles}, but yields to the event loop after each article, so a running bot
 * that reloads a large folder keeps answering turns (each article is bounded by the size and
 * nesting limits, so one slice is short). The parsed front matter lands in `saved`.
 */
export async function readArticlesInSlices(folder: string, displayPrefix: string, saved: YamlValues): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.md'));
  } catch {
    return; // readArticles reports it
  }
  if (sizeProblems(folder, displayPrefix, names).length > 0) return;
  for (const name of names) {
    await new Promise((resolve) => setImmediate(resolve));
    const file = join(displayPrefix, name);
    const parsed = parseArticle(file, readFileSync(join(folder, name), 'utf8'), saved);
    if (parsed.article) parsedSections.remember(parsed.article.body, parsed.article.sections);
  }
}

/** Files over the size limits, checked before any is read (a 50 MB article blocked the bot for a minute). */
function sizeProblems(folder: string, displayPrefix: string, names: readonly string[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  if (names.length > KNOWLEDGE_LIMITS.articles) {
    return [{ file: displayPrefix || folder, message: `holds ${names.length} articles (at most ${KNOWLEDGE_LIMITS.articles})` }];
  }
  let total = 0;
  for (const name of names) {
    const bytes = statSync(join(folder, name)).size;
    total += bytes;
    if (bytes > KNOWLEDGE_LIMITS.articleBytes) {
      problems.push({ file: join(displayPrefix, name), line: 1, message: `is ${bytes} bytes (an article may have at most ${KNOWLEDGE_LIMITS.articleBytes})` });
    }
  }
  if (total > KNOWLEDGE_LIMITS.folderBytes) {
    problems.push({ file: displayPrefix || folder, message: `the articles are ${total} bytes together (at most ${KNOWLEDGE_LIMITS.folderBytes})` });
  }
  return problems;
}

const UNSAFE_SCHEME = /\b(?:javascript|vbscript|data|file):/i;
const HTML_TAG = /<\s*\/?\s*[a-z!?]/i;
const LINK_TARGET = /\]\(\s*<?\s*([a-z][a-z0-9+.-]*):/gi;

/**
 * The title and summary go into card text verbatim, and a card's TextBlock renders Markdown links:
 * neither may hold HTML or a link other than http(s) or mailto (issue 22: a `<script>` or a
 * `javascript:` link in a summary reached the card).
 */
function cardTextProblems(file: string, value: ArticleFrontMatter, lineOf: Article['lineOf']): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const field of ['title', 'summary'] as const) {
    const text = value[field];
    const links = [...text.matchAll(LINK_TARGET)].map((m) => m[1]!.toLowerCase()).filter((scheme) => !['http', 'https', 'mailto'].includes(scheme));
    if (HTML_TAG.test(text)) problems.push({ file, line: lineOf([field]), field, message: 'must not contain HTML (it would reach the card as typed)' });
    else if (UNSAFE_SCHEME.test(text) || links.length > 0) {
      problems.push({ file, line: lineOf([field]), field, message: 'may only link to http, https or mailto addresses' });
    }
  }
  return problems;
}
