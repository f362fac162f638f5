import type { IncomingActivity, InvokeResponse } from './activity';
import type { TurnChannel } from './turn-context';

/**
 * The conversation core as a host sees it: one call per activity that passed authentication. It
 * runs the whole turn (duplicate and rate checks, Teams specifics, dialogs, state saved with
 * optimistic concurrency, replies released once the state is saved, owner records) and resolves
 * with the invoke response, if the activity is an invoke that has one. It does not throw for a
 * turn's own failure: that is logged and the user told (TURN_ERROR_MESSAGE), as a host's turn
 * error handler did before.
 */
export interface ConversationBot {
  run(activity: IncomingActivity, channel: TurnChannel): Promise<InvokeResponse | undefined>;
}

/**
 * One SDK's part of `POST /api/messages` (bot/hosts/<sdk>/): checking the request's token as that
 * SDK does, then running the turn through it. Everything else (body and activity checks, limits,
 * timeouts, the turn's own work) is the same for every host.
 *
 * `A` is whatever the SDK's authentication yields (claims, a connector factory); the endpoint only
 * passes it from one call to the other.
 */
export interface ActivityHost<A = unknown> {
  /**
   * Checks the `Authorization` header (possibly empty) for `activity`; throws when refused, and the
   * endpoint answers 401 without saying why. Without an app id (local mode) every request passes.
   */
  authenticate(activity: IncomingActivity, authorization: string): Promise<A>;
  /**
   * Runs `bot` for the authenticated activity through the SDK (which sends the replies) and
   * resolves with what the HTTP response carries: an invoke's response, the replies for
   * `expectReplies`, or undefined for a plain 200.
   */
  runTurn(authentication: A, activity: IncomingActivity, bot: ConversationBot): Promise<InvokeResponse | undefined>;
}
