import { PNG } from 'pngjs';
import { SEARCH_KB_COMMAND_ID, SEARCH_KB_PARAMETER } from '../../bot/teams/search-kb-command';

/** What goes into the app package zip: the manifest (parsed) and every file by its name in the zip. */
export interface AppPackageContents {
  manifest: Record<string, unknown>;
  files: ReadonlyMap<string, Buffer>;
}

// Sizes Teams requires; Developer Portal and sideloading reject other sizes.
const COLOR_ICON_SIZE = 192;
const OUTLINE_ICON_SIZE = 32;

/**
 * The checks a JSON schema cannot express, which Teams (Developer Portal validation, sideloading)
 * or this bot rely on: icon files present with the right size, the outline icon white on
 * transparent, no unfilled `${{...}}` placeholder, the bot and the message extension registered
 * under the app's own id, and the message-extension command the bot's handler answers.
 * Returns the problems, one sentence each.
 */
export function appPackageRuleProblems({ manifest, files }: AppPackageContents): string[] {
  const problems: string[] = [];
  const placeholders = [...JSON.stringify(manifest).matchAll(/\$\{\{([^}]*)\}\}/g)].map((m) => m[1]);
  if (placeholders.length > 0) problems.push(`unfilled placeholders: ${[...new Set(placeholders)].join(', ')}`);

  const appId = manifest.id;
  const bots = arrayOf(manifest.bots);
  const extensions = arrayOf(manifest.composeExtensions);
  for (const [i, bot] of bots.entries()) if (bot.botId !== appId) problems.push(`bots[${i}].botId must be the app id ${String(appId)} (the Azure Bot's app id)`);
  for (const [i, extension] of extensions.entries()) {
    if (extension.botId !== appId) problems.push(`composeExtensions[${i}].botId must be the app id ${String(appId)}`);
  }
  for (const [i, list] of bots.flatMap((b) => arrayOf(b.commandLists)).entries()) {
    const titles = arrayOf(list.commands).map((c) => String(c.title).toLowerCase());
    const repeated = titles.filter((t, j) => titles.indexOf(t) !== j);
    if (repeated.length > 0) problems.push(`command list ${i} repeats ${repeated.join(', ')}`);
  }
  const search = extensions.flatMap((e) => arrayOf(e.commands)).find((c) => c.id === SEARCH_KB_COMMAND_ID);
  if (!search) problems.push(`no message-extension command "${SEARCH_KB_COMMAND_ID}", the one the bot answers`);
  else {
    if (search.type !== undefined && search.type !== 'query') problems.push(`command "${SEARCH_KB_COMMAND_ID}" must be a query (search) command`);
    if (!arrayOf(search.parameters).some((p) => p.name === SEARCH_KB_PARAMETER)) {
      problems.push(`command "${SEARCH_KB_COMMAND_ID}" must have the parameter "${SEARCH_KB_PARAMETER}", which the bot reads`);
    }
  }

  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  problems.push(...iconProblems('color', icons.color, files, COLOR_ICON_SIZE, false));
  problems.push(...iconProblems('outline', icons.outline, files, OUTLINE_ICON_SIZE, true));

  const expected = new Set(['manifest.json', icons.color, icons.outline]);
  for (const name of files.keys()) if (!expected.has(name)) problems.push(`unexpected file ${name} in the package`);
  return problems;
}

function iconProblems(kind: string, name: unknown, files: ReadonlyMap<string, Buffer>, size: number, whiteOnTransparent: boolean): string[] {
  if (typeof name !== 'string') return [`icons.${kind} is missing`];
  const data = files.get(name);
  if (!data) return [`icons.${kind}: ${name} is not in the package`];
  let image: PNG;
  try {
    // pngjs reads every colour type and bit depth and gives 8-bit RGBA.
    image = PNG.sync.read(data);
  } catch (error) {
    return [`icons.${kind}: ${name} cannot be read as a PNG: ${(error as Error).message}`];
  }
  if (image.width !== size || image.height !== size) return [`icons.${kind}: ${name} is ${image.width}x${image.height}, Teams requires ${size}x${size}`];
  if (!whiteOnTransparent) return [];
  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b, a] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) coloured++;
  }
  const problems: string[] = [];
  if (coloured > 0) problems.push(`icons.${kind}: ${name} has ${coloured} pixels that are neither white nor transparent; Teams requires white on transparent`);
  if (transparent === 0) problems.push(`icons.${kind}: ${name} has no transparent background`);
  if (transparent === size * size) problems.push(`icons.${kind}: ${name} is empty (fully transparent)`);
  return problems;
}

function arrayOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
}
