import type { Token } from './text-tokens';

/**
 * Session 14 (o26): a platform typed as one word, as helpdesk tickets write it ("EX2016CU23 1xMBX WS2016STD DE",
 * "srv2016dc", "srv2012r2std"). Each glued word is read as the words it stands for: the parts are tokens of their own with
 * the offsets of their letters (no gap between them), so a phrase of the tables reads each ("srv2016" Windows Server 2016,
 * "std" its edition). A Windows edition glued to its release is spelled out ("dc" there is Datacenter, never a domain
 * controller), and "DE" right after a Windows edition or release is the Desktop Experience ("WS2016STD DE").
 * Only these shapes are split: every other word stays whole.
 */
const WINDOWS_AND_EDITION = /^((?:srv|ws|win|w|server|windows)(?:20\d\d|2k\d\d?)(?:r2)?)(std|standard|dc|datacenter|datacentre|ent|enterprise)$/;
const EXCHANGE_AND_UPDATE = /^((?:ex|exch|exchange|msx|e)(?:20\d\d|2k\d\d?))((?:cu|sp|ru)\d{1,2})$/;
const TALLY_AND_ROLE = /^(\d{1,2}x)(mbx|mailbox|cas|edge|hub|ht)$/;
const EDITION_WORDS: Readonly<Record<string, string>> = {
  std: 'std',
  standard: 'standard',
  dc: 'datacenter',
  datacenter: 'datacenter',
  datacentre: 'datacenter',
  ent: 'enterprise',
  enterprise: 'enterprise',
};
/** Words after which "DE" is the Desktop Experience: a Windows edition, or a release glued or said ("ws2016", "2016"). */
const BEFORE_DE = /^(?:std|standard|datacenter|dc|enterprise|(?:srv|ws|win|w|server|windows)?(?:20\d\d|2k\d\d?)(?:r2)?|r2)$/;

export function withGluedPlatform(tokens: Token[]): Token[] {
  if (!tokens.some((t) => /\d[a-z]|[a-z]\d/.test(t.text) || t.text === 'de')) return tokens;
  const out: Token[] = [];
  for (const token of tokens) {
    const parts = split(token.text);
    if (!parts) {
      out.push(token);
      continue;
    }
    let at = token.start;
    for (const [index, part] of parts.entries()) {
      const length = part.typedLength;
      const piece: Token = { text: part.text, raw: token.raw.slice(at - token.start, at - token.start + length), start: at, end: at + length };
      if (index === 0 && token.afterLineBreak) piece.afterLineBreak = true;
      out.push(piece);
      at += length;
    }
  }
  for (let i = 1; i < out.length; i += 1) if (out[i]!.text === 'de' && BEFORE_DE.test(out[i - 1]!.text)) out[i] = { ...out[i]!, text: 'gui' };
  return out;
}

function split(word: string): { text: string; typedLength: number }[] | undefined {
  const windows = WINDOWS_AND_EDITION.exec(word);
  if (windows)
    return [
      { text: windows[1]!, typedLength: windows[1]!.length },
      { text: EDITION_WORDS[windows[2]!]!, typedLength: windows[2]!.length },
    ];
  const pair = EXCHANGE_AND_UPDATE.exec(word) ?? TALLY_AND_ROLE.exec(word);
  if (pair)
    return [
      { text: pair[1]!, typedLength: pair[1]!.length },
      { text: pair[2]!, typedLength: pair[2]!.length },
    ];
  return undefined;
}
