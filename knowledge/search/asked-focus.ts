import { passageHolds } from './counted-focus';
import type { PassageAnswer } from './passage-search';
import type { SearchVocabulary } from './search-vocabulary';

/*
 * What a question about support or requirements asks about, besides the product it names: "does
 * windows server 2019 support tls 1.3" asks about TLS 1.3, "is outlook 2013 supported with exchange
 * se" about Outlook 2013, "which .net version does exchange 2019 cu14 need" about .NET. A passage
 * about the product that never names that thing ("Exchange 2019 needs Standard or Datacenter") is
 * near the question, not an answer to it. Each pattern is anchored or bounded and linear.
 */
const WORD = String.raw`[\p{L}\p{N}.+#/-]+`;
/** "does X support Y", "will X work with Y", "can X handle Y": Y, up to three words. */
const SUPPORTS = new RegExp(
  String.raw`^(?:does|do|did|will|would|can|could)\s+(?:${WORD}\s+){1,5}?(?:support|supports|handle|work with|run with|use)\s+((?:${WORD}\s+){0,2}?${WORD})(?=\s+(?:on|in|with|for|only|yet|at all|now|natively)\b|\s*[?.!,]|\s*$)`,
  'iu',
);
/** "is Y supported with X", "are Y compatible with X": Y, up to four words ("skype for business 2015"). */
const SUPPORTED = new RegExp(String.raw`^(?:is|are)\s+((?:${WORD}\s+){0,3}?${WORD})\s+(?:supported|compatible|certified|allowed)\s+(?:with|on|in|by|for|against)\b`, 'iu');
/** "which Y (version) does X need": Y, one or two words. */
const NEEDS = new RegExp(
  String.raw`^(?:which|what)\s+((?:${WORD}\s+)?${WORD}?)\s+(?:version|versions|level|release)?\s*(?:does|do|is|are)\s+(?:${WORD}\s+){1,6}?(?:need|needs|require|requires|required|use|uses)\b`,
  'iu',
);

/** "best backup software for exchange 2019", "recommended antivirus for ex2016": what is to be recommended, up to three words. */
const RECOMMENDED = new RegExp(
  String.raw`^(?:(?:what|which)(?:'s|\s+is|\s+are)?\s+)?(?:the\s+|a\s+)?(?:best|recommended|good|top|preferred)\s+((?:${WORD}\s+){0,2}?${WORD})(?=\s+(?:for|on|with|in|to|under)\b|\s*[?.!,]|\s*$)`,
  'iu',
);
/** "which outlook versions work with exchange se": the product whose versions are asked, one or two words. */
const WORKS_WITH = new RegExp(
  String.raw`^(?:which|what)\s+((?:${WORD}\s+)?${WORD}?)\s+(?:versions?|releases?|builds?|clients?)\s+(?:work|works|run|runs|connect|connects|are supported|is supported|are compatible|is compatible)\s+(?:with|on|to|against)\b`,
  'iu',
);
/** "can exchange 2019 run on windows 11", "does exchange 2016 install on server 2025": the platform named, with its number. */
const RUNS_ON = new RegExp(
  String.raw`^(?:can|could|does|do|will|would|is|are)\s+(?:${WORD}\s+){1,5}?(?:run|runs|be run|install|be installed|installed|work)\s+on\s+((?:${WORD}\s+){0,2}?${WORD})(?=\s*[?.!,]|\s*$)`,
  'iu',
);
/** "when was exchange 2016 released", "exchange 2019 release date": a release date, which a passage must name as one. */
const RELEASE_DATE = /\b(released|release date|came out|come out|launched|launch date|ga date|general availability)\b/i;
/** "exchange 2019 cpu requirements", "ram requirements for exchange 2016": the one word before "requirements". */
const REQUIREMENT_OF = new RegExp(String.raw`(?:^|\s)(${WORD})\s+(?:requirements?|reqs|prereqs|sizing)\b`, 'iu');

/** "windows 10 end of support", "office 2016 eol": the release whose dates are asked (with its number). */
const LIFECYCLE_OF = new RegExp(
  String.raw`^(?:when (?:is|does|did|will)\s+)?((?:${WORD}\s+){0,2}?${WORD}\s+\d{1,4}(?:\.\d)?)\s+(?:end of (?:extended |mainstream )?support|end[- ]of[- ]life|eol|eos|lifecycle|support end|go(?:es)? (?:eol|out of support))\b`,
  'iu',
);

/**
 * Exchange Online, Office 365 and hybrid named in a question: another service than the on-premises servers a
 * passage speaks of, so a passage that never names it ("Microsoft 365 Apps" in a table of Outlook clients) is
 * no answer to "exchange 2019 hybrid with office 365 supported?".
 */
const ONLINE_SERVICE = /\b(exchange online|office 365|o365|hybrid)\b/i;
/**
 * Another server product named with its release ("lync 2013 edge server on windows 2012 r2", "sharepoint 2019 on
 * 2022"): its year is that product's, so a passage that never names the product (Exchange 2013's Edge row) is no
 * answer (session 11, q21).
 */
const OTHER_SERVER_PRODUCT = /\b(skype for business|lync|sharepoint|sql server|system center|dynamics crm|project server)(?:\s+server)?\s+(?:20\d\d|se)\b/i;

/**
 * The ideas of what a support or requirement question asks about that the passage shown does not
 * hold: then the passage is no answer, and the search offers suggestions instead.
 *
 * @example
 * missingAsked('does exchange 2016 support ipv6', passage, vocabulary); // ['ipv6'] when the passage is the lifecycle row
 */
export function missingAsked(question: string, passage: PassageAnswer, vocabulary: SearchVocabulary): string[] {
  const text = question.trim();
  const online = ONLINE_SERVICE.exec(text)?.[1];
  if (online) {
    const missing = passageHolds(passage, online, vocabulary, { keepGeneric: true });
    if (missing.length > 0) return missing;
  }
  const product = OTHER_SERVER_PRODUCT.exec(text)?.[1];
  if (product) {
    const missing = passageHolds(passage, product, vocabulary, { keepGeneric: true });
    if (missing.length > 0) return missing;
  }
  // An action ("support installing a front-end on a cluster node") is about the thing it acts on: the words after it.
  const focus = (
    SUPPORTS.exec(text)?.[1] ??
    SUPPORTED.exec(text)?.[1] ??
    NEEDS.exec(text)?.[1] ??
    WORKS_WITH.exec(text)?.[1] ??
    RECOMMENDED.exec(text)?.[1] ??
    REQUIREMENT_OF.exec(text)?.[1]
  )?.replace(/^\p{L}+ing\s+/iu, '');
  if (focus) return passageHolds(passage, focus, vocabulary);
  const platform = RUNS_ON.exec(text)?.[1];
  if (platform) return passageHolds(passage, platform, vocabulary, { keepGeneric: true });
  if (RELEASE_DATE.test(text)) return passageHolds(passage, 'released', vocabulary);
  // A release with its number: the product word counts too ("windows" in "windows 10"), as does the number.
  const release = LIFECYCLE_OF.exec(text)?.[1];
  return release ? passageHolds(passage, release, vocabulary, { keepGeneric: true }) : [];
}
