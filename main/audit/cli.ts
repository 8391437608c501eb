/**
 * Audit log command line: `npm run audit -- verify <file>`.
 *
 * Prints `OK: N records, chain intact` (exit 0), `BROKEN at line N: reason`
 * (exit 1), or a usage / file error on stderr (exit 2).
 */
import { runAuditCli } from './runAuditCli';

runAuditCli(process.argv.slice(2), (line) => console.log(line), (line) => console.error(line)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
