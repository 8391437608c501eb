/** One benchmark figure: a measured value beside the reference it is compared with, from the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  reference: number;
  /** value / reference (or the ratio the figure is named after). */
  ratio: number;
  /** What the reference is and the goal, for the human-readable line. */
  note: string;
}

/** Prints figures: one JSON line each with --json, else an aligned human-readable line. */
export function printFigures(figures: Figure[], json = process.argv.includes('--json')): void {
  for (const f of figures) {
    if (json) {
      console.log(JSON.stringify({ name: f.name, value: round(f.value), unit: f.unit, reference: round(f.reference), ratio: round(f.ratio) }));
    } else {
      console.log(`${f.name.padEnd(28)} ${String(round(f.value)).padStart(9)} ${f.unit.padEnd(7)} vs ${String(round(f.reference)).padStart(9)} ${f.unit.padEnd(7)} ratio ${round(f.ratio)}  (${f.note})`);
    }
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}
