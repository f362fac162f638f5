import { refuseContradictingAgentsSettings } from './hosts/agents/agents-settings-check';
import { runBotMain } from './run-bot';

// `npm run start:agents`: the same bot on the Microsoft 365 Agents SDK (README, "Two hosts"), from the
// same settings; the SDK's own variables (clientId, Connections__*, ...) are refused when they would
// say something else.
void runBotMain('agents', refuseContradictingAgentsSettings);
