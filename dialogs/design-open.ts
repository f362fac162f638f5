import type { Facts, KnowledgeBase } from '../knowledge';

/**
 * A whole design in one message ("2 FEs behind NLB and a 2-node back-end cluster, Exchange 2003"):
 * the platform facts it leaves unsaid (Windows release, edition, architecture, update level: the
 * dimensions marked `platform` in fact-dimensions.yaml), to be left open so that every group gets
 * its verdict at once, each open fact that decides it named as a condition ("the verdict holds only
 * for ..."). A helpdesk agent with a caller on the line needs the answer for the design first; these
 * facts narrow it afterwards, as a fact added after the verdict. The Exchange version of every
 * group must be known: without it no group can be judged, so the check asks as usual (undefined).
 */
export function openForDesign(kb: Pick<KnowledgeBase, 'dimensions'>, groups: readonly Facts[]): string[] | undefined {
  if (groups.length < 2 || groups.some((facts) => facts.version === undefined)) return undefined;
  const open = kb.dimensions.filter((d) => d.openInDesigns && groups.some((facts) => facts[d.id] === undefined)).map((d) => d.id);
  return open.length > 0 ? open : undefined;
}
