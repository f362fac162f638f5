/**
 * The Agents SDK reads settings of its own from the environment (`clientId`, `clientSecret`,
 * `tenantId`, `authType`, `Connections__<name>__Settings__*`, `CloudAdapterOptions__*`,
 * `OutboundHostValidator__*`) and merges them under, or in place of, what the host gives it. The bot
 * reads its credentials from the `MicrosoftApp*` settings only, for both hosts, so one `.env`
 * serves both: an SDK setting that would say something else stops the Agents host at start, with
 * one line naming the variable.
 */
const SAME_AS: Record<string, string> = {
  clientid: 'MicrosoftAppId',
  clientsecret: 'MicrosoftAppPassword',
  tenantid: 'MicrosoftAppTenantId',
};
const SDK_SECTIONS = /^(connections__|connectionsmap__|cloudadapteroptions__|outboundhostvalidator__)/i;

/** Throws with one line naming the first SDK setting that contradicts the bot's own, or that the bot does not read. */
export function refuseContradictingAgentsSettings(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    const ours = SAME_AS[name.toLowerCase()];
    if (ours !== undefined) {
      if ((env[ours] ?? '') !== value) {
        throw new Error(`${name} contradicts ${ours}: the bot reads its credentials from ${ours} for both hosts; remove ${name} or set ${ours} to the same value`);
      }
    } else if (name.toLowerCase() === 'authtype') {
      throw new Error(`${name} is not read by this bot: MicrosoftAppType (MultiTenant, SingleTenant or UserAssignedMSI) sets the Agents SDK's authType; remove ${name}`);
    } else if (SDK_SECTIONS.test(name)) {
      throw new Error(`${name} is not read by this bot: the Agents host takes its connection from the MicrosoftApp* settings; remove ${name}`);
    }
  }
}
