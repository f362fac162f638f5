import { conditionDimensions, conditionHolds } from '../rules/conditions';
import type { Facts } from '../reading/fact-recognizer';
import type { SetupOutcome } from '../rules/support-check';
import { ruleMatches, type SupportLimit, type SupportRule } from '../rules/support-rules';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { platformBasis } from './platform-answers';
import { allowed, articleFor, label, listOf, sourcesOf, type AnswerTables } from './table-access';

/** Asked facts a general rule may depend on, in the order an answer splits by them. */
const SPLIT_BY = ['version', 'role', 'ha', 'edition', 'windows', 'windowsEdition'];
/** The asked facts a "do I need" question most likely asks about, most likely first. */
const NEED_ORDER = ['edition', 'windowsEdition', 'architecture', 'update', 'windows', 'ha', 'role', 'version'];
/** More setups than this and the question is too open for a yes or no. */
const MAX_SETUPS = 20_000;

/**
 * A yes/no question about a general rule ("can DAG members be domain controllers?"), decided by
 * the check itself over every setup the question could be about: "No" when every one is refused
 * (with the reason of the rule or limit that refuses them), "Yes" when every one is supported, and
 * "It depends" split by the fact that decides it. "Do I need X?" asks whether the setups without X
 * are refused.
 */
export function ruleAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const subject = question.subject;
  if (Object.keys(subject).length === 0) return undefined;
  if (question.needs && question.subject.version !== undefined) {
    const needed = neededWithVersion(tables, question);
    if (needed !== undefined) return needed ?? undefined;
  }
  if (question.needs) {
    const edition = editionNeeded(tables, question);
    if (edition !== undefined) return edition ?? undefined;
    return needAnswer(tables, question);
  }
  const edition = editionWithTechnology(tables, question);
  if (edition !== undefined) return edition ?? undefined;
  const versioned = statedFactOfVersion(tables, question);
  if (versioned !== undefined) return versioned ?? undefined;
  // "ex2k3 on x64 windows": the setups where the architecture is a fact at all (Windows 2000 had no x64 release).
  const every = tables.setups(subject).filter((s) => subject.architecture === undefined || s.facts.architecture === subject.architecture);
  // Only when the versions disagree does the question's own vocabulary narrow it (see nativeSetups).
  const setups = every.some(allowed) && every.some((s) => s.verdict === 'not-supported') ? nativeSetups(tables, subject, every) : every;
  const answer = answerOver(tables, question, setups);
  if (answer !== undefined || subject.version === undefined) return answer;
  // "is dns round robin supported for load balancing exchange 2016": the Windows releases, editions and
  // updates the version never ran on refuse most of its setups whatever is asked, so the answer was
  // neither yes nor no and the check asked the role. The question is about the technology on the
  // version's own platforms: the setups on a platform where no setup of the version (any role, any
  // technology) is supported are left out; a platform the version runs on keeps every setup, refused
  // or not, so "It depends" and "No" stay what they were. The check still judges a platform typed.
  return answerOver(tables, question, onOwnPlatforms(tables, subject, setups));
}

/** Facts of the server's platform, of which a version runs on some combinations only. */
const PLATFORM = ['windows', 'windowsEdition', 'update', 'architecture', 'serverCore'];

/** The setups on a platform (the PLATFORM facts) where some setup of the version is supported. */
function onOwnPlatforms(tables: AnswerTables, subject: Facts, setups: readonly SetupOutcome[]): SetupOutcome[] {
  const platformOf = (s: SetupOutcome) => JSON.stringify(PLATFORM.map((d) => s.facts[d] ?? ''));
  const named = Object.fromEntries(Object.entries(subject).filter(([d]) => d === 'version' || PLATFORM.includes(d)));
  const everySetup = tables.setups(named);
  if (everySetup.length > MAX_SETUPS) return [...setups];
  const runs = new Set(everySetup.filter(allowed).map(platformOf));
  return setups.filter((s) => runs.has(platformOf(s)));
}

