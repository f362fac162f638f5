import { isoDay, type DateRange } from './date-range';
import type { AnswerSubject, OwnerRecord } from './records';
import { groupSimilarQuestions, groupSimilarQuestionsInSlices, type QuestionGroup, type QuestionGrouping, type SliceOptions } from './similar-questions';

/** What the knowledge owners read: the report's figures, before they are rendered. */
export interface KnowledgeReport {
  range: DateRange;
  totals: { questionsAnswered: number; unanswered: number; likes: number; dislikes: number; suggestionsPicked: number; distinctUsers: number };
  unanswered: QuestionGroup[];
  /** Unanswered questions left ungrouped when a time budget ran out (only in chat, see {@link buildReportInSlices}). */
  ungrouped?: QuestionGrouping['ungrouped'];
  dislikes: Array<{ at: string; question: string; answer: string; comment: string }>;
  suggestions: Array<{ question: string; fromArticleId: string; articleId: string; count: number }>;
  articles: Array<{ articleId: string; count: number; likes: number; dislikes: number }>;
  verdicts: Array<{ verdict: string; count: number }>;
  notCovered: Array<{ facts: string; count: number }>;
}

/**
 * Builds the report from the records of a date range: unanswered questions grouped by similar
 * wording, 👎 with comments, suggestions picked, the most asked articles and verdicts, and the
 * "Not covered" verdicts with their facts (the gaps of the rules table). Records outside the range
 * are ignored, so callers may pass whole days.
 */
export function buildReport(records: readonly OwnerRecord[], range: DateRange): KnowledgeReport {
  return reportOf(records, range, (questions) => ({ groups: groupSimilarQuestions(questions), ungrouped: { wordings: 0, questions: 0 } }));
}

/**
 * {@link buildReport} for a running bot: the grouping of unanswered questions (the only part that
 * is not linear) runs in slices with the event loop free between them, and stops at the budget
 * with the groups made so far ("kb report" over 5,916 questions blocked every user for 38 s: issue 22).
 */
export async function buildReportInSlices(records: readonly OwnerRecord[], range: DateRange, options: SliceOptions): Promise<KnowledgeReport> {
  const questions = inRangeOf(records, range)
    .filter((r) => r.kind === 'unanswered')
    .map((r) => (r as Extract<OwnerRecord, { kind: 'unanswered' }>).question);
  const grouping = await groupSimilarQuestionsInSlices(questions, options);
  return reportOf(records, range, () => grouping);
}

function inRangeOf(records: readonly OwnerRecord[], range: DateRange): OwnerRecord[] {
  const end = range.to.getTime() + 24 * 60 * 60 * 1000;
  return records.filter((r) => Date.parse(r.at) >= range.from.getTime() && Date.parse(r.at) < end);
}

function reportOf(records: readonly OwnerRecord[], range: DateRange, group: (questions: string[]) => QuestionGrouping): KnowledgeReport {
  const inRange = inRangeOf(records, range);
  const of = <K extends OwnerRecord['kind']>(kind: K) => inRange.filter((r): r is Extract<OwnerRecord, { kind: K }> => r.kind === kind);
  const answers = of('answer');
  const feedback = of('feedback');
  const suggestions = of('suggestion');
  const unanswered = of('unanswered');

  const articleCounts = new Map<string, { articleId: string; count: number; likes: number; dislikes: number }>();
  const article = (id: string) => articleCounts.get(id) ?? articleCounts.set(id, { articleId: id, count: 0, likes: 0, dislikes: 0 }).get(id)!;
  for (const answer of answers) if (answer.subject.kind === 'article') article(answer.subject.articleId).count += 1;
  for (const f of feedback) if (f.subject?.kind === 'article') article(f.subject.articleId)[f.reaction === 'like' ? 'likes' : 'dislikes'] += 1;

  const verdicts = countBy(answers.flatMap((a) => (a.subject.kind === 'verdict' ? [a.subject.verdict] : [])));
  const notCovered = countBy(answers.flatMap((a) => (a.subject.kind === 'verdict' && a.subject.verdict === 'not-covered' ? [factsText(a.subject.facts)] : [])));
  const picks = countBy(suggestions.map((s) => JSON.stringify([s.question, s.fromArticleId, s.articleId])));
  const grouping = group(unanswered.map((u) => u.question));

  return {
    range,
    totals: {
      questionsAnswered: answers.length,
      unanswered: unanswered.length,
      likes: feedback.filter((f) => f.reaction === 'like').length,
      dislikes: feedback.filter((f) => f.reaction === 'dislike').length,
      suggestionsPicked: suggestions.length,
      distinctUsers: new Set(inRange.map((r) => r.user)).size,
    },
    unanswered: grouping.groups,
    ...(grouping.ungrouped.wordings > 0 ? { ungrouped: grouping.ungrouped } : {}),
    dislikes: feedback
      .filter((f) => f.reaction === 'dislike')
      .map((f) => ({ at: f.at, question: f.question ?? '(answer not found)', answer: f.subject ? subjectText(f.subject) : '(unknown)', comment: f.comment ?? '' })),
    suggestions: picks.map(({ key, count }) => {
      const [question, fromArticleId, articleId] = JSON.parse(key) as [string, string, string];
      return { question, fromArticleId, articleId, count };
    }),
    articles: [...articleCounts.values()].sort((a, b) => b.count - a.count || a.articleId.localeCompare(b.articleId)),
    verdicts: verdicts.map(({ key, count }) => ({ verdict: key, count })),
    notCovered: notCovered.map(({ key, count }) => ({ facts: key, count })),
  };
}

