import { strict as assert } from 'node:assert';
import { CardReplies, RETRY_NOTICE } from '../../bot/cards/card-replies';
import { memoryLogger } from '../../bot/log';
import { OwnerRecords } from '../../bot/records/owner-records';
import { MemoryRecordStore } from '../../bot/records/record-store';
import { MainDialog } from '../../dialogs/main-dialog';
import { InMemorySuggestionPicks } from '../../dialogs/replies';
import { SupportCheckDialog, type SupportCheckOptions } from '../../dialogs/support-check-dialog';
import { type Dimension, type KnowledgeBase } from '../../knowledge';
import { DialogTestClient } from './dialog-test-client';
import { factSetAfter, firstText, isCard, textBlocks, triageSummaryOf, type Reply } from './card-reading';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** The bundled knowledge base, loaded once for all tests that read it (it is read-only). */
export function kb(): KnowledgeBase {
  return sharedKnowledgeBase();
}

export function dimension(id: string): Dimension {
  const found = kb().dimensions.find((d) => d.id === id);
  assert.ok(found, `no dimension "${id}" in the knowledge base`);
  return found;
}

export function question(id: string): string {
  return dimension(id).question;
}

export const RETRY_TEXT = RETRY_NOTICE;

/** The root dialog wired as the bot wires it: real knowledge, real cards, real unanswered-question log. */
export function mainClient(): { client: DialogTestClient; unanswered: OwnerRecords; logger: ReturnType<typeof memoryLogger>; picks: InMemorySuggestionPicks } {
  const logger = memoryLogger();
  const unanswered = new OwnerRecords(new MemoryRecordStore(), logger);
  const picks = new InMemorySuggestionPicks();
  const dialog = new MainDialog(kb(), new CardReplies(kb()), unanswered, undefined, picks);
  return { client: new DialogTestClient('test', dialog), unanswered, logger, picks };
}

/** The guided check on its own, optionally started with known facts. */
export function checkClient(options?: SupportCheckOptions): DialogTestClient<SupportCheckOptions> {
  return new DialogTestClient('test', new SupportCheckDialog(kb(), new CardReplies(kb())), options);
}

/** Which question a card asks, and whether it is the "didn't recognise" retry; undefined for other replies. */
export function askedQuestion(reply: Reply): { dimension: string; retry: boolean } | undefined {
  if (!isCard(reply)) return undefined;
  const texts = textBlocks(reply);
  const retry = texts[0] === RETRY_TEXT;
  const heading = retry ? texts[1] : texts[0];
  const asked = kb().dimensions.find((d) => d.question === heading);
  return asked ? { dimension: asked.id, retry } : undefined;
}

/** Asserts that `reply` is the (first-time) question card for dimension `id`. */
export function assertAsks(reply: Reply, id: string, retry = false): void {
  assert.deepEqual(askedQuestion(reply), { dimension: id, retry }, `expected the ${retry ? 'retry ' : ''}question for "${id}", got ${describeReply(reply)}`);
}

/**
 * The facts a card says are known, as dimension id → value id: the "Known so far" FactSet of a
 * question card, or every answered line of a verdict card's triage summary.
 */
export function shownFacts(reply: Reply): Record<string, string> {
  const byLabel = (dimensionLabel: string, valueLabel: string): [string, string] => {
    const d = kb().dimensions.find((x) => x.label === dimensionLabel);
    assert.ok(d, `unknown dimension label "${dimensionLabel}"`);
    // A count ("Nodes or DAG members: 4") is its own value.
    if (d.type === 'number' && /^\d+$/.test(valueLabel)) return [d.id, valueLabel];
    const v = d.values.find((x) => x.label === valueLabel);
    assert.ok(v, `unknown value label "${valueLabel}" for ${d.id}`);
    return [d.id, v.id];
  };
  if (askedQuestion(reply)) {
    const known = factSetAfter(reply, 'Known so far') ?? {};
    return Object.fromEntries(Object.entries(known).map(([t, v]) => byLabel(t, v)));
  }
  const facts: Record<string, string> = {};
  for (const line of triageSummaryOf(reply).split('\n')) {
    const d = kb().dimensions.find((x) => line.startsWith(`${x.label}: `));
    if (!d) continue;
    const value = line.slice(d.label.length + 2);
    if (value.startsWith('not asked')) continue;
    const [id, valueId] = byLabel(d.label, value);
    facts[id] = valueId;
  }
  return facts;
}

/** A short description of a reply for assertion messages. */
export function describeReply(reply: Reply): string {
  if (!reply) return 'no reply';
  if (isCard(reply)) return `card "${firstText(reply)}"`;
  return `text ${JSON.stringify(reply.text)}`;
}
