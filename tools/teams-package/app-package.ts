import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { appPackageRuleProblems } from './app-package-rules';
import { manifestSchemaProblems } from './manifest-schema';

/** The bundled app folder: `manifest.json` (a template with `${{MicrosoftAppId}}`) and the two icons. */
export const TEAMS_APP_DIR = join(__dirname, '..', '..', '..', 'teamsApp');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Zip entries get a fixed time so the same inputs always give the same bytes.
const ENTRY_DATE = new Date('2024-01-01T00:00:00Z');

/** A built (not yet written) Teams app package. */
export interface TeamsAppPackage {
  /** The manifest as it goes into the zip. */
  manifestJson: string;
  /** Every file of the zip by name, `manifest.json` included. */
  files: Map<string, Buffer>;
  /** Validation problems; the package must not be used unless this is empty. */
  problems: string[];
  /** The zip itself. */
  zip(): Promise<Buffer>;
}

/**
 * Fills `${{NAME}}` placeholders (the Teams Toolkit convention) from `variables`; placeholders
 * without a value stay, so validation reports them.
 */
export function renderManifest(template: string, variables: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{\{(\w+)\}\}/g, (placeholder, name: string) => variables[name] ?? placeholder);
}

/**
 * Builds the Teams app package from `sourceDir` (by default the bundled `teamsApp/`) for the bot's
 * app id, and validates it offline: the manifest against the JSON schema `@microsoft/app-manifest`
 * ships, then the rules Teams applies beyond the schema (see `app-package-rules.ts`).
 */
export async function buildTeamsAppPackage(options: { appId: string; sourceDir?: string }): Promise<TeamsAppPackage> {
  const sourceDir = options.sourceDir ?? TEAMS_APP_DIR;
  const problems: string[] = [];
  if (!GUID.test(options.appId)) problems.push(`the app id must be the bot's Microsoft App ID (a GUID), got "${options.appId}"`);

  const manifestJson = renderManifest(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), { MicrosoftAppId: options.appId });
  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(manifestJson, 'utf8')]]);
  problems.push(...(await manifestSchemaProblems(manifestJson)));
  const manifest = parseObject(manifestJson);
  if (manifest) {
    const icons = (manifest.icons ?? {}) as Record<string, unknown>;
    for (const name of [icons.color, icons.outline]) {
      // Icons are named relative to the manifest; Teams wants them at the zip's root beside it.
      if (typeof name !== 'string' || /[\\/]/.test(name)) continue;
      try {
        files.set(name, readFileSync(join(sourceDir, name)));
      } catch {
        // The rules report the missing file.
      }
    }
    problems.push(...appPackageRuleProblems({ manifest, files }));
  }
  return {
    manifestJson,
    files,
    problems,
    zip: async () => {
      const zip = new JSZip();
      for (const [name, data] of files) zip.file(name, data, { date: ENTRY_DATE });
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    },
  };
}

function parseObject(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
