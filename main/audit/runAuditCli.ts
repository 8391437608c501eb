import { verifyAuditFile } from './verifyAuditFile';

const USAGE = 'usage: npm run audit -- verify <file>';

/**
 * Runs the audit CLI with `args` (without node and script path): `verify <file>`.
 * Writes results through `out`, problems through `err`.
 * @returns the exit code: 0 chain intact, 1 chain broken, 2 usage error or unreadable file
 */
export async function runAuditCli(args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, file, ...rest] = args;
  if (command !== 'verify' || file === undefined || rest.length > 0) {
    err(USAGE);
    return 2;
  }
  let result;
  try {
    result = await verifyAuditFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') err(`audit log not found: ${file}`);
    else if (code === 'EISDIR') err(`not a file: ${file}`);
    else err(`cannot read audit log ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (result.ok) {
    out(`OK: ${result.count} records, chain intact`);
    return 0;
  }
  out(`BROKEN at line ${result.line}: ${result.reason}`);
  return 1;
}
