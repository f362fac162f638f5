/**
 * Session 13 (d25, w9-red-05): a mail's closing disclaimer ("This email and any attachments are confidential. If you are
 * not a domain controller administrator please delete it.") says nothing of the setup; read, its "not a domain controller"
 * undid "DR-MBX2 also hosts the DR site's domain controller role" said above it. From the line where such a notice starts
 * to the end, the text is blanked with spaces (line breaks kept, same length).
 */
const DISCLAIMER =
  /(?:^|\n)[^\n]*?\b(?:this (?:e-?mail|message|communication)\b[^\n]{0,80}?\b(?:is |are )?(?:confidential|privileged|intended (?:only|solely))|if you are not (?:the|a|an)\b[^\n]{0,80}?\b(?:recipient|delete|notify|destroy))/i;

export function withoutMailDisclaimer(text: string): string {
  const found = DISCLAIMER.exec(text);
  if (!found) return text;
  const start = found.index + (found[0].startsWith('\n') ? 1 : 0);
  return text.slice(0, start) + text.slice(start).replace(/[^\n]/g, ' ');
}
