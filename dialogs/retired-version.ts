import { formatDate, SUPPORTED_PATH, type Facts, type KnowledgeBase } from '../knowledge';

/** Facts that describe a design beyond one server: with one of them said, the check asks as usual. */
const DESIGN_FACTS: readonly string[] = [
  'nodes',
  'instances',
  'clusterMode',
  'passiveNodes',
  'witness',
  'sites',
  'mixedVersions',
  'mixedWindows',
  'nlbOnSameServers',
  'edgeDomainJoined',
];

/** "we run", "our DAG runs on", "customer has", "currently on": a setup that exists, not one being planned. */
const RUNNING =
  /\b(we (still )?(run|have|use|got)|we'?re (still )?(running|on|using)|currently|customer (has|runs|is running|is on)|they (still )?(have|run)|existing|in production|still (on|running|have|runs?)|is running|are running|runs on|running on|installed on)\b/i;

/**
 * The facts a first message about a retired product leaves open rather than asks, or undefined.
 *
 * "we run Exchange 2013 CU23 on Windows 2012 R2, are we ok?": a retired product on a named Windows
 * release, with no design said (no high availability, or "a single server"). The answer is decided
 * before any question: the product is out of support whatever its role. The verdict comes at once,
 * headed "Out of support", with every fact still unsaid (role, high availability, editions, update)
 * left open and those that matter named as conditions of the design label, which only speaks of the
 * time the product was supported; a message that names the role describes a server, whose facts are
 * asked as usual but for its high availability. A message that describes a design (a DAG, nodes...)
 * is checked as usual, and so is one that names no Windows release ("is my Exchange 2016 setup
 * supported?" asks for the guided check).
 *
 * A retired setup said to be running ("our Exchange 2013 DAG runs on 2012 R2") also leaves its
 * update open: it was installed, so its update is one its Windows release took (Exchange 2013 SP1
 * or later on 2012 R2); the verdict names that as a condition rather than asking for a product
 * that gets no update any more. A setup being planned is asked its update as usual.
 */
/** Whether the Exchange version of the facts is past its end of support on `today`. */
export function isRetiredVersion(kb: Pick<KnowledgeBase, 'lifecycle'>, facts: Facts, today = new Date()): boolean {
  const day = today.toISOString().slice(0, 10);
  return kb.lifecycle.some((entry) => entry.dimension === 'version' && entry.value === facts.version && entry.endOfSupport !== undefined && entry.endOfSupport < day);
}

export function openForRetiredVersion(kb: Pick<KnowledgeBase, 'lifecycle' | 'dimensions'>, facts: Facts, text = '', today = new Date()): string[] | undefined {
  const version = facts.version;
  if (version === undefined) return undefined;
  if (!isRetiredVersion(kb, facts, today)) return undefined;
  const running = RUNNING.test(text) && facts.update === undefined && facts.windows !== undefined ? ['update'] : [];
  const designed = (facts.ha !== undefined && facts.ha !== 'none') || DESIGN_FACTS.some((d) => facts[d] !== undefined);
  if (facts.windows === undefined || designed) return running.length > 0 ? running : undefined;
  // A role said: a server described, whose other facts are asked as usual; only its unsaid high availability is left open.
  if (facts.role !== undefined) return facts.ha === undefined ? ['ha', ...running] : running.length > 0 ? running : undefined;
  // Every asked fact still unsaid but the Windows release: none of them can lift "Out of support".
  return kb.dimensions.filter((d) => d.kind === 'asked' && facts[d.id] === undefined).map((d) => d.id);
}

/** What a message after a verdict on a retired product asks about it: its security updates, a time to keep it, or the plan. */
export type RetiredQuestion = 'esu' | 'hybrid' | 'until' | 'plan' | 'status';

// Each pattern is linear (no nested quantifiers) and runs on messages of at most 160 characters.
const ESU_QUESTION =
  /\b(esus?|extended security( updates?)?|security (patches|updates|fixes)|(still )?get(s|ting)? (any )?(patches|updates|fixes)|(still )?(patch|fix)(es|ed|ing)? (it|this|that|them)|extended support|pay(ing)? for (support|updates|patches)|paid (support|updates|patches)|(an? |any )?extensions?\b|pay (microsoft|ms|them)\b|keep (supporting|patching|fixing) (it|this|that|them|us)|custom support)\b/i;
/** "what about hybrid", "can we keep it for the hybrid", "we're moving to Exchange Online": the hybrid endpoint asked about (issue 21, s21). */
const HYBRID_QUESTION = /\b(hybrid|exchange online|exo|office 365|o365|microsoft 365|m365)\b/i;
const UNTIL_QUESTION =
  /\b((till|until|til|through|thru|into|to|by|before) (20\d\d|next (year|summer|spring|quarter)|the end of (the |this |next )?year|end of (the |this |next )?year|q[1-4])|how long|time ?line|deadline|how much time|keep (it|them|running|using|this)|stay (on|with)|wait (until|till|for|another)|another (year|few months|6 months|six months)|for now|for a while|ok to wait|(just )?leave (it|them)|(next|this) year|20(2[6-9]|3\d)|how much longer|(a (bit|little) |any |much )longer)\b/i;
const PLAN_QUESTION =
  /\b(what (should|do|must|can) (we|i|they) do|wh?at now|now what|get (off|away from|rid of) (it|this|that|them|these|those|exchange|20\d\d)|(the |a |our |any )?way (off|out|away from|forward)\b|exit (plan|strategy|path)|where (do|should|can|would) (we|i|they) go|(would|do|can|could) you (recommend|suggest|advise)|recommend(ation)?s?\b|next steps?|(the|our|a|your) plan\b|(go|move|jump|upgrade) (straight|directly) (from [a-z ]{0,20} )?to|in[- ]place|plan (then|now)|options?|alternatives?|in trouble|what happens (if|now|next)|upgrade|migrat(e|ion|ing)|move (to|off)|go (straight |directly )?to|(go|jump|move|upgrade|migrate) (straight |directly )?from (this|it|here|that|there)\b|(supported |upgrade |migration )?path|(do|must|will) (we|i|they) (have|need) to|is (that|it|this) (a problem|bad|an issue|urgent|serious|a risk)|how (urgent|bad|serious|risky)|what does (that|this|it) mean|mean for (us|me|them|the customer)|change anything|does (that|this|it) (matter|change)|risk|worr(y|ied|ying)|(a )?big deal|stuck|stay (supported|in support)|get (back )?(supported|in support)|(supported|in support) again|back (in|into|to) support|(cheapest|quickest|fastest|easiest) (way|route|option)|in practice|concern(ed|s)?\b|^(and|so|ok(ay)?|right|well),? now\b|^now\?)/i;

const STATUS_QUESTION =
  /\b((will|would|does|do|can) (microsoft|ms|they) (still )?(help|support|fix)|(open|raise|log) (a )?(case|ticket|call) with (microsoft|ms|premier|unified)|yes or no|since when|is (it|that|this) (still )?(supported|in support)|(are|is) (we|they|it) (still )?(covered|supported)|(it'?s|it is|we'?re|we are|that'?s|that is|so) (not supported|unsupported|out of support|eol|end of life)|(not supported|unsupported) (then|now|anymore|any more)|(still )?(ok|okay|fine|safe|alright) to (run|keep|use|leave)|(microsoft|ms|they) (won'?t|will not|wouldn'?t|doesn'?t|don'?t|can'?t|cannot) (help|support|fix)|as long as it (works|runs)|if it (breaks|fails|dies|crashes)|is (it|that|this) (still )?(safe|ok|okay|fine)|still (in|under) support|(is|are) (it|that|this|we|they)( version| box| server| setup)? still (supported|covered)|supported (today|now|anymore|any more)\b|(this|that|the) (version|release|product|setup|box|server) still (supported|covered))\b/i;

/**
 * The question a short message asks about the retired product just judged, or undefined: "we have
 * ESU?", "is it ok till 2027?", "what should we do?", "upgrade path?". The answer is that verdict again,
 * headed "Out of support" (issue 21: a helpdesk agent must read that first), with one line answering it.
 */
export function retiredQuestion(text: string): RetiredQuestion | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 160) return undefined;
  if (ESU_QUESTION.test(trimmed)) return 'esu';
  if (HYBRID_QUESTION.test(trimmed)) return 'hybrid';
  if (UNTIL_QUESTION.test(trimmed)) return 'until';
  if (PLAN_QUESTION.test(trimmed)) return 'plan';
  if (STATUS_QUESTION.test(trimmed)) return 'status';
  return undefined;
}

