import { join } from 'node:path';

/**
 * The two hosts of the same bot (README, "Two hosts"): botbuilder (`npm start`) and the Microsoft 365
 * Agents SDK (`npm run start:agents`). Protocol tests run once per host: a test file loops over
 * {@link HOSTS} around its `describe`, rather than being copied.
 */
export const HOSTS = ['botbuilder', 'agents'] as const;
export type HostName = (typeof HOSTS)[number];

/** The built entry point each host's npm script runs. */
export const HOST_ENTRIES: Record<HostName, string> = {
  botbuilder: join(__dirname, '..', '..', 'bot', 'index.js'),
  agents: join(__dirname, '..', '..', 'bot', 'agents-index.js'),
};

/** "on the botbuilder host" / "on the agents host", for describe titles. */
export function onHost(host: HostName): string {
  return `on the ${host} host`;
}
