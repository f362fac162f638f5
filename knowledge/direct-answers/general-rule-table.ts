import { z } from 'zod';
import type { FactSpace } from '../rules/fact-space';
import type { KnowledgeProblem } from '../loading/problems';
import { checkRows } from './table-rows-check';

/**
 * One row of knowledge/data/general-rules.yaml: a yes/no rule of Exchange that no fact of the guided
 * check carries (Exchange on Azure virtual machines, a DAG witness on a domain controller), answered
 * directly with its source. A rule the check judges belongs in support-rules.yaml instead, so that the
 * direct answer and the verdict read one table.
 */
export const generalRuleEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lowercase id such as "azure-vms"'),
  /** What the rule is about, in a few words (the tests and the README name it). */
  topic: z.string().min(1),
  asks: z.strictObject({
    /** Groups of words (matched at a word start when 5 letters or longer): one word of every group must appear. */
    words: z.array(z.array(z.string().min(2)).min(1)).min(1),
    /** Words that make the question about something else ("azure ad" is not an Azure virtual machine). */
    unless: z.array(z.string().min(2)).optional(),
    /** The Exchange versions the rule holds for; a question naming another version is not answered by the row. */
    versions: z.array(z.string()).min(1),
  }),
  /** The answer holds whatever else the message names (a Windows release, a member count): designs get it too. */
  anySetup: z.boolean().optional(),
  /** The first sentence: "Yes, with conditions: ...", "Possible, but not recommended: ...", in our own words. */
  answer: z.string().min(20).max(600),
  details: z.array(z.string().min(1)).optional(),
  basis: z.array(z.string()).min(1),
  article: z.string(),
});
export const generalRulesSchema = z.array(generalRuleEntrySchema).min(1);
export type GeneralRuleEntry = z.infer<typeof generalRulesSchema>[number];

/** Problems of the table: a repeated id, unknown versions, facts or articles. */
export function checkGeneralRules(
  entries: readonly GeneralRuleEntry[],
  file: string,
  space: FactSpace,
  factIds: ReadonlySet<string>,
  articleIds: ReadonlySet<string>,
): KnowledgeProblem[] {
  return checkRows(entries, file, space, { factIds, articleIds }, (entry) => ({ ...entry, versions: entry.asks.versions, versionsField: 'asks.versions' }));
}
