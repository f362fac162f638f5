/**
 * What a how-to asks to do: the words after "how do I", "how to", "how can we" ("how do i reset a
 * users mailbox password in owa" → "reset a users mailbox password in owa"). Linear, anchored.
 */
const HOW_TO_LEAD = /^\s*(?:<at>[^<]{0,80}<\/at>\s*)?(?:how (?:do|can|should|would) (?:i|we|you|one)|how to)\s+(.{1,200})$/i;
/** The first ideas of what a how-to asks to do: the action and its object ("reset", "password"). */
const FOCUS_UNITS = 3;

/**
 * The ideas of a how-to's action that no article mentions at all (not even as a prefix or a small
 * typo): "how do I reset a password", "how to renew the certificate" ask about something the
 * knowledge base never speaks of, so no passage of it is an answer.
 *
 * @param units the ideas of a text (SearchVocabulary.units)
 * @param known whether the knowledge base holds a term anywhere
 */
export function unknownHowToAction(question: string, units: (text: string) => Array<{ terms: string[] }>, known: (term: string) => boolean): string[] {
  const action = HOW_TO_LEAD.exec(question)?.[1];
  if (!action) return [];
  return units(action)
    .slice(0, FOCUS_UNITS)
    .filter((unit) => !unit.terms.some(known))
    .map((unit) => unit.terms[0]!);
}
