import { join } from 'node:path';
import { bundledKnowledgeDir } from '../../knowledge';

/** The repository root (the folder with package.json), wherever the compiled bench runs from. */
export const REPO_ROOT = join(bundledKnowledgeDir(), '..');
/** Labelled sets and other bench inputs live in the source folder, not in dist/. */
export const BENCH_DIR = join(REPO_ROOT, 'bench');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
/** Scratch space for generated corpora and knowledge copies (git-ignored, removed after use). */
export const TMP_DIR = join(BENCH_DIR, 'tmp');
/** Compiled entry points. */
export const DIST_DIR = join(REPO_ROOT, 'dist');
