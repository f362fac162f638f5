/**
 * The release artifact's one bundle (tools/release/build-release.ts): both hosts' start, so that
 * `server.js` (botbuilder) and `agents-server.js` (the Microsoft 365 Agents SDK) share one bot.js
 * instead of two bundles of nearly the same code. The Agents SDK is loaded only by the host that uses it.
 */
export { runBotMain } from './run-bot';
export { refuseContradictingAgentsSettings } from './hosts/agents/agents-settings-check';
// server.js logs what became of the code cache (release-loader.ts) in the bot's own log format.
export { jsonLogger } from './log';
