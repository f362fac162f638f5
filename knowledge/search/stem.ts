/**
 * A deliberately small English suffix stripper, applied alike to articles and questions so that
 * "mailboxes", "clustered" and "servers" meet "mailbox", "cluster" and "server". Full stemmers
 * (Porter) over-merge technical words ("exchange" / "exchanged" is fine, "nodes" / "node" too, but
 * "policy" / "police" is not), so only the common inflections are handled.
 *
 * @example
 * stem('mailboxes'); // 'mailbox'
 * stem('clustering'); // 'cluster'
 * stem('handled'); // 'handl', as stem('handle')
 */
export function stem(word: string): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length >= 7) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length >= 6) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return dropFinalE(word.slice(0, -1));
  return dropFinalE(word);
}

// "handle" → "handl", so that it meets "handled" → "handl" and "handles" → "handl" (Porter's final-e
// step). Four-letter stems keep it: "node" and "nodes" already agree.
function dropFinalE(word: string): string {
  return word.length >= 5 && word.endsWith('e') ? word.slice(0, -1) : word;
}

// "planned" → "plann" → "plan", so that it meets "plan".
function undouble(word: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(word) && !/(?:ll|ss)$/.test(word) ? word.slice(0, -1) : word;
}
