/*
 * Questions the articles never answer though their words are near an article's: sizing and capacity
 * ("how many mailboxes can exchange 2019 handle", "max database size", "how many dags in one org"). A
 * passage found for them is about something else (a DAG's definition, its member limit), so the search
 * offers suggestions only. A bounded pattern on text already cut to 4,000 characters.
 */

/** A count or size of something no table or article bounds: mailboxes, users, DAGs, database size, hardware. */
const CAPACITY =
  /\b(?:how many|max(?:imum)?|limit(?:s)? (?:of|on|for)|how much|how big|how large|largest|biggest|size of|sizing)\b[^.?!]{0,40}?\b(?:mailbox(?:es)?(?! (?:servers?|roles?|databases?|dbs?)\b)|users?|dags|databases? size|db size|database sizes?|ram|memory|cpus?|cores|storage(?! groups?)|disk space|iops|logs?|transaction logs?|connections|messages|emails?|recipients)\b|\b(?:mailboxes|users) per (?:database|db|server)\b|\b(?:databases?|dbs?) size\b|\bmax(?:imum)? (?:database|db) size\b/i;

/** True for a sizing or capacity question: no table or article holds those figures. */
export function asksCapacity(question: string): boolean {
  return CAPACITY.test(question);
}
