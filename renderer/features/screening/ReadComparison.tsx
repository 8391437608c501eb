import { useTranslation } from 'react-i18next';
import { BREASTS, type ScreeningCaseAnswer } from '../../../app/screening';

/** The reads of a case side by side, per breast, the differences marked (a recall difference makes the case discordant). */
export function ReadComparison({ answer }: { answer: ScreeningCaseAnswer }) {
  const { t } = useTranslation();
  const reads = [...answer.reads].sort((a, b) => ['first', 'second', 'arbitration'].indexOf(a.role) - ['first', 'second', 'arbitration'].indexOf(b.role));
  const differs = (breast: 'R' | 'L', field: 'recall' | 'assessment' | 'density') => answer.comparison?.breasts.find((b) => b.breast === breast)?.[field] ?? false;
  return (
    <div className="read-comparison" data-testid="read-comparison" data-discordant={answer.comparison?.discordant ?? false}>
      {answer.comparison && <p className={answer.comparison.discordant ? 'error' : 'muted'} data-testid="read-concordance">{t(answer.comparison.discordant ? 'screening.discordant' : 'screening.concordant')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('screening.reader')}</th>
            {BREASTS.map((b) => (
              <th key={b}>{t(`screening.breast.${b}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reads.map((read) => (
            <tr key={read.SOPInstanceUID} data-testid="read-row" data-role={read.role}>
              <td>
                {t(`screening.role.${read.role}`)} — {read.reader.familyName} {read.reader.givenName}
              </td>
              {BREASTS.map((b) => {
                const breast = read.breasts[b];
                return (
                  <td key={b} data-testid={`read-row-${b}`}>
                    <span className={differs(b, 'assessment') ? 'read-differs' : undefined}>{t('screening.biradsShort', { n: breast.assessment })}</span>
                    {breast.density && <span className={differs(b, 'density') ? 'read-differs' : undefined}> · {breast.density.toUpperCase()}</span>}
                    <span className={differs(b, 'recall') ? 'read-differs' : undefined} data-recall={read.recalled[b]}>
                      {' · '}
                      {t(read.recalled[b] ? 'screening.recalled' : 'screening.notRecalled')}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
