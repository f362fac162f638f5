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
 * kinds, Small Business Server (a bundle of Windows and Exchange with support terms of its own, session 15: "is exchange
 * 2010 supported on small business server 2011" got the Outlook clients passage). A question about one of them, whatever version and DAG it names, gets suggestions only, never a
 * passage about the version or the DAG, and is no design for the check.
 */
const UNHELD_TOPIC =
  /\b(?:ports?|port numbers?|firewalls?|exclusions?|circular logging|logos?|psts?|arbitration|autoreseed|page ?file|nics?|network cards?|cals?|message size|mailbox size|size limits?|seeding|quotas?|retention|certificates?|certs?|mimecast|jbod|replication network|downloads?|downloading|installers?|isos?|prices?|pricing|known issues?|what'?s new|powershell versions?|\.net (?:framework )?versions?|small business server|sbs(?: ?20(?:03|08|11))?)\b/i;

/** True for a question about an administration topic the knowledge never speaks of (see {@link UNHELD_TOPIC}). */
export function asksUnheldTopic(question: string): boolean {
  return UNHELD_TOPIC.test(question);
}

/** The words of {@link UNHELD_TOPIC}, for the test that keeps them out of the knowledge. */
export const UNHELD_TOPIC_PATTERN = UNHELD_TOPIC;

/**
 * Kinds of question no table or article answers whatever topic they name (session 11, q21): an opinion or a
 * choice between products ("is it worth going to SE", "which is better, vmware or hyper-v", "should we even
 * bother with a DAG", "which backup software is best"), a release still to come ("when will SE CU3 be
 * released", "will SE ever support ...", "the version after SE", "the release date of the next SE CU": session 12, q22), a licence's terms or a price ("licensed per
 * core", "software assurance", "cost difference", "separate licence for the passive node") and a registry or
 * TCP setting. A passage found for them is about the product named, never the answer: suggestions only, and
 * no design for the check. Bounded and linear. A cost only kept down ("single disks to keep costs down", session 15 i27)
 * is the reason for a design, no question about a price.
 */
const UNHELD_KIND =
  /\b(?:(?:your|an?|any) opinions?|what do you think|worth (?:it|going|upgrading|moving|migrating|staying|the)|bother(?:ing)? (?:with|to)|(?:is|are) (?:\w+ ){0,4}better than|pros and cons|(?:best|good|recommended|preferred) (?:backup|antivirus|anti-virus|monitoring|archiving) (?:software|products?|tools?|vendors?|solutions?)|backup (?:software|products?|vendors?|solutions?|applications?) (?:is|are) (?:best|better|recommended)|when will\b[^.?!]{0,50}\b(?:be released|be out|come out|ship|be available|release)|will (?:exchange|microsoft|ms|se|there)\b[^.?!]{0,40}\b(?:ever|still|next|release|planned|planning)|(?:ever|eventually|someday|one day) (?:support|get|run|allow)|is (?:microsoft|ms) planning|(?:release|ship) date of the next|when (?:is|does|will) the next|(?:version|release) after (?:se|subscription edition)|next (?:major )?(?:version|release) of exchange|roadmap|licen[cs](?:ed|ing)|software assurance|(?:separate|extra|additional|own|second) licen[cs]es?|licen[cs]es? (?:cost|price|fee)s?|(?<!\b(?:keep|keeping|cut|cutting|save|saving|reduce|reducing|lower|lowering) )costs?(?! down\b)|how much (?:is|does|do|will)|registry (?:values?|keys?|settings?|tweaks?)|keep-?alive)\b/i;

/** True for an opinion, a future release, a licence or price, or a registry setting asked (see {@link UNHELD_KIND}). */
export function asksUnheldKind(question: string): boolean {
  return UNHELD_KIND.test(question);
}

/** True for a sizing or capacity question: no table or article holds those figures. */
export function asksCapacity(question: string): boolean {
  return CAPACITY.test(question);
}

/**
 * A question asking for the steps of a task ("how do i add a mailbox database copy", "how to move mailboxes
 * between databases", "exchange 2019 how to add a disclaimer", "exchange 2007 sp3: how to move the queue database", "exchange 2019 edge on 2019 std: how do i renew the edge subscription": an update level, an edition or a setup and a colon may stand before it). When no how-to row holds the task and the passage found is not the numbered list of
 * its steps, the search says plainly that it has no step-by-step answer and offers the nearest articles.
 */
const STEPS_ASKED =
  /^(?:[^:?!.]{1,60}:\s*|(?:exchange|exch|ex|e2k\d{0,2}|ex2k\d{0,2}|ex20\d\d)(?:\s*(?:server\s*)?(?:20\d\d|se))?(?:\s+(?:sp\d|cu\d{1,2}|rtm|ru\d{1,2}|std|standard|ent|enterprise)){0,3}\s*[-:,]?\s*)?(?:how (?:do|can|could|should|would|shall) (?:i|we|you|one)\b|how to\b|what are the steps\b|steps? (?:to|for)\b|walk me through\b|procedure (?:to|for)\b)/i;

/** True for a request for steps (see {@link STEPS_ASKED}). */
export function asksForSteps(question: string): boolean {
  return STEPS_ASKED.test(question.trim());
}

/** True when a passage is the numbered steps of a procedure ("1. ...", the form passage-search gives a how-to). */
export function isNumberedSteps(sentences: readonly string[] | undefined): boolean {
  return sentences !== undefined && sentences.length > 1 && /^1\. /.test(sentences[0]!);
}
