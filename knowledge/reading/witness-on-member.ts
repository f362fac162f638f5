import type { PhraseMatch } from './phrase-matcher';
import type { Token } from './text-tokens';

/** A fact a phrase names (the recognizer's Mention, restated here to keep this file free of the recognizer). */
interface Said {
  dimension: string;
  value?: string;
}

/**
 * After a witness, words placing it on one of the DAG's own members: "the witness share lives on EXSE2, one of
 * the two members", "the witness is on FS01 which is actually one of the 4 DAG members", "witness = EX3 (one
 * of the four)" (a count closing its clause counts the members); "the fsw is on dag member 2", "the witness is EX02 itself",
 * "witness on EXCH02 (the second member)", "fsw on BR-MBX1 (the branch has nothing else)" (session 9 d21: w6-hunt-17,
 * w6-hunt-38, w6-hunt-60). Linear (no nested quantifiers); read on the
 * text after the witness up to the end of its sentence.
 */
const ON_A_MEMBER =
  /^[^.;!?]{0,80}?\b(one of (the|our|its|both|those|these|them)\b( \w+)?( dag)? (members?|nodes?|mailbox servers|exchange servers)|(is|on|are) (also )?(a|one) (dag )?member( server)? of the dag|(is|on|are) (also )?(a|one) dag member\b|itself a (dag )?member|one of (the|our|its|those|these) (two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|sixteen|\d{1,2})(?=\s*([)\].,;:!?]|$))|(is|on|are) (the )?(dag )?(member|node) (\d|one|two|three|four)\b|(is|on) (the )?(first|second|third|fourth|other|1st|2nd|3rd|4th) (dag )?(member|node)\b|\((the )?(first|second|third|fourth|other|1st|2nd|3rd|4th) (dag )?(member|node)\)|(is|=|on) [a-z][\w-]*\d itself)\b/i;

/** "fsw on BR-MBX1 (the branch has nothing else)": a witness on a named server where no other server exists is on a member. */
const ON_A_NAMED_SERVER = /^\s*(?:(?:share\s+)?(?:is|lives|sits|runs)\s+)?(?:on|=|:)\s*[a-z][a-z0-9]*[-_0-9][\w-]*/i;
const NO_OTHER_SERVER = /^[^.;!?]{0,80}?\b(?:we|they|the \w+) (?:have|has) (?:no other (?:server|box|machine|vm)s?|nothing else)\b/i;

/**
 * "the witness share lives on EXSE2, one of the two members": a witness placed on a DAG member is no witness
 * server outside the DAG (M-14, plan-ha.md: the witness is a server outside the DAG), so the witness fact is
 * "no", which the rules judge with the member count. Read as "a witness server" it kept an even DAG with
 * conditions (issue 21, g21: w4-fact-35, w3-after-15).
 */
export function withWitnessOnMember(matches: PhraseMatch<Said[]>[], tokens: readonly Token[], text: string): PhraseMatch<Said[]>[] {
  return matches.map((m) => {
    if (!m.entry.payload.some((p) => p.dimension === 'witness' && p.value === 'yes')) return m;
    const after = text.slice(tokens[m.to - 1]!.end);
    if (!ON_A_MEMBER.test(after) && !(ON_A_NAMED_SERVER.test(after) && NO_OTHER_SERVER.test(after))) return m;
    return { ...m, entry: { ...m.entry, payload: m.entry.payload.map((p) => (p.dimension === 'witness' ? { ...p, value: 'no' } : p)) } };
  });
}
