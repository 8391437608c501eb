import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Jiffies of every core since boot, from Linux's /proc/stat: busy (not idle or waiting) and all. */
interface CpuSample {
  busy: number;
  all: number;
}

/** CPU the whole machine used during a phase: core-seconds busy, out of cores × seconds. */
export interface CpuUse {
  busySeconds: number;
  cores: number;
  /** Busy cores on average (0 to `cores`). */
  busyCores: number;
}

function sample(): CpuSample | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, all: busy + idle + iowait };
}

/**
 * Measures the machine's CPU use while `task` runs (every process: the PACS, the gateway and the
 * browser share the cores), so that a throughput figure shows whether it was bound by the CPU.
 * `cpu` is undefined where /proc/stat is not available.
 */
export async function withMachineCpu<T>(task: () => Promise<T>): Promise<{ result: T; cpu?: CpuUse }> {
  const before = sample();
  const started = performance.now();
  const result = await task();
  const seconds = (performance.now() - started) / 1000;
  const after = sample();
  if (!before || !after || after.all === before.all) return { result };
  const cores = availableParallelism();
  const busyCores = (cores * (after.busy - before.busy)) / (after.all - before.all);
  return { result, cpu: { busySeconds: busyCores * seconds, cores, busyCores } };
}

/** `3.8 cpu-s, 1.9 of 2 cores busy`, or '' without a measure. */
export function formatCpu(cpu: CpuUse | undefined): string {
  return cpu ? `${cpu.busySeconds.toFixed(1)} cpu-s, ${cpu.busyCores.toFixed(1)} of ${cpu.cores} cores busy` : '';
}
