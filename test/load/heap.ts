import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full, synchronous garbage collection without starting Node with --expose-gc: the flag is set
 * at run time and the `gc` function taken from a fresh context, where V8 then installs it.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

let gc: (() => void) | undefined;

/** Heap in use after full garbage collections, until it stops shrinking (finalizers can free more on a second pass). */
export async function settledHeapBytes(): Promise<number> {
  gc ??= collector();
  let previous = Infinity;
  for (let pass = 0; pass < 10; pass += 1) {
    // Let pending callbacks and closed sockets release what they hold before collecting.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const used = process.memoryUsage().heapUsed;
    if (used >= previous - 64 * 1024) return Math.min(used, previous);
    previous = used;
  }
  return previous;
}
