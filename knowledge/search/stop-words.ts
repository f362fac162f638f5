// English function words that carry no topic. Kept short and explicit rather than imported: the
// big general-purpose lists also drop words such as "not", "server" or "first" that matter here.
const STOP_WORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his
how i if in into is it its itself just me more most my no nor of off on once only or other our ours out over own
same she should so some such than that the their theirs them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your yours
hi hello hey please thanks thank want wanna need know tell explain define ok okay im whats pls plz
per via another also etc eg ie dont doesnt didnt isnt arent wont cant couldnt shouldnt wouldnt ive youre let lets`.split(/\s+/),
);

/** True for English function words that say nothing about the topic of a question. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
