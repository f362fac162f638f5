import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, TeamsManifestConverter, type TeamsManifest } from '@microsoft/app-manifest';

// `https://developer.microsoft.com/[en-us/]json-schemas/teams/v1.30/MicrosoftTeams.schema.json`
const TEAMS_SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v(\d+\.\d+|DevPreview)\/MicrosoftTeams\.schema\.json$/;

/**
 * The file of the Teams manifest JSON schema that `@microsoft/app-manifest` ships for a `$schema`
 * URL, or undefined when the package has no copy (the URL would have to be downloaded).
 */
export function bundledSchemaFile(schemaUrl: string): string | undefined {
  const version = TEAMS_SCHEMA_URL.exec(schemaUrl)?.[1];
  if (!version) return undefined;
  // The package's entry point is build/index.js; its schemas are in build/json-schemas/.
  const file = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  return existsSync(file) ? file : undefined;
}

/**
 * Validates a Teams app manifest (JSON text) with `@microsoft/app-manifest`, offline: its typed
 * converter for that manifest version, then the JSON schema it ships for the manifest's `$schema`,
 * compiled with the package's own ajv set-up. The schema is read from the package and passed in
 * explicitly, because the package downloads the schema when given none. Returns the problems, one
 * sentence each; empty means valid.
 */
export async function manifestSchemaProblems(manifestJson: string): Promise<string[]> {
  let manifest: { $schema?: unknown; manifestVersion?: unknown };
  try {
    manifest = JSON.parse(manifestJson) as typeof manifest;
  } catch (error) {
    return [`manifest.json is not valid JSON: ${(error as Error).message}`];
  }
  const schemaUrl = typeof manifest.$schema === 'string' ? manifest.$schema : '';
  const schemaFile = bundledSchemaFile(schemaUrl);
  if (!schemaFile) {
    return [
      `$schema "${schemaUrl}" is not a Teams manifest schema that @microsoft/app-manifest ships offline; use https://developer.microsoft.com/json-schemas/teams/v<version>/MicrosoftTeams.schema.json`,
    ];
  }
  const schemaVersion = TEAMS_SCHEMA_URL.exec(schemaUrl)![1];
  const problems: string[] = [];
  if (manifest.manifestVersion !== schemaVersion && !(schemaVersion === 'DevPreview' && manifest.manifestVersion === 'devPreview')) {
    problems.push(`manifestVersion is ${JSON.stringify(manifest.manifestVersion)} but $schema is the v${schemaVersion} schema`);
  }
  try {
    TeamsManifestConverter.jsonToManifest(manifestJson);
  } catch (error) {
    problems.push(`@microsoft/app-manifest type check: ${(error as Error).message}`);
  }
  // Two escapes in some published schemas are not valid JSON string escapes; the package makes the
  // same replacement when it loads a schema itself.
  const schemaText = readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(schemaText) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  const schemaProblems = await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, schema);
  problems.push(...schemaProblems.map((p) => `schema: ${p.trim()}`));
  return problems;
}
