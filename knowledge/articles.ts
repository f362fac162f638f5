import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitSections, type ArticleSection } from './markdown-text';
import type { KnowledgeProblem } from './problems';
import { articleFrontMatterSchema, type ArticleFrontMatter } from './schemas';
import { parseYamlSource, validateYaml } from './yaml-source';
import type { YamlValues } from './yaml-values';

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
export function parseArticle(file: string, raw: string, saved?: YamlValues): { article?: Article; problems: KnowledgeProblem[] } {
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
  const sections = splitSections(body);
  if (!sections.some((s) => s.text.length > 0)) {
    schemaProblems.push({ file, line: text.slice(0, match[0].length).split('\n').length, field: 'body', message: 'the article has no body text' });
  }
  if (schemaProblems.length > 0) return { problems: schemaProblems };
  return { article: { ...value, file, body, sections, lineOf: source.lineOf }, problems: [] };
}

/** Reads every `*.md` article of a folder, in file-name order (front matter parsed or taken from `saved`, see {@link YamlValues}). */
export function readArticles(folder: string, displayPrefix = '', saved?: YamlValues): { articles: Article[]; problems: KnowledgeProblem[] } {
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
  for (const name of names) {
    const result = parseArticle(join(displayPrefix, name), readFileSync(join(folder, name), 'utf8'), saved);
    problems.push(...result.problems);
    if (result.article) articles.push(result.article);
  }
  return { articles, problems };
}
