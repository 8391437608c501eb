import type { Page } from 'playwright-core';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * With BENCH_PROFILE=1: a CPU profile of the page around `task` (Chromium's Profiler over CDP),
 * printed as the functions taking the most self time, to see where a slow figure spends it.
 */
export async function profiled<T>(page: Page, label: string, task: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_PROFILE) return task();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const result = await task();
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  log(`  profile of ${label}: ${total.toFixed(0)} ms sampled`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) log(`    ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  await cdp.detach();
  return result;
}

