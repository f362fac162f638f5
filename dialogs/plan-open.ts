import { stepWithOpen, type Facts, type KnowledgeBase } from '../knowledge';

/**
 * "we are planning", "customer wants", "what do we need?": a message that describes a plan and asks
 * what it takes, rather than a setup to be checked question by question.
 */
const PLAN =
  /\b(plan|plans|planning|planned|we want|(customer|client|they|he|she|we) wants?|we'?d like|would like|going to (build|deploy|set up|install|run)|intend|propos(e|ed|al)|new (build|deployment|setup|install)|to build|deploying|design(ing)?)\b/i;

/** "what do we need?", "requirements?", "anything to watch out for?": what it takes, asked outright. */
const REQUIREMENTS = /\b(what do (we|i|they) need|requirements?|prerequisites?|anything to (watch|look) (out )?for|what (should|must) (we|i) (know|watch))\b/i;

/** "check my setup", "walk me through", "ask me": the guided check asked for by name, whose questions are wanted. */
const GUIDED = /\b(check (my|our|the|this) (setup|config|configuration|environment|servers?)|guided check|walk (me|us) through|ask me|step by step|run the (guided )?check)\b/i;

/**
 * Verdict first: the facts a first message describing a plan leaves open rather than asks, or undefined.
 *
 * A plan with its Exchange version, topology and Windows release said ("a 2-node Exchange 2007 CCR
 * cluster on Windows 2008"), or one whose requirements are asked for outright ("an SE DAG, what do we
 * need?"), gets its verdict at once: every asked fact still unsaid (editions, Windows
 * release or edition, update level) is left open, and the check's open-fact walk ({@link stepWithOpen})
 * names each that decides the verdict as a condition, with the text the rules table gives ("Exchange
 * edition is not known yet: Not supported with Standard Edition; Supported with conditions with
 * Enterprise Edition"). The verdict is "Supported with conditions" only where some value of every open
 * fact keeps the plan supported, and never "Supported" for a fact nobody confirmed. The user can then
 * answer the questions to narrow it down ("refine").
 *
 * Asked as usual: a message without the version or the topology (the answer would say little), one
 * that asks for the guided check by name ("check my setup"), one that is not a plan (a setup described
 * for checking: its facts are asked), and one whose open facts still leave a question the walk cannot
 * settle.
 */
export function openForPlan(kb: Pick<KnowledgeBase, 'dimensions' | 'nextStep' | 'valuesFor' | 'knownFacts'>, facts: Facts, text: string): string[] | undefined {
  if (facts.version === undefined || facts.ha === undefined || GUIDED.test(text)) return undefined;
  // A plan with its platform said ("on Windows Server 2008"), or any plan whose requirements are asked for outright;
  // "customer wants a 2016 DAG, can you confirm the platform is OK?" names no platform to confirm: its Windows is asked.
  if (!REQUIREMENTS.test(text) && !(PLAN.test(text) && facts.windows !== undefined)) return undefined;
  const open = kb.dimensions.filter((d) => d.kind === 'asked' && d.id !== 'version' && facts[d.id] === undefined).map((d) => d.id);
  if (open.length === 0) return undefined;
  return stepWithOpen(kb, facts, open).kind === 'verdict' ? open : undefined;
}

/** "refine", "ask me the questions", "narrow it down": after a verdict with open facts, the questions that narrow it. */
const REFINE =
  /^(ok(ay)?,? |yes,? |sure,? |please,? )?(refine( it| the verdict)?|narrow (it|that|the verdict) down|ask (me )?(the|your|those|the remaining) questions|ask away|let'?s refine|answer (the )?(\d+ )?questions?)( please)?[.!]*$/i;

export function isRefine(text: string): boolean {
  return REFINE.test(text.trim());
}
