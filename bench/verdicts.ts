import { readTruthTable, truthVerdict } from '../test/knowledge/truth-table';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { routeMessage } from '../dialogs/message-router';
import { stripMentions } from '../bot/incoming-text';
import { loadKnowledgeBase, type Facts, type KnowledgeBase, type Verdict } from '../knowledge';
import { BENCH_DIR } from './lib/paths';

/** A labelled one-sentence support question (bench/verdict-questions.yaml). */
interface VerdictQuestion {
  q: string;
  verdict: Verdict;
  answers?: Record<string, string>;
  /** Version family: 2000-2003, 2007, 2010-2013 or 2016-se. */
  family?: string;
}

export interface VerdictOutcome {
  q: string;
  family: string;
  expected: Verdict;
  /** The verdict reached, or why none was: routed to search, asked an unlabelled question, answer not understood. */
  got: string;
  correct: boolean;
  /** Follow-up questions the check asked (dimension ids), in order. */
  asked: string[];
  /** Answered directly (a general yes/no), not by the check: scored by the check's verdict on the facts it names. */
  direct?: boolean;
}

export interface VerdictFigures {
  questions: number;
  correct: number;
  accuracy: number;
  /** Questions decided from the sentence alone, with no follow-up. */
  decidedAtOnce: number;
  /** Questions answered directly (general yes/no naming a version), each scored by the check's verdict on its facts. */
  answeredDirectly: number;
  followUps: number;
  /** Follow-up questions per check, over the questions routed to the check. */
  meanQuestions: number;
  /** The same over the first 39 questions, the set the previous (five-slot) model was measured on. */
  meanQuestionsOriginal: number;
  byVerdict: Record<string, { questions: number; correct: number }>;
  byFamily: Record<string, { questions: number; correct: number; followUps: number }>;
  outcomes: VerdictOutcome[];
}

const MAX_STEPS = 8;

/**
 * The guided check's verdict accuracy from one-sentence questions: each question goes through the
 * router exactly as the main dialog does (`routeMessage`, after the mention removal the bot applies),
 * then `kb.nextStep` until a verdict; a follow-up question is answered with the labelled typed text,
 * read the way the check's prompt reads it (`recognizer.readAnswer`, only the asked fact and facts
 * still unknown are taken).
 */
export function runVerdicts(kb: KnowledgeBase = loadKnowledgeBase()): VerdictFigures {
  const questions = parse(readFileSync(join(BENCH_DIR, 'verdict-questions.yaml'), 'utf8')) as VerdictQuestion[];
  const outcomes = questions.map((question) => runOne(kb, question));
  const byVerdict: VerdictFigures['byVerdict'] = {};
  for (const outcome of outcomes) {
    const entry = (byVerdict[outcome.expected] ??= { questions: 0, correct: 0 });
    entry.questions += 1;
    if (outcome.correct) entry.correct += 1;
  }
  const byFamily: VerdictFigures['byFamily'] = {};
  for (const outcome of outcomes) {
    const entry = (byFamily[outcome.family] ??= { questions: 0, correct: 0, followUps: 0 });
    entry.questions += 1;
    entry.followUps += outcome.asked.length;
    if (outcome.correct) entry.correct += 1;
  }
  const correct = outcomes.filter((o) => o.correct).length;
  const mean = (list: VerdictOutcome[]) => list.reduce((n, o) => n + o.asked.length, 0) / Math.max(1, list.length);
  return {
    questions: outcomes.length,
    correct,
    accuracy: correct / outcomes.length,
    decidedAtOnce: outcomes.filter((o) => o.correct && o.asked.length === 0).length,
    answeredDirectly: outcomes.filter((o) => o.direct).length,
    followUps: outcomes.reduce((n, o) => n + o.asked.length, 0),
    meanQuestions: mean(outcomes),
    meanQuestionsOriginal: mean(outcomes.slice(0, 39)),
    byVerdict,
    byFamily,
    outcomes,
  };
}

