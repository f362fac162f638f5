import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { REPO_ROOT } from './paths';

/** Where and when the benchmarks ran, stamped on every result. */
export interface Machine {
  date: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  freeMemoryGB: number;
  commit: string;
  /** True when the working tree had uncommitted changes (the figures are then of that tree). */
  dirty: boolean;
  /** 1-minute load average when the run started: above the core count, other work shared the CPU. */
  loadAverage: number;
}

export function machine(): Machine {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const list = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain') !== '',
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}