/** The line that answers a {@link RetiredQuestion} above the verdict card shown again. */
export function retiredAnswer(question: RetiredQuestion, product: string, since: string, path: string, esuNote?: string): string {
  switch (question) {
    case 'esu':
      // The paid offer's dates, where lifecycle.yaml holds them (Exchange 2016 and 2019, A-30), in its own words.
      return esuNote
        ? `Extended Security Updates bring security fixes only, never support: ${product} stays out of support (since ${since}). ${esuNote} The supported path is ${path}.`
        : `Extended Security Updates bring security fixes only, never support: ${product} stays out of support (since ${since}), and the supported path is ${path}.`;
    case 'hybrid':
      // A-36: Microsoft's hybrid prerequisites want the on-premises servers on their version's latest update (or the one before).
      return `A hybrid deployment runs through your on-premises Exchange servers, and Microsoft's hybrid prerequisites want them on their version's latest update (or the one before); ${product} has been out of support since ${since}, so its servers in a hybrid are out of support too. Move the hybrid servers to ${path}.`;
    case 'until':
      return `${product} is out of support now (since ${since}), not from a later date: keeping it longer keeps it unsupported. Plan the move to ${path}.`;
    case 'status':
      return `${product} has been out of support since ${since}: Microsoft no longer fixes it or helps with it. The design below was supported only while ${product} was; the supported path is ${path}.`;
    case 'plan':
      return `What to do: plan the move to ${path}; ${product} has been out of support since ${since}. The design below was supported only while ${product} was.`;
  }
}

/**
 * A question about the retired version being checked, asked mid-check ("is it still getting security updates though?"):
 * the line that answers it from the lifecycle table, or undefined (not such a question, or the version is not retired).
 */
export function retiredLineMidCheck(kb: Pick<KnowledgeBase, 'lifecycle' | 'dimensions'>, text: string, known: Facts, today = new Date()): string | undefined {
  const question = retiredQuestion(text);
  if (!question || !isRetiredVersion(kb, known, today)) return undefined;
  const entry = kb.lifecycle.find((e) => e.dimension === 'version' && e.value === known.version && e.endOfSupport !== undefined);
  if (!entry?.endOfSupport) return undefined;
  const label = kb.dimensions.find((d) => d.id === 'version')?.values.find((v) => v.id === known.version)?.label ?? String(known.version);
  return retiredAnswer(question, label, formatDate(entry.endOfSupport), SUPPORTED_PATH);
}
