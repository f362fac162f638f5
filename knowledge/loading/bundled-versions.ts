/**
 * Versions of the packages whose behaviour is part of a cache key (MiniSearch for the prebuilt index,
 * yaml for the saved YAML values, marked for the saved article sections), as `npm run package` writes them into the bundled server with
 * esbuild's `define`. The bundle runs with no node_modules to read a package.json from; a tsc build
 * has no such constant and reads the installed package instead.
 */
declare const BUNDLED_PACKAGE_VERSIONS: Readonly<Record<string, string>> | undefined;

/** The version the bundle was built with, or undefined outside a bundle. */
export function bundledVersion(name: 'minisearch' | 'yaml' | 'marked'): string | undefined {
  return typeof BUNDLED_PACKAGE_VERSIONS === 'undefined' ? undefined : BUNDLED_PACKAGE_VERSIONS[name];
}
