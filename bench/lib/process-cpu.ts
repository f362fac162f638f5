import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clockTicks: number | undefined;

/** CPU milliseconds a running process has used (user + system, all its threads), from /proc on Linux; undefined elsewhere. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    // Fields after the command name: state is the 1st, utime the 12th, stime the 13th (in clock ticks).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}
