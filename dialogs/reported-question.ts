/**
 * A question a helpdesk agent passes on in reported speech: "customer asks if they can cluster
 * exchange", "caller wants to know whether he can put the FE on NLB". The agent's words frame
 * someone else's question, so the bot reads the question itself, in the asker's place: "can we
 * cluster exchange". Without this the frame hides the question word and the "they" of the plan,
 * and the message went to a "did you mean" search.
 *
 * Only a frame at the start of the message is read (a frame inside a pasted ticket is left to the
 * rest of the router), and only a frame followed by "if"/"whether", a question word or a colon: "customer wants
 * to cluster" is a plan already, told in the router's own terms.
 */

/** Who passes the question on, and the verb that reports it ("the caller is asking whether", "cust wants to know if"). */
const FRAME =
  /^(?:(?:question|q|ask|request) from (?:the |a |our )?(?:customer|client|caller|user|end[- ]user)s?\s*[:\-–]\s*|(?:(?:the|our|my|a|this|one)\s+)?(?:customer|client|caller|user|end[- ]user|boss|manager|colleague|cust|cx|tenant|site admin|admin)s?\s+(?:asks?|asked|is asking|are asking|asking|wants to know|want to know|would like to know|needs? to know|wanted to know|wonders|is wondering|wondering|has a question|had a question)\s*(?::\s*|(?:if|whether)\s+|(?=(?:what|when|which|how|why|where|who)\b)))/i;

/** The reported subject in the asker's place ("they can" is "we can"). */
const SUBJECT = /^(they|he|she|the customer|the client|the caller)(?:'re|'s)?\b/i;
const SUBJECT_BE = /^(they're|he's|she's)\b/i;

/** "can they X" asked after a colon: the pronoun after the question's verb ("does he" is "do we"). */
const QUESTION_SUBJECT = /^(can|could|should|may|must|do|does|are|is|will|would) (they|he|she)\b/i;
const PLURAL_VERB: Readonly<Record<string, string>> = { does: 'do', is: 'are' };

/** "what an EVS is" (the reported word order) put back as "what is an EVS". */
const INDIRECT_WHAT = /^(what|who)\s+(.+?)\s+(is|are|was|were)\s*([?.!]*)$/i;

/** "we can X" (the word order of "if they can X") put back as the question "can we X". */
const STATEMENT_MODAL = /^we (can|could|may|should|must|need to|are allowed to|are able to)\s+/i;

/** "he needs", "she wants": the third person's verb after the "we" put in its place. */
const THIRD_PERSON_VERB = /^we (needs|wants|plans|has|is|does|runs|uses|intends)\b/i;
const FIRST_PERSON: Readonly<Record<string, string>> = {
  needs: 'need',
  wants: 'want',
  plans: 'plan',
  has: 'have',
  is: 'are',
  does: 'do',
  runs: 'run',
  uses: 'use',
  intends: 'intend',
};

/**
 * The question inside a reported-speech frame, or undefined when the message has none.
 *
 * @example
 * reportedQuestion('customer asks if they can cluster exchange'); // 'can we cluster exchange'
 * reportedQuestion('caller wants to know whether exchange 2016 runs on 2022'); // 'exchange 2016 runs on 2022'
 * reportedQuestion('customer wants to cluster exchange'); // undefined
 */
export function reportedQuestion(text: string): string | undefined {
  const frame = FRAME.exec(text);
  if (!frame) return undefined;
  let rest = text.slice(frame[0].length).trim();
  if (rest === '') return undefined;
  rest = rest.replace(INDIRECT_WHAT, (_m, wh: string, subject: string, verb: string, end: string) => `${wh} ${verb} ${subject}${end}`);
  rest = rest.replace(QUESTION_SUBJECT, (_m, verb: string) => `${PLURAL_VERB[verb.toLowerCase()] ?? verb} we`);
  rest = rest.replace(SUBJECT_BE, 'we are').replace(SUBJECT, 'we');
  rest = rest.replace(THIRD_PERSON_VERB, (_m, verb: string) => `we ${FIRST_PERSON[verb.toLowerCase()]!}`);
  const modal = STATEMENT_MODAL.exec(rest);
  if (modal) {
    const verb = modal[1]!.toLowerCase();
    const lead = verb === 'are allowed to' || verb === 'are able to' ? 'can' : verb === 'need to' ? 'do we need to' : verb;
    rest = lead === 'do we need to' ? `${lead} ${rest.slice(modal[0].length)}` : `${lead} we ${rest.slice(modal[0].length)}`;
  }
  return rest;
}
