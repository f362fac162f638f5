import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import type { OwnerRecords } from '../../bot/records/owner-records';
import type { OwnerRecord, RecordKind } from '../../knowledge/owners/records';
import { messageActivity } from './activities';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Records of a kind from yesterday to tomorrow (UTC): everything a test just caused. */
export function recentRecords<K extends RecordKind>(records: OwnerRecords, kind: K): Promise<Array<Extract<OwnerRecord, { kind: K }>>> {
  return records.list(kind, new Date(Date.now() - DAY_MS), new Date(Date.now() + DAY_MS)) as Promise<Array<Extract<OwnerRecord, { kind: K }>>>;
}

/** A turn context outside any bot (records are written at once there), for a message with `overrides`. */
export function turnContext(overrides: Partial<Activity> = {}): TurnContext {
  return new TurnContext(new TestAdapter(), messageActivity('a question', overrides) as Activity);
}
