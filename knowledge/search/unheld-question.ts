/*
 * Questions the articles never answer though their words are near an article's: sizing and capacity
 * ("how many mailboxes can exchange 2019 handle", "max database size", "how many dags in one org"). A
 * passage found for them is about something else (a DAG's definition, its member limit), so the search
 * offers suggestions only. A bounded pattern on text already cut to 4,000 characters.
 */

/** A count or size of something no table or article bounds: mailboxes, users, DAGs, database size, hardware. */
const CAPACITY =
  /\b(?:how many|max(?:imum)?|limit(?:s)? (?:of|on|for)|how much|how big|how large|largest|biggest|size of|sizing)\b[^.?!]{0,40}?\b(?:mailbox(?:es)?(?! (?:servers?|roles?|databases?|dbs?)\b)|users?|dags|databases? size|db size|database sizes?|ram|memory|cpus?|cores|storage(?! groups?)|disk space|iops|logs?|transaction logs?|connections|messages|emails?|recipients)\b|\b(?:mailboxes|users) per (?:database|db|server)\b|\b(?:databases?|dbs?) size\b|\bmax(?:imum)? (?:database|db) size\b/i;

/**
 * Administration topics no article, glossary entry or table speaks of (a test keeps it so): ports and
 * firewalls, antivirus exclusions, logging and retention settings, certificates, client licences (CALs),
 * PST export, system mailboxes, AutoReseed, the page file, network cards, third-party gateways, storage
 * kinds. A question about one of them, whatever version and DAG it names, gets suggestions only, never a
 * passage about the version or the DAG, and is no design for the check.
 */
const UNHELD_TOPIC =
  /\b(?:ports?|port numbers?|firewalls?|exclusions?|circular logging|logos?|psts?|arbitration|autoreseed|page ?file|nics?|network cards?|cals?|message size|mailbox size|size limits?|seeding|quotas?|retention|certificates?|certs?|mimecast|jbod|replication network|downloads?|downloading|installers?|isos?|prices?|pricing|known issues?|what'?s new|powershell versions?|\.net (?:framework )?versions?)\b/i;

/** True for a question about an administration topic the knowledge never speaks of (see {@link UNHELD_TOPIC}). */
export function asksUnheldTopic(question: string): boolean {
  return UNHELD_TOPIC.test(question);
}

/** The words of {@link UNHELD_TOPIC}, for the test that keeps them out of the knowledge. */
export const UNHELD_TOPIC_PATTERN = UNHELD_TOPIC;

/** True for a sizing or capacity question: no table or article holds those figures. */
export function asksCapacity(question: string): boolean {
  return CAPACITY.test(question);
}

/**
 * A question asking for the steps of a task ("how do i add a mailbox database copy", "how to move mailboxes
 * between databases", "exchange 2019 how to add a disclaimer"). When no how-to row holds the task and the passage found is not the numbered list of
 * its steps, the search says plainly that it has no step-by-step answer and offers the nearest articles.
 */
const STEPS_ASKED =
  /^(?:(?:exchange|exch|ex|e2k\d{0,2}|ex2k\d{0,2}|ex20\d\d)(?:\s*(?:server\s*)?(?:20\d\d|se))?\s*[-:,]?\s*)?(?:how (?:do|can|could|should|would|shall) (?:i|we|you|one)\b|how to\b|what are the steps\b|steps? (?:to|for)\b|walk me through\b|procedure (?:to|for)\b)/i;

/** True for a request for steps (see {@link STEPS_ASKED}). */
export function asksForSteps(question: string): boolean {
  return STEPS_ASKED.test(question.trim());
}

/** True when a passage is the numbered steps of a procedure ("1. ...", the form passage-search gives a how-to). */
export function isNumberedSteps(sentences: readonly string[] | undefined): boolean {
  return sentences !== undefined && sentences.length > 1 && /^1\. /.test(sentences[0]!);
}
