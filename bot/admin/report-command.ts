import type { TurnContext } from '../../dialogs/turn';
import { parseDateRange } from '../../knowledge/owners/date-range';
import { buildReportInSlices, reportMarkdown } from '../../knowledge/owners/report';
import type { Logger } from '../log';
import type { OwnerRecords } from '../records/owner-records';

const REPORT_COMMAND = /^(?:kb|knowledge) report(?:\s+(\S+))?(?:\s+(?:to\s+)?(\S+))?$/i;
/** Teams refuses messages much over 28 KB; the full report is `npm run kb:report`'s. */
const MAX_CHAT_REPORT = 20_000;

/**
 * The report in chat shares the event loop with every other user's turn: its grouping runs in
 * slices of 20 ms and stops after 500 ms with what it has (the rest of the report is linear).
 */
const CHAT_REPORT_TIME = { sliceMs: 20, budgetMs: 500 };

export const REPORT_REFUSED = "Sorry, the knowledge report is only for the bot's operators. If you need it, ask your helpdesk lead.";

/**
 * "kb report [from] [to]" in chat: the knowledge owners' report for the bot's operators, who are
 * named by their Teams AAD object id (ADMIN_AAD_OBJECT_IDS). Everyone else, and every other
 * channel (where no AAD identity is vouched for), gets a polite refusal, which is logged.
 */
export class ReportCommand {
  private readonly admins: ReadonlySet<string>;

  constructor(
    private readonly records: OwnerRecords,
    admins: readonly string[],
    private readonly log: Logger,
  ) {
    this.admins = new Set(admins.map((id) => id.toLowerCase()));
  }

  /** Answers the command if this message is one; false otherwise. */
  async handle(context: TurnContext): Promise<boolean> {
    const match = REPORT_COMMAND.exec((context.activity.text ?? '').trim());
    if (!match) return false;
    const { activity } = context;
    const aad: unknown = activity.from?.aadObjectId;
    const aadObjectId = typeof aad === 'string' ? aad.toLowerCase() : undefined;
    const conversationId = activity.conversation?.id?.slice(0, 200);
    if (activity.channelId !== 'msteams' || !aadObjectId || !this.admins.has(aadObjectId)) {
      this.log('warn', 'admin command refused', {
        command: 'kb report',
        channel: activity.channelId,
        conversationId,
        user: aadObjectId ? this.records.hashId(aadObjectId) : undefined,
      });
      await context.sendActivity(REPORT_REFUSED);
      return true;
    }
    let range;
    try {
      range = parseDateRange(match[1], match[2]);
    } catch (error) {
      await context.sendActivity(`${(error as Error).message}. Write it as **kb report 2026-11-01 2026-11-30**.`);
      return true;
    }
    this.log('info', 'admin command', { command: 'kb report', conversationId });
    const report = await buildReportInSlices(await this.records.listAll(range.from, range.to), range, CHAT_REPORT_TIME);
    // The chat text is cut at MAX_CHAT_REPORT anyway: rendering every row of a long table would only cost time.
    const markdown = reportMarkdown({ ...report, unanswered: report.unanswered.slice(0, 300), dislikes: report.dislikes.slice(0, 300) });
    const text = markdown.length <= MAX_CHAT_REPORT ? markdown : `${markdown.slice(0, MAX_CHAT_REPORT)}\n\n… (cut short: \`npm run kb:report\` writes the whole report)`;
    await context.sendActivity({ text, textFormat: 'markdown' });
    return true;
  }
}
