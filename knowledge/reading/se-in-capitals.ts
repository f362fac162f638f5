/**
 * "se dag of 2 on 2025", "se cu1 mailbox on 2022 std": Exchange SE typed in lower case. The acronym SE is matched in
 * capitals only (lower-case "se" is a word in other languages and a Windows "Standard Edition" suffix), so a lower-case
 * "se" right before a word only an Exchange setup uses is written in capitals, same length, before the phrases are read.
 * "w2k3 se server" then reads as Windows's Standard Edition, as "W2K3 SE" does (readSeAfterWindows).
 */
const SE_BEFORE_EXCHANGE_WORD =
  /\bse(?=[ \t]+(?:dags?|mailbox(?:es)?|mbx\w*|rtm|cu ?\d{1,2}\b|edge|members?|nodes?|servers?|box(?:es)?|org\b|organi[sz]ation|environment|install\w*|deployment|migration|upgrade|coexist\w*|hybrid|cas\b|database|dbs?\b|single\b|standalone|standard\s+edition|enterprise\s+edition|on\s+(?:windows|win\b|ws\s?20|server\s?20|20(?:19|22|25)\b))\b)/g;

/** The text with a lower-case "se" before an Exchange word in capitals; the same length as the text. */
export function withSeInCapitals(text: string): string {
  return text.includes('se') ? text.replace(SE_BEFORE_EXCHANGE_WORD, 'SE') : text;
}
