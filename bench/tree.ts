/**
 * What a process and everything it started use, read from Linux's /proc while
 * they run (0 elsewhere): memory now, and CPU time so far. The browser's CPU
 * counts here, which the process's own rusage leaves out: Chromium's renderers
 * are not its children's children once it is killed, and no rusage sees them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface Task {
  parent: number;
  /** User plus system time, in clock ticks. */
  ticks: number;
}

/** Every process on the machine, by pid. */
function tasks(): Map<number, Task> {
  const all = new Map<number, Task>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command (which may hold spaces): state, ppid, …, utime (14th), stime (15th).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while being read.
    }
  }
  return all;
}

/** `pid` and its descendants. */
function descendants(pid: number, all: Map<number, Task>): number[] {
  const children = new Map<number, number[]>();
  for (const [child, task] of all) children.set(task.parent, [...(children.get(task.parent) ?? []), child]);
  const found: number[] = [];
  for (const queue = [pid]; queue.length; ) {
    const next = queue.pop()!;
    found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

/**
 * Memory of `pid` and all its descendants, in MB: the sum of their proportional
 * set sizes, so pages the browser's processes share are counted once.
 */
export function treeMemoryMB(pid: number): number {
  if (!existsSync('/proc/self/smaps_rollup')) return 0;
  let kilobytes = 0;
  for (const next of descendants(pid, tasks())) {
    try {
      kilobytes += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${next}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kilobytes / 1024;
}

/**
 * CPU time of `pid` and the processes under it (`pid` itself left out unless
 * `withRoot`), sampled: call
 * `sample()` every so often while they run, and `ms()` at the end. Each
 * process counts with the last time it was seen at, so one that ends between
 * two samples loses at most the time since the last.
 */
export function treeCpu(pid: number, withRoot: boolean): { sample: () => void; ms: () => number } {
  const seen = new Map<number, number>();
  return {
    sample() {
      if (!existsSync('/proc/self/stat')) return;
      const all = tasks();
      for (const next of descendants(pid, all)) if (withRoot || next !== pid) seen.set(next, all.get(next)?.ticks ?? seen.get(next) ?? 0);
    },
    // /proc counts in ticks of 1/100 s on Linux (USER_HZ).
    ms: () => [...seen.values()].reduce((sum, ticks) => sum + ticks, 0) * 10,
  };
}
