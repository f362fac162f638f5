/**
 * Session 13 (o25): a ticket or mail pasted with its sign-off and signature ("Thanks,\nJohn Smith | IT Service Desk\nMCSA
 * Windows Server 2012", "--\nKind regards\nAnna | Windows Server 2019 migration project"). What follows the sign-off names the
 * sender, never the setup: a Windows release there is no second release of the servers. Blanked (same length, line breaks
 * kept) from the sign-off line to the end; only after a line that says something before it, and only when the sign-off
 * stands on a line of its own.
 */
const SIGN_OFF =
  /^[ \t]*(?:--+|—|_{2,}|(?:many |best |kind |warm |with )?(?:thanks|thank you|thx|cheers|regards|wishes)(?: (?:a lot|in advance|and regards))?|(?:best|kind|warm|kindest|best) regards|best|br|rgds|sincerely|yours sincerely)[ \t]*[,.!]?[ \t]*$/im;

export function blankSignature(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  let offset = lines[0]!.length + 1;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    // A sign-off after at least one line with words, and followed by the signature (or nothing).
    if (SIGN_OFF.test(line) && lines.slice(0, i).some((l) => /[a-z0-9]/i.test(l))) return text.slice(0, offset) + text.slice(offset).replace(/[^\n]/g, ' ');
    offset += line.length + 1;
  }
  return text;
}