/** The report as Markdown. User text is escaped: it cannot add links, formatting or table cells. */
export function reportMarkdown(report: KnowledgeReport): string {
  const { totals } = report;
  const lines = [
    `# Knowledge report ${isoDay(report.range.from)} to ${isoDay(report.range.to)}`,
    '',
    `- Answers given: ${totals.questionsAnswered}`,
    `- Questions without an answer: ${totals.unanswered}`,
    `- Feedback: ${totals.likes} 👍, ${totals.dislikes} 👎`,
    `- Suggested articles opened: ${totals.suggestionsPicked}`,
    `- Distinct users: ${totals.distinctUsers}`,
    '',
    '## Questions without an answer (grouped by similar wording)',
    '',
    ...(report.ungrouped
      ? [`Partial: the time for grouping ran out; ${report.ungrouped.questions} questions in ${report.ungrouped.wordings} wordings are not in the table (\`npm run kb:report\` groups them all).`, '']
      : []),
    ...table(
      ['Count', 'Question', 'Other wordings'],
      report.unanswered.map((g) => [
        String(g.count),
        g.example,
        g.wordings
          .slice(1)
          .map((w) => `${w.text} (${w.count})`)
          .join('; '),
      ]),
    ),
    '## 👎 answers',
    '',
    ...table(
      ['When', 'Question', 'Answer', 'Comment'],
      report.dislikes.map((d) => [d.at.slice(0, 16).replace('T', ' '), d.question, d.answer, d.comment]),
    ),
    '## Suggested articles picked',
    '',
    ...table(
      ['Count', 'Question', 'Answered with', 'Picked'],
      report.suggestions.map((s) => [String(s.count), s.question, s.fromArticleId, s.articleId]),
    ),
    '## Most asked articles',
    '',
    ...table(
      ['Article', 'Answers', '👍', '👎'],
      report.articles.map((a) => [a.articleId, String(a.count), String(a.likes), String(a.dislikes)]),
    ),
    '## Verdicts',
    '',
    ...table(
      ['Verdict', 'Count'],
      report.verdicts.map((v) => [v.verdict, String(v.count)]),
    ),
    '## "Not covered" verdicts (gaps in the rules table)',
    '',
    ...table(
      ['Count', 'Facts'],
      report.notCovered.map((n) => [String(n.count), n.facts]),
    ),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The report as CSV (RFC 4180): one row per line of every section, `section,item,answer,detail,count`. */
export function reportCsv(report: KnowledgeReport): string {
  const rows: string[][] = [['section', 'item', 'answer', 'detail', 'count']];
  for (const g of report.unanswered) for (const w of g.wordings) rows.push(['unanswered', g.example, '', w.text, String(w.count)]);
  for (const d of report.dislikes) rows.push(['dislike', d.question, d.answer, d.comment, '1']);
  for (const s of report.suggestions) rows.push(['suggestion', s.question, s.fromArticleId, s.articleId, String(s.count)]);
  for (const a of report.articles) rows.push(['article', a.articleId, '', `likes ${a.likes}, dislikes ${a.dislikes}`, String(a.count)]);
  for (const v of report.verdicts) rows.push(['verdict', v.verdict, '', '', String(v.count)]);
  for (const n of report.notCovered) rows.push(['not-covered', n.facts, '', '', String(n.count)]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function subjectText(subject: AnswerSubject): string {
  return subject.kind === 'article' ? subject.articleId : `${subject.verdict} (${factsText(subject.facts)})`;
}

function factsText(facts: Record<string, string>): string {
  return Object.keys(facts)
    .sort()
    .map((k) => `${k}=${facts[k]}`)
    .join(', ');
}

function countBy(keys: readonly string[]): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return ['None.', ''];
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`), ''];
}

function escapeCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .trim();
}

function csvField(text: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: user text must stay text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