/** Yes, No or "It depends" over the setups a rule question could be about, or undefined when they do not settle it. */
function answerOver(tables: AnswerTables, question: DirectQuestion, setups: readonly SetupOutcome[]): DirectAnswer | undefined {
  const subject = question.subject;
  if (setups.length === 0 || setups.length > MAX_SETUPS) return undefined;
  const yes = setups.filter(allowed);
  const no = setups.filter((s) => s.verdict === 'not-supported');
  if (yes.length + no.length < setups.length * 0.5) return undefined;
  if (yes.length === 0 && no.length > 0) {
    const reason = sharedReason(no);
    if (reason) return answerWith(question, tables, `No: ${reason.reason}`, [reason.recommendation], reason, subject);
    // No one rule refuses them all, but one per Exchange version may ("can a front-end be on a
    // cluster": KB837852 for 2000/2003, only Mailbox is clustered in 2007): each version's reason.
    const perVersion = reasonsPerVersion(no);
    if (!perVersion) return undefined;
    const answer = `No: ${perVersion.map((r) => r.reason).join(' ')}`;
    return {
      ...answerWith(question, tables, answer, [perVersion[0]!.recommendation], perVersion[0]!, subject),
      sources: sourcesOf(
        tables,
        perVersion.flatMap((r) => r.basis),
      ),
    };
  }
  if (no.length === 0 && yes.length > 0) {
    const conditions = [...new Set(yes.flatMap((s) => s.open))];
    const rule = yes[0]!.rules[0]!;
    const text = conditions.length > 0 ? `Yes, with conditions: ${conditions.map((c) => c.condition).join(' ')}` : `Yes: ${rule.reason}`;
    return answerWith(question, tables, text, conditions.length > 0 ? [rule.reason] : [], conditions[0] ?? rule, subject);
  }
  // It depends: on the first fact whose value alone says yes or no.
  for (const dimension of SPLIT_BY) {
    if (subject[dimension] !== undefined) continue;
    const byValue = new Map<string, { yes: number; no: number }>();
    for (const s of setups) {
      const v = s.facts[dimension];
      if (v === undefined) continue;
      const entry = byValue.get(v) ?? { yes: 0, no: 0 };
      if (allowed(s)) entry.yes += 1;
      else if (s.verdict === 'not-supported') entry.no += 1;
      byValue.set(v, entry);
    }
    const clean = [...byValue.values()].every((e) => e.yes === 0 || e.no === 0);
    if (!clean || byValue.size < 2) continue;
    const yesValues = [...byValue].filter(([, e]) => e.yes > 0).map(([v]) => label(tables, dimension, v));
    const noValues = [...byValue].filter(([, e]) => e.no > 0).map(([v]) => label(tables, dimension, v));
    const reason = sharedReason(no);
    const text = `It depends on the ${dimensionName(tables, dimension)}: yes for ${listOf(yesValues)}; no for ${listOf(noValues)}.`;
    return answerWith(question, tables, text, reason ? [reason.reason] : [], reason ?? yes[0]!.rules[0]!, subject);
  }
  return undefined;
}

/**
 * The setups where the values named are the versions' own: "can a front end be clustered" asks about
 * the front-ends of Exchange 2000 and 2003, not about the Client Access servers a later version reads
 * the word as (`elsewhere`), and "can the edge server be domain joined" about Edge Transport servers,
 * which Exchange 2000/2003 never had. An alias ("clustering": the version's own cluster or DAG) keeps
 * every value it reads as. When no setup keeps every value named, all of them stay. Used only when the
 * versions disagree: "can the front end be on mscs" is No for every version, each with its reason.
 */
function nativeSetups(tables: AnswerTables, subject: Facts, setups: readonly SetupOutcome[]): SetupOutcome[] {
  const named = Object.entries(subject).filter(([d, v]) => {
    const dimension = tables.dimensions.find((x) => x.id === d);
    return dimension?.kind === 'asked' && !dimension.values.find((x) => x.id === v)?.alias;
  });
  if (named.length === 0) return [...setups];
  const native = setups.filter((s) => named.every(([d, v]) => s.facts[d] === v));
  return native.length > 0 ? native : [...setups];
}

function dimensionName(tables: AnswerTables, dimension: string): string {
  return (tables.dimensions.find((d) => d.id === dimension)?.label ?? dimension).toLowerCase();
}

