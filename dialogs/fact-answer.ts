import type { Activity } from './turn';
import { shortVersionAnswer, type Facts, type KnowledgeBase } from '../knowledge';
import { isCorrection, onlyNotSure } from './conversation-intents';

/** What a card button of the guided check submits. Typed answers arrive as text instead. */
export interface FactSubmit {
  dimension: string;
  value: string;
}

/** A question of the guided check: which fact dimension it asks, what is known, what was answered so far (latest last). */
export interface AskedQuestion {
  dimension: string;
  known: Facts;
  answered: readonly string[];
  /** Facts with one sensible value the check takes as given ("Exchange 2000": Windows 2000): they shape the choices, never what an answer is read against. */
  assumed?: Facts;
  /** The second wording is on screen, which lists the choices by number ("1. Windows 2000"). */
  numbered?: boolean;
}

/** High availability whose servers are counted as nodes or DAG members. */
const COUNTED_HA = new Set(['cluster', 'scc', 'clustering', 'ccr', 'dag']);

/**
 * A bare "4" typed in a DAG or cluster whose member count is still unknown ("dag", then "4" while the
 * Windows release is asked): the count the user has in mind, not the fourth button of a card that shows
 * no numbers (that read Windows Server 2008 and gave a verdict on it). Once the second wording lists the
 * choices by number, a bare number is a choice's number.
 */
function bareMemberCount(kb: KnowledgeBase, text: string, question: AskedQuestion): Facts | undefined {
  const bare = /^\s*(\d{1,2})\s*$/.exec(text);
  const { known } = question;
  if (!bare || question.numbered || question.dimension === 'nodes' || known['nodes'] !== undefined) return undefined;
  if (known['ha'] === undefined || !COUNTED_HA.has(known['ha']) || !kb.dimensions.some((d) => d.id === 'nodes')) return undefined;
  const n = Number(bare[1]);
  return n >= 1 ? { nodes: String(n) } : undefined;
}

/**
 * "14.3", "v15.1", "8.3" typed at the version or update question: the version (and the service pack, where all its builds
 * have one: 14.3 is Exchange 2010 SP3) the build table gives that major and minor version (issue 21, o23: w8-oos-43 got
 * "didn't recognise" twice and the version left open). Undefined when it settles neither the asked fact nor another
 * version than the one known ("15.2" is 2019 or SE: no answer).
 */
function shortVersion(kb: KnowledgeBase, text: string, question: AskedQuestion): Facts | undefined {
  const { dimension, known } = question;
  if (dimension !== 'version' && dimension !== 'update') return undefined;
  const read = shortVersionAnswer(
    text,
    kb.builds,
    kb.dimensions.find((d) => d.id === 'update'),
  );
  if (!read || (known['version'] !== undefined && read['version'] !== known['version'])) return undefined;
  const taken = Object.entries(read).filter(([d]) => known[d] === undefined);
  return taken.some(([d]) => d === dimension) ? Object.fromEntries(taken) : undefined;
}

/** An Exchange build typed as an answer: "15.2.922.7", "15.1.2507". */
const BUILD_NUMBER = /\b\d{1,2}\.\d{1,2}\.\d{2,4}(?:\.\d{1,4})?\b/;

/**
 * Reads the answer to one question of the guided check from a card button (its submitted value) or
 * typed text (names, acronyms, typos: "E2K3", "OWA box", "load balancr", or the choice's number; in a DAG or
 * cluster of unknown size, a bare number before the choices are numbered is its member count).
 *
 * The result is a set of facts: the one asked for and any other still-unknown facts the text names.
 * When the text does not answer the question but names other unknown facts ("it's a back-end on
 * MSCS" while asked for the version), those are taken, and the check moves on without asking them.
 * A submitted value that does not belong to the question (a stale or forged card) is refused.
 * Undefined when the message is not an answer.
 */
