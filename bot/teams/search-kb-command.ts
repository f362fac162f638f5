/**
 * The "Search KB" message-extension command as `teamsApp/manifest.json` declares it. The handler
 * and the package checks both read these, so the manifest and the bot cannot drift apart; this
 * module imports nothing, so the packaging script loads no more than it needs.
 */
export const SEARCH_KB_COMMAND_ID = 'searchKb';

/** The command's one parameter: what the user types in the compose box. */
export const SEARCH_KB_PARAMETER = 'query';
