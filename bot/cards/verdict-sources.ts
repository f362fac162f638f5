import { citedArticles, type Decision, type KnowledgeBase } from '../../knowledge';

/** How each status of the facts table is said to an administrator, strongest first (a verified fact may cite third-party pages beside Microsoft's). */
const STATUS_WORDS: ReadonlyArray<[status: string, words: string]> = [
  ['verified', 'Verified in'],
  ['derived', 'Derived from'],
  ['read-3p', 'Read only in third-party sources'],
  ['recalled', 'Recalled, not confirmed (to check in)'],
];

/**
 * "source?" after a verdict (session 15, q25): the documents the verdict's own rules and broken limits rest on, by how sure
 * they are, the deciding rules' facts first; then the articles it cites. The articles' whole source lists came first before
 * (every document of EXB-009 for a DAG verdict), so the documents of the verdict itself were past the first lines.
 */
export function verdictSourceLines(decision: Decision, kb: Pick<KnowledgeBase, 'facts' | 'article'>): string[] {
  const basis = [...new Set([...decision.rules.flatMap((r) => r.basis), ...decision.broken.flatMap((l) => l.basis)])];
  const facts = basis.flatMap((id) => kb.facts.find((f) => f.id === id) ?? []);
  const lines: string[] = [];
  for (const [status, words] of STATUS_WORDS) {
    const those = facts.filter((f) => f.status === status);
    if (those.length === 0) continue;
    const documents = [...new Set(those.flatMap((f) => f.sources))];
    lines.push(`- ${words}: ${documents.join(', ')} (facts ${those.map((f) => f.id).join(', ')})`);
  }
  const articles = citedArticles(decision).flatMap((id) => {
    const article = kb.article(id);
    return article ? [`${id} (${article.title})`] : [];
  });
  if (articles.length > 0) lines.push(`- Articles: ${articles.join('; ')}`);
  for (const item of [...decision.rules, ...decision.broken]) {
    if (item.restsOnRecalledFact) lines.push(`- Note: part of this rests on a recalled fact, not confirmed in a source we read: ${item.reason}`);
    else if (item.restsOnThirdPartyFact) lines.push(`- Note: part of this rests on third-party sources; confirm with Microsoft's documentation: ${item.reason}`);
  }
  return lines;
}