function runOne(kb: KnowledgeBase, question: VerdictQuestion): VerdictOutcome {
  const text = stripMentions(question.q).replace(/\s+/g, ' ').trim();
  const route = routeMessage(text, kb);
  const asked: string[] = [];
  const outcome = (got: string): VerdictOutcome => ({
    q: question.q,
    family: question.family ?? 'unlabelled',
    expected: question.verdict,
    got,
    correct: got === question.verdict,
    asked,
  });
  // A general yes/no naming a version ("Is Exchange 2013 supported on Windows Server 2016?") is answered
  // directly (issue 19), from the same tables: it counts when its Yes/No agrees with the check's verdict
  // for the facts it names (what its "Check my setup" pre-fills), and that verdict is the labelled one.
  if (route.kind === 'answer') {
    const direct = kb.directAnswers.answer(route.question);
    const said = direct ? /^(no\b|yes\b)/i.exec(direct.answer)?.[1]?.toLowerCase() : undefined;
    if (!direct || said === undefined) return outcome('routed to answer');
    const checked = checkFrom(kb, question, kb.knownFacts(route.question.subject), []);
    const agrees = said === 'no' ? checked === 'not-supported' : checked === 'supported' || checked === 'supported-with-conditions';
    return { ...outcome(agrees ? checked : `answered directly "${said}", the check says ${checked}`), direct: true };
  }
  if (route.kind !== 'check') return outcome(`routed to ${route.kind}`);
  return outcome(checkFrom(kb, question, kb.knownFacts(route.facts), asked));
}

/** The check's verdict from `start`, answering its follow-up questions with the labelled answers, or why there is none. */
function checkFrom(kb: KnowledgeBase, question: VerdictQuestion, start: Facts, asked: string[]): string {
  let facts: Facts = start;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const next = kb.nextStep(facts);
    if (next.kind === 'verdict') return next.decision.verdict;
    const dimension = next.dimension.id;
    asked.push(dimension);
    const answer = question.answers?.[dimension];
    if (answer === undefined) return `asked for ${dimension} (no labelled answer: not read from the sentence)`;
    const read = kb.recognizer.readAnswer(dimension, answer, facts);
    if (read[dimension] === undefined) return `did not understand "${answer}" for ${dimension}`;
    const taken = Object.entries(read).filter(([d]) => d === dimension || facts[d] === undefined);
    facts = { ...facts, ...Object.fromEntries(taken) };
  }
  return 'no verdict';
}

if (require.main === module) {
  const figures = runVerdicts();
  console.log(
    `verdict accuracy ${figures.correct}/${figures.questions} = ${figures.accuracy.toFixed(3)}, decided at once ${figures.decidedAtOnce}, answered directly ${figures.answeredDirectly}, follow-up questions ${figures.followUps}, mean ${figures.meanQuestions.toFixed(2)} (first 39: ${figures.meanQuestionsOriginal.toFixed(2)})`,
  );
  for (const [family, f] of Object.entries(figures.byFamily)) console.log(`  ${family}: ${f.correct}/${f.questions}, mean questions ${(f.followUps / f.questions).toFixed(2)}`);
  for (const o of figures.outcomes)
    if (!o.correct || process.argv.includes('--all'))
      console.log(`  ${o.correct ? 'ok  ' : 'MISS'} expected ${o.expected}, got ${o.got} [asked ${o.asked.join(', ') || 'nothing'}]: ${o.q}`);
}

/** The truth table of issue 20 (test/knowledge/truth-table.yaml): rows whose verdict the check gives, and the rest. */
export interface TruthTableFigures {
  rows: number;
  passed: number;
  failures: { facts: string; expected: Verdict; got: string; why: string }[];
}

export function runTruthTable(kb: KnowledgeBase = loadKnowledgeBase()): TruthTableFigures {
  const rows = readTruthTable();
  const failures: TruthTableFigures['failures'] = [];
  for (const row of rows) {
    const { verdict, why } = truthVerdict(kb, row);
    if (verdict !== row.verdict) failures.push({ facts: JSON.stringify(row.facts), expected: row.verdict, got: verdict, why });
  }
  return { rows: rows.length, passed: rows.length - failures.length, failures };
}