/** The rule or limit that refuses every one of the setups, if one does. */
function sharedReason(setups: readonly SetupOutcome[]): SupportRule | SupportLimit | undefined {
  const first = setups[0];
  if (!first) return undefined;
  const limit = first.broken.find((l) => setups.every((s) => s.broken.includes(l)));
  if (limit) return limit;
  return first.rules.find((r) => r.verdict === 'not-supported' && setups.every((s) => s.rules.includes(r)));
}

/** One refusing rule or limit per Exchange version, shared by all of that version's setups, or undefined when a version has none. */
function reasonsPerVersion(setups: readonly SetupOutcome[]): Array<SupportRule | SupportLimit> | undefined {
  const byVersion = new Map<string, SetupOutcome[]>();
  for (const s of setups) byVersion.set(s.facts.version ?? '', [...(byVersion.get(s.facts.version ?? '') ?? []), s]);
  const reasons: Array<SupportRule | SupportLimit> = [];
  for (const group of byVersion.values()) {
    const reason = sharedReason(group);
    if (!reason) return undefined;
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return reasons;
}

function answerWith(question: DirectQuestion, tables: AnswerTables, answer: string, details: string[], source: SupportRule | SupportLimit, checkFacts: Facts): DirectAnswer {
  return {
    question,
    answer,
    details: details.filter((d) => d !== ''),
    sources: sourcesOf(tables, source.basis),
    articleId: articleFor(tables, [], [source.articles[0] ?? '']) ?? source.articles[0] ?? 'EXB-003',
    otherArticles: source.articles.slice(1),
    checkFacts: Object.fromEntries(Object.entries(checkFacts).filter(([d]) => tables.dimensions.find((x) => x.id === d)?.kind === 'asked')),
  };
}

/**
 * "Do I need X?": yes when a limit breaks without X (the witness) or every setup without X is
 * refused while some with X is supported; no when a setup without X is supported.
 */
function needAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const subject = question.subject;
  // "does the witness have to run the same windows as the dag members": two stated facts (a witness,
  // the same Windows) ask about one in terms of the other, which no one limit answers: the article does.
  const stated = Object.keys(subject).filter((d) => d !== 'nodes' && tables.dimensions.find((x) => x.id === d)?.kind === 'stated');
  if (stated.length > 1) return undefined;
  // What is needed is usually the stated fact or an edition, not the version or technology it is needed for.
  const order = (d: string) => (tables.dimensions.find((x) => x.id === d)?.kind === 'stated' ? 0 : NEED_ORDER.indexOf(d) + 1 || NEED_ORDER.length + 1);
  for (const [dimension, value] of Object.entries(subject).sort((a, b) => order(a[0]) - order(b[0]))) {
    const definition = tables.dimensions.find((d) => d.id === dimension);
    if (!definition || definition.type !== 'choice') continue;
    const rest = Object.fromEntries(Object.entries(subject).filter(([d]) => d !== dimension));
    let cached: readonly SetupOutcome[] | undefined;
    const restSetups = () => (cached ??= tables.setups(rest));
    if (definition.kind === 'stated') {
      const limits = tables.limits.filter((l) => conditionDimensions(l.breaks).includes(dimension) && restSetups().some((s) => ruleMatches(l, s.facts)));
      const limit = limits[0];
      if (!limit) continue;
      // "do i need a witness for a 3 member dag": when the question states every other fact the
      // limit reads, the limit itself says yes or no; otherwise its condition says when (even counts).
      const others = conditionDimensions(limit.breaks).filter((d) => d !== dimension);
      if (others.length > 0 && others.every((d) => rest[d] !== undefined)) {
        const without = definition.values.filter((v) => v.id !== value).map((v) => ({ ...rest, [dimension]: v.id }));
        const breaks = without.some((facts) => conditionHolds(limit.breaks, facts));
        if (!breaks) return answerWith(question, tables, `No: ${label(tables, dimension, value)} is not needed here. ${limit.condition}`, [limit.reason], limit, rest);
        return answerWith(question, tables, `Yes: ${limit.reason}`, [limit.recommendation], limit, rest);
      }
      return answerWith(question, tables, `Yes: ${limit.condition}`, [limit.reason], limit, rest);
    }
    const setups = tables.setups(rest);
    if (setups.length === 0 || setups.length > MAX_SETUPS) return undefined;
    const without = setups.filter((s) => s.facts[dimension] !== undefined && s.facts[dimension] !== value);
    const withIt = setups.filter((s) => s.facts[dimension] === value);
    if (without.length === 0 || !withIt.some(allowed)) continue;
    const name = label(tables, dimension, value);
    if (without.every((s) => !allowed(s))) {
      const refused = without.filter((s) => s.verdict === 'not-supported');
      const reason = sharedReason(refused) ?? mostCommonRule(refused);
      if (!reason) return undefined;
      return answerWith(question, tables, `Yes: ${reason.reason}`, [reason.recommendation], reason, subject);
    }
    // Setups that the fact alone makes supported: the same setup without it is refused ("do i need
    // windows enterprise for a dag": Exchange 2010 on Windows Server 2008 R2 does, 2016 does not).
    const key = (s: SetupOutcome) =>
      JSON.stringify(
        Object.entries(s.facts)
          .filter(([d]) => d !== dimension)
          .sort(),
      );
    const allowedWith = new Set(withIt.filter(allowed).map(key));
    const neededIn = without.filter((s) => s.verdict === 'not-supported' && allowedWith.has(key(s)));
    if (neededIn.length > 0) {
      // Each version's own reason where one rule refuses all of that version's setups.
      const shared = sharedReason(neededIn) ?? mostCommonRule(neededIn);
      const reasons = reasonsPerVersion(neededIn) ?? (shared ? [shared] : []);
      if (reasons.length === 0) return undefined;
      return {
        ...answerWith(question, tables, `It depends: ${reasons.map((r) => r.reason).join(' ')}`, [`In the other setups ${name} is not required.`], reasons[0]!, subject),
        sources: sourcesOf(
          tables,
          reasons.flatMap((r) => r.basis),
        ),
      };
    }
    // One "do I need" at a time: the first fact that makes a difference is the one asked about.
    const example = without.find(allowed)!;
    return answerWith(question, tables, `No: ${name} is not required; setups without it are supported too.`, [example.rules[0]!.reason], example.rules[0]!, rest);
  }
  return undefined;
}

