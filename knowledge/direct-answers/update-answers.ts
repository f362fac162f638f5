import { buildName, releaseMonth, type BuildRow } from '../rules/exchange-builds';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { label, longDate, statusWords, type AnswerTables } from './table-access';

/** No article holds the build table; the lifecycle article's update paths (CU14/CU15 to SE) are nearest. */
const BUILDS_ARTICLE = 'EXB-011';

/** What a version's updates are called: Exchange 2013 and later ship cumulative updates, the earlier ones service packs. */
function updateKind(row: BuildRow): string {
  if (row.update.startsWith('cu')) return 'cumulative update';
  if (row.update.startsWith('sp')) return 'service pack';
  return 'release';
}

/** "CU15 (build 15.2.1748.10), released February 2025", hedged when the row rests on a third-party copy. */
function rowText(tables: Pick<AnswerTables, 'builds'>, row: BuildRow): string {
  return `${buildName(row).replace(/^Exchange (Server )?\S+ /, '')} (build ${row.build}), released ${releaseMonth(row.released)}${hedge(tables, row)}`;
}

/** How sure a row is, said in the sentence a helpdesk agent pastes. */
function hedge(tables: Pick<AnswerTables, 'builds'>, row: BuildRow): string {
  const status = tables.builds.source(row.source)?.status;
  return status === 'read-3p' ? " (according to a third-party copy of Microsoft's build list)" : status === 'recalled' ? ' (recalled, not confirmed)' : '';
}

function sourceOf(tables: Pick<AnswerTables, 'builds'>, rows: readonly BuildRow[]): DirectAnswer['sources'] {
  const found = [...new Set(rows.map((r) => r.source))].map((id) => tables.builds.source(id)).filter((s) => s !== undefined);
  const byStatus = new Map<string, string[]>();
  for (const s of found) byStatus.set(s.status, [...(byStatus.get(s.status) ?? []), s.title]);
  return [...byStatus].map(([status, titles]) => ({ status: statusWords(status as Parameters<typeof statusWords>[0]), label: titles.join('; ') }));
}

/**
 * "latest cu for exchange 2019", "last service pack of exchange 2010": the version's last update in the
 * build table (knowledge/data/exchange-builds.yaml, the table that reads a server's build number), with
 * its build and release month, then its latest security update or rollup and what still gets them.
 */
export function latestUpdateAnswer(tables: Pick<AnswerTables, 'builds' | 'dimensions' | 'lifecycle'>, question: DirectQuestion, today: string): DirectAnswer | undefined {
  const version = question.subject.version;
  if (!version) return undefined;
  const latest = tables.builds.latestUpdates(version);
  if (!latest) return undefined;
  const name = label(tables, 'version', version);
  const kind = updateKind(latest.latest);
  const answer =
    kind === 'release' ? `${name} has had one release so far: ${rowText(tables, latest.latest)}.` : `The latest ${kind} of ${name} is ${rowText(tables, latest.latest)}.`;
  const details: string[] = [];
  const su = latest.latestSecurityUpdate;
  if (su) details.push(`Its latest security update or rollup in the table: ${buildName(su)} (build ${su.build}), released ${releaseMonth(su.released)}.`);
  const end = tables.lifecycle.find((e) => e.dimension === 'version' && e.value === version)?.endOfSupport;
  const updated = latest.stillUpdated.map((r) => r.update.toUpperCase()).join(' and ');
  if (latest.stillUpdated.length > 0)
    details.push(
      end !== undefined && end < today
        ? `The last security updates were for ${updated} only.`
        : `Security updates ship for ${updated} only: keep every server on ${latest.stillUpdated.length > 1 ? 'one of them' : 'it'}.`,
    );
  return {
    question,
    answer,
    details,
    sources: sourceOf(tables, [latest.latest, ...(su ? [su] : [])]),
    articleId: BUILDS_ARTICLE,
    checkFacts: { version },
  };
}

/** The update a question types ("cu2", "CU 14", "service pack 1", "rtm"), as the build table names updates, or undefined. */
// "exchange 2010 with no service pack", "without any service pack" (session 12, q22): the release itself, its RTM.
const TYPED_UPDATE = /\b(?:(cu|cumulative update)\s?(\d{1,2})|(sp|service pack)\s?(\d)|(rtm|no service packs?|without (?:a |any )?service packs?|with no sp|without any sps?))\b/i;

/** A rollup typed after a service pack ("sp3 ru11", "update rollup 10"). */
const TYPED_ROLLUP = /\b(?:ru|update rollup|rollup)\s?(\d{1,2})\b/i;

export function typedUpdate(text: string): string | undefined {
  const found = TYPED_UPDATE.exec(text);
  if (!found) return undefined;
  if (found[2] !== undefined) return `cu${Number(found[2])}`;
  if (found[4] !== undefined) return `sp${found[4]}`;
  return 'rtm';
}

/** "when did 2019 CU14 come out": the release month of a named update, from the same build table. */
export function updateReleasedAnswer(tables: Pick<AnswerTables, 'builds' | 'dimensions'>, question: DirectQuestion): DirectAnswer | undefined {
  const { version } = question.subject;
  // "exchange 2019 release date": the version's RTM row (`other`), when no update is named.
  const update = question.subject.update ?? question.other;
  if (!version || !update) return undefined;
  // The update as typed ("2013 cu2", "2013 SP1"): the check's level (RTM to CU3, SP1 or later) covers several rows of the table.
  const typed = question.subject.update === undefined ? undefined : typedUpdate(question.text);
  // "when will exchange se cu1 be released": an update typed that no level of the check holds is one the table may not have
  // either (a future one): its own row or no answer, never the version's RTM (q20).
  const unread = question.subject.update === undefined ? typedUpdate(question.text) : undefined;
  const own =
    typed !== undefined
      ? tables.builds.canonicalUpdate(version, typed)
      : unread !== undefined && unread !== 'rtm'
        ? tables.builds.canonicalUpdate(version, unread)
        : update.replace(/^e\d{4}-|^se-/, '');
  if (own === undefined) return undefined;
  const base = tables.builds.updatesOf(version).find((r) => r.update === own);
  if (!base) return undefined;
  // "when did exchange 2010 sp3 ru11 ship": the rollup's own row (the last re-release, RU8v2), never the service pack's date (w8's set P, q20).
  const rollup = TYPED_ROLLUP.exec(question.text)?.[1];
  const row =
    rollup === undefined
      ? base
      : tables.builds.rows.filter((r) => r.version === version && r.update === own && new RegExp(`^RU${Number(rollup)}(?:v\\d)?$`, 'i').test(r.su ?? '')).at(-1);
  if (!row) return undefined;
  return {
    question,
    // A version's own release (its RTM row, "exchange 2019 release date") is given to the day the table has.
    answer:
      question.subject.update === undefined && (unread === undefined || unread === 'rtm')
        ? `${buildName(row)} was released on ${longDate(row.released)} (build ${row.build})${hedge(tables, row)}.`
        : `${buildName(row)} was released in ${releaseMonth(row.released)} (build ${row.build})${hedge(tables, row)}.`,
    details: [],
    sources: sourceOf(tables, [row]),
    articleId: BUILDS_ARTICLE,
    checkFacts: { version, update },
  };
}
