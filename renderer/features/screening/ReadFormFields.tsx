import { useTranslation } from 'react-i18next';
import { ASSESSMENTS, BREASTS, DENSITIES, type Assessment, type Breast, type Density } from '../../../app/screening';

/** The form as the reader fills it: per breast an assessment (required), a composition and a recall box. */
export type FormState = Record<Breast, { assessment?: Assessment; density?: Density; recall: boolean }>;

export const EMPTY_FORM: FormState = { R: { recall: false }, L: { recall: false } };

/** A normal case: both breasts BI-RADS 1, no recall, the composition kept as given. */
export function normalForm(form: FormState): FormState {
  return { R: { ...form.R, assessment: 1, recall: false }, L: { ...form.L, assessment: 1, recall: false } };
}

/** The per-breast fields of the read form (right breast on the left of the screen, as the images hang). */
export function ReadFormFields({ form, onChange, disabled }: { form: FormState; onChange: (form: FormState) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const set = (breast: Breast, patch: Partial<FormState[Breast]>) => onChange({ ...form, [breast]: { ...form[breast], ...patch } });
  return (
    <div className="read-breasts">
      {BREASTS.map((breast) => (
        <fieldset key={breast} className="read-breast" data-testid={`read-breast-${breast}`} disabled={disabled}>
          <legend>{t(`screening.breast.${breast}`)}</legend>
          <div className="read-choices" role="radiogroup" aria-label={t('screening.assessment')}>
            {ASSESSMENTS.map((a) => (
              <button key={a} type="button" role="radio" aria-checked={form[breast].assessment === a} data-testid={`read-${breast}-birads-${a}`} title={t(`screening.birads.${a}`)} onClick={() => set(breast, { assessment: a })}>
                {a}
              </button>
            ))}
          </div>
          <div className="read-choices" role="radiogroup" aria-label={t('screening.density')}>
            {DENSITIES.map((d) => (
              <button key={d} type="button" role="radio" aria-checked={form[breast].density === d} data-testid={`read-${breast}-density-${d}`} title={t(`screening.densityOf.${d}`)} onClick={() => set(breast, { density: form[breast].density === d ? undefined : d })}>
                {d.toUpperCase()}
              </button>
            ))}
          </div>
          <label className="read-recall">
            <input type="checkbox" checked={form[breast].recall} data-testid={`read-${breast}-recall`} onChange={(e) => set(breast, { recall: e.target.checked })} />
            {t('screening.recall')}
          </label>
        </fieldset>
      ))}
    </div>
  );
}
