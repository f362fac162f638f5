/** A year that has been both an Exchange version and a Windows release (or only Windows), right after "on". */
const ON_BARE_YEAR = /\bon (20(?:00|03|08|12|16|19|22|25)(?:\s?r2)?)\b/gi;
/** A product named by name: the message then says itself which year is whose. */
const NAMES_PRODUCT = /\b(?:exchange|exch|ex|e2k\w*|ex20\d\d|ex2k\w*|se|windows|win\d*|w2k\w*|ws20\d\d|server|os)\b/i;

/**
 * "and on 2016?", "what if on 2019?" after a verdict on a setup whose Exchange version is known (session 15, q25): a bare year
 * after "on" is where the servers run, the Windows release; read as typed, 2016 and 2019 changed the Exchange version instead
 * (an Exchange 2010 DAG "on 2016" was judged as an Exchange 2016 DAG). A message naming a product by name is left as typed.
 */
export function withWindowsYearAfterOn(text: string): string {
  return NAMES_PRODUCT.test(text) ? text : text.replace(ON_BARE_YEAR, 'on windows server $1');
}
