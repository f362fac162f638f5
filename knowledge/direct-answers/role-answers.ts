import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { allowed, label, listOf, sourcesOf, type AnswerTables } from './table-access';

/** The technologies that make a role "clustered": a server cluster, CCR, a DAG. */
const CLUSTERING = ['cluster', 'ccr', 'dag'];

/** Which roles of a version can be clustered, from the check's outcomes for each role and clustering technology. */
export function clusterableRolesAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const { version } = question.subject;
  if (!version) return undefined;
  const technologies = tables.valuesFor('ha', { version }).filter((h) => CLUSTERING.includes(h.id));
  if (technologies.length === 0) return undefined;
  const roles = tables.valuesFor('role', { version });
  const yes: string[] = [];
  const no: string[] = [];
  const basis: string[] = [];
  let articleId: string | undefined;
  for (const role of roles) {
    const ways = technologies.filter((h) => tables.setups({ version, role: role.id, ha: h.id }).some(allowed));
    if (ways.length > 0)
      yes.push(
        `${role.label} (${listOf(
          ways.map((h) => shortHa(h.id, h.label)),
          'or',
        )})`,
      );
    else {
      no.push(role.label);
      const refused = tables.setups({ version, role: role.id, ha: technologies[0]!.id }).find((s) => s.verdict === 'not-supported');
      const rule = refused?.rules.find((r) => r.verdict === 'not-supported');
      if (rule) {
        basis.push(...rule.basis);
        articleId ??= rule.articles[0];
      }
    }
  }
  const name = label(tables, 'version', version);
  const answer =
    yes.length === 0
      ? `No role of ${name} can be clustered.`
      : `In ${name}, ${listOf(yes)} ${yes.length === 1 ? 'is the only role that can' : 'can'} be clustered${no.length > 0 ? `; ${listOf(no, 'and')} cannot` : ''}.`;
  return { question, answer, details: [], sources: sourcesOf(tables, basis), articleId: articleId ?? 'EXB-006', checkFacts: { version } };
}

function shortHa(id: string, fallback: string): string {
  return { cluster: 'server cluster', ccr: 'CCR', dag: 'DAG' }[id] ?? fallback;
}
