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
  // "is the e2k7 mailbox role clusterable": the one role asked, Yes with its technologies or No with the refusing rule.
  const asked = question.subject.role;
  if (asked !== undefined) {
    const role = roles.find((r) => r.id === asked);
    if (!role) return undefined;
    const entry = yes.find((y) => y.startsWith(`${role.label} (`));
    if (entry) {
      // The rule that allows it: the one every allowed clustered setup of the role rests on.
      const allowedSetups = technologies.flatMap((h) => tables.setups({ version, role: asked, ha: h.id })).filter(allowed);
      const allowing = allowedSetups[0]?.rules.find((r) => r.verdict !== 'not-supported' && allowedSetups.every((s) => s.rules.includes(r))) ?? allowedSetups[0]?.rules[0];
      const sources = allowing ? sourcesOf(tables, allowing.basis) : [];
      return {
        question,
        answer: `Yes: in ${name}, ${entry} can be clustered.`,
        details: allowing ? [allowing.reason] : [],
        sources,
        articleId: allowing?.articles[0] ?? 'EXB-006',
        checkFacts: { version, role: asked },
      };
    }
    // The rule that refuses every clustered setup of the role, whatever else it names (not the first setup's own reason).
    const every = technologies.flatMap((h) => tables.setups({ version, role: asked, ha: h.id }));
    const rule = every[0]?.rules.find((r) => r.verdict === 'not-supported' && every.every((s) => s.rules.includes(r)));
    if (!rule) return undefined;
    return {
      question,
      answer: `No: ${rule.reason}`,
      details: [rule.recommendation],
      sources: sourcesOf(tables, rule.basis),
      articleId: rule.articles[0] ?? 'EXB-006',
      checkFacts: { version, role: asked },
    };
  }
  const answer =
    yes.length === 0
      ? `No role of ${name} can be clustered.`
      : `In ${name}, ${listOf(yes)} ${yes.length === 1 ? 'is the only role that can' : 'can'} be clustered${no.length > 0 ? `; ${listOf(no, 'and')} cannot` : ''}.`;
  return { question, answer, details: [], sources: sourcesOf(tables, basis), articleId: articleId ?? 'EXB-006', checkFacts: { version } };
}

function shortHa(id: string, fallback: string): string {
  return { cluster: 'server cluster', ccr: 'CCR', dag: 'DAG' }[id] ?? fallback;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

/**
 * The server roles of a version ("which roles exist in exchange 2016"), read from the role values the
 * check offers for that version (fact-dimensions.yaml), so the answer and the check's question list the
 * same roles (A-50). Servers holding several roles are not roles of their own; Exchange 2000/2003's
 * front-end and back-end servers are a configuration, not roles of setup (the articles answer).
 */
export function serverRolesAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const { version } = question.subject;
  if (!version) return undefined;
  if (question.subject.role !== undefined) return roleAtUpdateAnswer(tables, question);
  const values = tables.valuesFor('role', { version });
  if (values.some((v) => v.id === 'front-end' || v.id === 'back-end')) return undefined;
  const roles = values.filter((v) => v.combines === undefined && v.id !== 'other').map((v) => v.label);
  if (roles.length === 0) return undefined;
  const name = label(tables, 'version', version);
  return {
    question,
    answer: `${name} has ${COUNT_WORDS[roles.length] ?? roles.length} server roles: ${listOf(roles)}.`,
    details: [],
    sources: sourcesOf(tables, ['A-50']),
    articleId: 'EXB-006',
    otherArticles: ['EXB-007', 'EXB-008', 'EXB-009'],
    checkFacts: { version },
  };
}

/** "is edge supported in 2013 sp1": whether a setup is supported is the check's to judge; only a role's existence is answered Yes here. */
const SUPPORT_ASKED = /\b(supported|support|allowed|permitted|ok|okay|fine|recommended)\b/i;

/**
 * Whether a role exists at an update level of its version ("is the edge role in exchange 2013 sp1", "edge role in
 * 2013 RTM?", "since which cu does exchange 2013 have edge transport"), read from the check's own outcomes: the role
 * is there at a level when some setup of it is allowed, and missing when a rule refuses every setup of it there
 * (that rule's reason, basis and article are the answer's). Undefined when the role does not depend on the level.
 */
function roleAtUpdateAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const { version, role, update } = question.subject;
  if (!version || !role) return undefined;
  const levels = tables.valuesFor('update', { version });
  const there = levels.filter((u) => tables.setups({ version, role, update: u.id }).some(allowed));
  if (there.length === 0 || there.length === levels.length) return undefined;
  // The rule that refuses the role at every level where it is missing.
  const missing = levels.filter((u) => !there.includes(u));
  const refusing = missing.map((u) => {
    const setups = tables.setups({ version, role, update: u.id });
    const first = setups[0]?.rules.filter((r) => r.verdict === 'not-supported') ?? [];
    return first.filter((r) => setups.every((s) => s.rules.includes(r)));
  });
  const rule = refusing[0]?.find((r) => refusing.every((rules) => rules.includes(r)));
  if (!rule) return undefined;
  const roleName = label(tables, 'role', role);
  const base = { question, details: [rule.recommendation], sources: sourcesOf(tables, rule.basis), articleId: rule.articles[0] ?? 'EXB-006', checkFacts: { version, role } };
  if (update === undefined) return { ...base, answer: rule.reason };
  if (!there.some((u) => u.id === update)) return { ...base, answer: `No: ${rule.reason}`, checkFacts: { version, role, update } };
  if (SUPPORT_ASKED.test(question.text)) return undefined;
  return { ...base, answer: `Yes: ${label(tables, 'update', update)} has the ${roleName} role. ${rule.reason}`, details: [], checkFacts: { version, role, update } };
}