/** The refusing rule most of the setups share, when no one rule refuses them all. */
function mostCommonRule(setups: readonly SetupOutcome[]): SupportRule | undefined {
  const counts = new Map<SupportRule, number>();
  for (const s of setups) for (const r of s.rules) if (r.verdict === 'not-supported') counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Asked facts that stay with a version's stated-fact question ("does exchange 2019 on windows 2022 support server core"). */
const VERSION_SUBJECT = ['version', 'update', 'windows', 'windowsEdition', 'edition'];

/**
 * "does exchange 2019 support server core", "can exchange 2016 dag members be dcs": a version named
 * with one stated fact asks whether that fact is allowed with the version, not whether every setup
 * of the version is. Decided by the check over the version's setups that are allowed without the
 * fact: "Yes" when all of them stay allowed with it, "No" when all of them are refused with it (the
 * rule or limit that refuses them), "It depends" on the fact that decides it. `null` when the
 * question is of this kind but the tables do not settle it; undefined when it is another kind.
 */
function statedFactOfVersion(tables: AnswerTables, question: DirectQuestion): DirectAnswer | null | undefined {
  const subject = question.subject;
  if (subject.version === undefined) return undefined;
  const kindOf = (d: string) => tables.dimensions.find((x) => x.id === d)?.kind;
  const stated = Object.keys(subject).filter((d) => kindOf(d) === 'stated' && d !== 'nodes');
  // A fact the check names back but never judges (cloud hosting, backups): no rule to answer from.
  if (stated.some((d) => tables.dimensions.find((x) => x.id === d)?.evaluated === false)) return null;
  const others = Object.keys(subject).filter((d) => kindOf(d) !== 'stated' && !VERSION_SUBJECT.includes(d));
  // "ex2k3 on x64 windows - does that work": the architecture alone is asked about like a stated fact.
  const architectureAlone = stated.length === 0 && others.length === 1 && others[0] === 'architecture';
  if (!architectureAlone && (stated.length !== 1 || others.length > 0)) return undefined;
  const fact = architectureAlone ? 'architecture' : stated[0]!;
  const base = Object.fromEntries(Object.entries(subject).filter(([d]) => d !== fact));
  // The asked facts but this one, in the dimensions' order (setups list them in that order).
  const askedIds = tables.dimensions.filter((x) => x.kind !== 'stated' && x.id !== fact).map((x) => x.id);
  const key = (s: SetupOutcome) => askedIds.map((d) => s.facts[d] ?? '').join('|');
  const allowedWithout = new Set(tables.setups(base).filter(allowed).map(key));
  // A setup where the fact is none at all (no x64 Windows 2000, no x86 Windows Server 2008 R2) is not about it.
  const withFact = tables.setups(subject).filter((s) => allowedWithout.has(key(s)) && s.facts[fact] === subject[fact]);
  if (withFact.length === 0 || withFact.length > MAX_SETUPS) return null;
  const yes = withFact.filter(allowed);
  const no = withFact.filter((s) => s.verdict === 'not-supported');
  if (yes.length + no.length < withFact.length) return null;
  const name = label(tables, fact, subject[fact]!);
  const version = label(tables, 'version', subject.version);
  if (no.length === 0) {
    // The rule that names the fact says why it is allowed (not the version's general rule).
    const rule = yes.flatMap((s) => s.rules).find((r) => r.when.some((c) => conditionDimensions(c).includes(fact))) ?? yes[0]!.rules[0]!;
    const conditions = [...new Set(yes.flatMap((s) => s.open).filter((c) => conditionDimensions(c.breaks).includes(fact)))];
    const named = rule.when.some((c) => conditionDimensions(c).includes(fact));
    const text =
      conditions.length > 0
        ? `Yes, with conditions: ${version} allows ${name}. ${conditions.map((c) => c.condition).join(' ')}`
        : `Yes: ${version} allows ${name}; no rule of the check refuses it where ${version} itself is supported.${named ? ` ${rule.reason}` : ''}`;
    const answer = answerWith(question, tables, text, [], rule, subject);
    // Allowed because nothing refuses it: the facts behind the version's host-system rows say so.
    return named || conditions.length > 0 ? answer : { ...answer, sources: sourcesOf(tables, platformBasis(tables, subject.version)) };
  }
  if (yes.length === 0) {
    const reason = sharedReason(no) ?? mostCommonRule(no);
    if (!reason) return null;
    return answerWith(question, tables, `No: ${reason.reason}`, [reason.recommendation], reason, subject);
  }
  return designDependent(tables, question, fact, yes, no);
}

/**
 * "can exchange 2019 be installed on a domain controller": allowed in some designs (a Mailbox server outside a DAG, not
 * recommended) and refused in others (a DAG member, an Edge server), each refusal by a limit that names the fact. The
 * allowed side with its conditions, then each refusing limit's reason; `null` when a refusal comes from elsewhere or no
 * condition of the allowed side names the fact (session 13).
 */
function designDependent(tables: AnswerTables, question: DirectQuestion, fact: string, yes: readonly SetupOutcome[], no: readonly SetupOutcome[]): DirectAnswer | null {
  const namesFact = (l: SupportLimit) => conditionDimensions(l.breaks).includes(fact);
  if (!no.every((s) => s.broken.some(namesFact))) return null;
  const refusing = uniqueById(no.flatMap((s) => s.broken.filter(namesFact)));
  const conditions = uniqueById(yes.flatMap((s) => s.open).filter(namesFact));
  // Allowed only where nothing weighs the fact ("mixed Windows releases" of a single server) says nothing about it.
  if (conditions.length === 0) return null;
  const text = `It depends, on the design: yes, with conditions, in some: ${conditions.map((c) => c.condition).join(' ')} Not in others: ${refusing.map((l) => l.reason).join(' ')}`;
  return answerWith(
    question,
    tables,
    text,
    refusing.map((l) => l.recommendation),
    conditions[0] ?? refusing[0]!,
    question.subject,
  );
}

/** One limit per id, in order (a limit's reason is filled in per setup, so the same limit comes as several objects). */
function uniqueById(limits: readonly SupportLimit[]): SupportLimit[] {
  const seen = new Map<string, SupportLimit>();
  for (const l of limits) if (!seen.has(l.id)) seen.set(l.id, l);
  return [...seen.values()];
}

/**
 * "does exchange 2019 need the desktop experience": No when another value of the fact is allowed with
 * the version too ("Server Core is allowed as well"), Yes when every other value is refused (with the
 * reason); `null` when the tables do not settle it, undefined when it is no version's stated fact.
 */
function neededWithVersion(tables: AnswerTables, question: DirectQuestion): DirectAnswer | null | undefined {
  const subject = question.subject;
  const dimension = tables.dimensions.find((d) => d.kind === 'stated' && d.id !== 'nodes' && subject[d.id] !== undefined);
  if (!dimension || dimension.type !== 'choice') return undefined;
  const value = subject[dimension.id]!;
  const version = label(tables, 'version', subject.version!);
  const name = label(tables, dimension.id, value);
  const others = dimension.values
    .filter((v) => v.id !== value)
    .map((v) => ({ value: v.id, answer: statedFactOfVersion(tables, { ...question, needs: false, subject: { ...subject, [dimension.id]: v.id } }) }));
  if (others.length === 0 || others.some((o) => !o.answer)) return null;
  const allowedOther = others.find((o) => o.answer!.answer.startsWith('Yes'));
  if (allowedOther) {
    const answer = `No: ${name} is not required; ${version} allows ${label(tables, dimension.id, allowedOther.value)} as well.`;
    return { ...allowedOther.answer!, question, answer, details: [allowedOther.answer!.answer, ...allowedOther.answer!.details] };
  }
  if (others.every((o) => o.answer!.answer.startsWith('No'))) {
    const refused = others[0]!.answer!;
    return { ...refused, question, answer: `Yes: ${refused.answer.replace(/^No:\s*/, '')}` };
  }
  return null;
}

/**
 * "can exchange 2019 standard edition be in a dag", "can exchange 2003 standard be clustered": an
 * Exchange edition named with a version and a high-availability technology asks whether that edition
 * allows the technology. Decided by the check over the version's setups with the technology that some
 * edition makes allowed: "Yes" when all of them stay allowed with the edition named (with the limits
 * the edition brings, such as Standard's 5 databases), "No" when all are refused (the rule that refuses
 * them). `null` when the tables do not settle it (the check then asks); undefined for another question.
 */
function editionWithTechnology(tables: AnswerTables, question: DirectQuestion): DirectAnswer | null | undefined {
  const { version, ha, role } = question.subject;
  // The Exchange edition, or else the Windows edition ("is windows standard enough for a 2019 dag").
  const dimension = EDITIONS.find((d) => question.subject[d] !== undefined);
  // A technology, or a role asked alone ("exchange 2003 standard as a front-end server").
  if (version === undefined || (ha === undefined && role === undefined) || dimension === undefined) return undefined;
  const edition = question.subject[dimension]!;
  const kindOf = (d: string) => tables.dimensions.find((x) => x.id === d)?.kind;
  if (Object.keys(question.subject).some((d) => kindOf(d) === 'stated')) return undefined;
  const base = Object.fromEntries(Object.entries(question.subject).filter(([d]) => d !== dimension));
  const key = (s: SetupOutcome) =>
    JSON.stringify(
      Object.entries(s.facts)
        .filter(([d]) => d !== dimension && kindOf(d) !== 'stated')
        .sort(),
    );
  const allowedWithSome = new Set(tables.setups(base).filter(allowed).map(key));
  const withEdition = tables.setups(question.subject).filter((s) => allowedWithSome.has(key(s)));
  if (withEdition.length === 0 || withEdition.length > MAX_SETUPS) return null;
  const yes = withEdition.filter(allowed);
  const no = withEdition.filter((s) => s.verdict === 'not-supported');
  const names =
    dimension === 'edition'
      ? `${label(tables, 'version', version)} ${label(tables, 'edition', edition)}`
      : `${label(tables, 'version', version)} on Windows ${label(tables, dimension, edition)} edition`;
  const can = ha !== undefined ? `can be part of a ${lowerFirst(label(tables, 'ha', ha))}` : `can take the ${label(tables, 'role', role!)} role`;
  if (no.length === 0 && yes.length === withEdition.length) {
    // The rule that names the edition says why; the limits the edition brings (Standard's 5 databases) follow.
    const rules = yes.flatMap((s) => s.rules);
    const rule = rules.find((r) => r.when.some((c) => conditionDimensions(c).includes(dimension))) ?? rules[0]!;
    const limits = tables.limits.filter((l) => l.when.some((c) => conditionDimensions(c).includes(dimension)) && yes.some((s) => ruleMatches(l, s.facts)));
    const limit = limits[0];
    const text = `Yes: ${names} ${can}${limit ? `; ${lowerFirst(limit.condition)}` : '.'}`;
    const answer = answerWith(question, tables, text, [...(limit ? [limit.reason] : []), rule.reason], rule, question.subject);
    return { ...answer, sources: sourcesOf(tables, [...rule.basis, ...(limit?.basis ?? [])]) };
  }
  if (yes.length === 0 && no.length === withEdition.length) {
    const reason = sharedReason(no) ?? mostCommonRule(no);
    if (!reason) return null;
    return answerWith(question, tables, `No: ${reason.reason}`, [reason.recommendation], reason, question.subject);
  }
  return null;
}

/**
 * "does an SE DAG need windows datacenter edition": whether the edition named is required for the technology, read from the
 * same answer for the dimension's other editions. "No" when another edition allows it (that answer second), "Yes" when
 * every other edition is refused; `null` when the tables do not settle it, undefined for another question.
 */
function editionNeeded(tables: AnswerTables, question: DirectQuestion): DirectAnswer | null | undefined {
  const { version, ha } = question.subject;
  const dimension = EDITIONS.find((d) => question.subject[d] !== undefined);
  if (version === undefined || ha === undefined || dimension === undefined) return undefined;
  // "do i need windows datacenter or enterprise ... or is standard fine": an Exchange and a Windows edition both read; which one is asked is unclear.
  if (EDITIONS.every((d) => question.subject[d] !== undefined)) return null;
  const value = question.subject[dimension]!;
  const values = tables.valuesFor(dimension, Object.fromEntries(Object.entries(question.subject).filter(([d]) => d !== dimension))).filter((v) => v.id !== value);
  const others = values.map((v) => ({ value: v.id, answer: editionWithTechnology(tables, { ...question, needs: false, subject: { ...question.subject, [dimension]: v.id } }) }));
  const name = dimension === 'edition' ? `Exchange ${label(tables, 'edition', value)}` : `Windows ${label(tables, dimension, value)} edition`;
  const allowedOther = others.find((o) => o.answer?.answer.startsWith('Yes'));
  if (allowedOther) {
    return {
      ...allowedOther.answer!,
      question,
      answer: `No: ${name} is not required; ${allowedOther.answer!.answer.replace(/^Yes:\s*/, '')}`,
      details: allowedOther.answer!.details,
      // "Check my setup" keeps what was asked, without either edition.
      checkFacts: Object.fromEntries(Object.entries(question.subject).filter(([d]) => d !== dimension)),
    };
  }
  if (others.length > 0 && others.every((o) => o.answer?.answer.startsWith('No'))) {
    const refused = others[0]!.answer!;
    return { ...refused, question, answer: `Yes: ${refused.answer.replace(/^No:\s*/, '')}` };
  }
  return null;
}

/** The editions an edition question may name: Exchange's first, then Windows's. */
const EDITIONS = ['edition', 'windowsEdition'];

/** "At most 5 ..." → "at most 5 ..." inside a sentence; a name ("Windows server cluster") keeps its capital. */
function lowerFirst(text: string): string {
  return /^(Windows|Microsoft|Exchange|[A-Z]{2})/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