export function readFactAnswer(kb: KnowledgeBase, activity: Partial<Activity>, question: AskedQuestion): Facts | undefined {
  const { dimension: dimensionId, known, answered } = question;
  if (!kb.dimensions.some((d) => d.id === dimensionId)) return undefined;
  const choices = { ...question.assumed, ...known };
  const submitted = activity.value as Partial<FactSubmit> | undefined;
  if (submitted && typeof submitted === 'object' && 'dimension' in submitted) {
    const valid = submitted.dimension === dimensionId && kb.valuesFor(dimensionId, choices).some((v) => v.id === submitted.value);
    return valid ? { [dimensionId]: submitted.value! } : undefined;
  }
  const text = activity.text ?? '';
  // "no idea" / "not sure tbh" is no answer, even where "no" would read as one ("no HA").
  if (onlyNotSure(text, (rest) => Object.keys(kb.recognizer.extract(rest, known).facts).length > 0)) return undefined;
  // A correction ("no, Standard", "actually it's Exchange 2000") may change facts already given.
  if (isCorrection(text)) {
    const corrected = readCorrection(kb, text, known, [...answered, dimensionId]);
    if (Object.keys(corrected).length > 0) return corrected;
  }
  const count = bareMemberCount(kb, text, question);
  if (count) return count;
  const short = shortVersion(kb, text, question);
  if (short) return short;
  // The asked fact, and any other fact still unknown that the same text names ("2003, a back-end
  // on MSCS"); known facts are never overwritten by a passing mention.
  const typedAnswer = kb.recognizer.readAnswer(dimensionId, text, known);
  // "build is 15.2.922.7" asked for the update: a build number read as a sentence naming it is (Exchange 2019 CU10, and how far
  // behind it is), where the answer tables hold only update names (issue 21, o22).
  const read = typedAnswer[dimensionId] === undefined && BUILD_NUMBER.test(text) ? { ...kb.recognizer.extract(text, known).facts, ...typedAnswer } : typedAnswer;
  // The asked fact only with a value this setup can have: "Enterprise" asked for the edition of Windows 2000 (assumed
  // under Exchange 2000) is no Windows 2000 edition, so it gets the second wording rather than a verdict on another release.
  // Only where the assumed facts narrow the choices: elsewhere a word the table translates ("load balancer" for Exchange
  // 2003 is Windows NLB) is read as before.
  const narrowed = Object.keys(question.assumed ?? {}).length > 0 && kb.valuesFor(dimensionId, choices).length !== kb.valuesFor(dimensionId, known).length;
  const fits = (d: string, v: string) => !narrowed || d !== dimensionId || kb.valuesFor(d, choices).some((value) => value.id === v);
  const taken = Object.entries(read).filter(([d, v]) => (d === dimensionId || known[d] === undefined) && fits(d, v));
  if (taken.length > 0) return Object.fromEntries(taken);
  // Nothing for the question and nothing new, but a known fact named with another value ("Windows
  // Server 2022" asked for the edition of 2019): the whole answer is about that fact, so it changes it.
  const changed = Object.entries(read).filter(([d, v]) => known[d] !== v && fits(d, v));
  if (changed.length > 0) return Object.fromEntries(changed);
  return answerToAnotherQuestion(kb, text, question);
}

/** The longest typed answer read as the answer to another question: a bare word or two ("Datacenter"), not a sentence. */
const MAX_OTHER_ANSWER = 40;

/**
 * A bare answer to another question than the one asked ("Datacenter" asked for the Windows release):
 * read against every other asked fact still unknown; taken when exactly one of them reads it (the
 * check notes it and asks its question again). "Enterprise" before either edition is known reads
 * as both, so it is taken for neither.
 */
function answerToAnotherQuestion(kb: KnowledgeBase, text: string, question: AskedQuestion): Facts | undefined {
  if (text.trim().length > MAX_OTHER_ANSWER) return undefined;
  const { dimension: asked, known } = question;
  const found: Array<[string, string]> = [];
  for (const dimension of kb.dimensions) {
    if (dimension.kind !== 'asked' || dimension.id === asked || known[dimension.id] !== undefined) continue;
    const value = kb.recognizer.readAnswer(dimension.id, text, known)[dimension.id];
    if (value !== undefined && kb.valuesFor(dimension.id, known).some((v) => v.id === value)) found.push([dimension.id, value]);
  }
  return found.length === 1 ? Object.fromEntries(found) : undefined;
}

/**
 * The facts a correction names. Facts named in full ("Exchange 2000", "2008 R2 Enterprise") are
 * read as in any sentence; a bare word ("Standard", "32-bit") is read against the dimensions most
 * recently answered first, so "no, Standard" after the edition question changes the edition.
 */
export function readCorrection(kb: Pick<KnowledgeBase, 'recognizer'>, text: string, known: Facts, recentFirstLast: readonly string[]): Facts {
  const named = kb.recognizer.extract(text, known).facts;
  const result: Record<string, string> = { ...named };
  // Facts named in full may come with a bare answer to the question asked ("Enterprise. oh and
  // actually it's a front-end"); with nothing named in full, the bare word is the correction.
  const candidates = [...recentFirstLast].reverse();
  for (const dimension of Object.keys(named).length > 0 ? candidates.slice(0, 1) : candidates) {
    if (result[dimension] !== undefined) continue;
    const value = kb.recognizer.readAnswer(dimension, text, { ...known, ...named })[dimension];
    if (value !== undefined && value !== known[dimension]) {
      result[dimension] = value;
      break;
    }
  }
  return result;
}
