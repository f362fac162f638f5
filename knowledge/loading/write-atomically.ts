import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file kb:build saves for the next start through a temporary file and a rename, so a
 * starting bot reads the old file or the new one, never half of one. Returns its path and size.
 */
export function writeAtomically(file: string, text: string): { file: string; bytes: number } {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return { file, bytes: Buffer.byteLength(text) };
}
