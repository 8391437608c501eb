import { compareReads, recallsCase } from './concordance';
import { professionalKey } from './readerKey';
import { caseStage } from './screeningCase';
import type { ScreeningProgramme } from './screeningProgramme';
import type { SubmittedRead } from './screeningTypes';

/** One reader's figures over the closed cases of a period. */
export interface ReaderStatistics {
  reader: string;
  professionalId: string;
  /** First and second reads given (the double reading itself). */
  reads: number;
  /** Of these, reads that recalled. */
  recalls: number;
  /** Of these, reads in cases where the two readers disagreed. */
  discordant: number;
  /** Of the discordant ones, those where the arbitration decided as this reader had. */
  upheldByArbitration: number;
  /** Arbitrations this reader gave. */
  arbitrations: number;
}

/**
 * Reader statistics (screening quality assurance) from the reads of many cases: only closed cases
 * count, so that no figure says anything of a case still being read blind.
 */
export function readerStatistics(cases: readonly (readonly SubmittedRead[])[], programme: ScreeningProgramme): ReaderStatistics[] {
  const byReader = new Map<string, ReaderStatistics>();
  const row = (read: SubmittedRead) => {
    const key = professionalKey(read.reader);
    let r = byReader.get(key);
    if (!r) byReader.set(key, (r = { reader: `${read.reader.familyName} ${read.reader.givenName}`.trim(), professionalId: read.reader.professionalId, reads: 0, recalls: 0, discordant: 0, upheldByArbitration: 0, arbitrations: 0 }));
    return r;
  };
  for (const reads of cases) {
    const stage = caseStage(reads, programme);
    if (stage.stage !== 'closed') continue;
    const last = (role: SubmittedRead['role']) => reads.filter((r) => r.role === role).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime()).at(-1);
    const first = last('first');
    const second = last('second');
    const arbitration = last('arbitration');
    const discordant = !!first && !!second && compareReads(first, second, programme).discordant;
    for (const read of [first, second]) {
      if (!read) continue;
      const r = row(read);
      r.reads += 1;
      if (recallsCase(read, programme)) r.recalls += 1;
      if (discordant) {
        r.discordant += 1;
        if (stage.by === 'arbitration' && recallsCase(read, programme) === stage.recall) r.upheldByArbitration += 1;
      }
    }
    if (arbitration && stage.by === 'arbitration') row(arbitration).arbitrations += 1;
  }
  return [...byReader.values()].sort((a, b) => a.reader.localeCompare(b.reader));
}

const csvCell = (value: string | number) => (typeof value === 'number' ? String(value) : /[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const rate = (n: number, of: number) => (of === 0 ? '' : (n / of).toFixed(3));

/** The statistics as CSV (RFC 4180, comma-separated, rates as fractions), one line per reader. */
export function readerStatisticsCsv(rows: readonly ReaderStatistics[]): string {
  const header = ['reader', 'professional_id', 'reads', 'recalls', 'recall_rate', 'discordant', 'discordance_rate', 'upheld_by_arbitration', 'arbitrations'];
  const lines = rows.map((r) => [r.reader, r.professionalId, r.reads, r.recalls, rate(r.recalls, r.reads), r.discordant, rate(r.discordant, r.reads), r.upheldByArbitration, r.arbitrations].map((v) => csvCell(v)).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
