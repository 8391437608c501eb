import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingOfImage, FINDING_KINDS, type FindingKind, type ScreeningFinding } from '../../../app/screening';
import type { ImagePick } from '../study';

/** Subscribes to the reader's clicks on the images; returns the unsubscribe. */
export type ImageClicks = (listener: (pick: ImagePick) => void) => () => void;

/**
 * The findings of a read: a kind is chosen, then a click on a view of the current examination
 * marks it there (breast and view taken from the image). Each finding can be removed.
 */
export function FindingMarks({ StudyInstanceUID, onImageClick, findings, onChange }: { StudyInstanceUID: string; onImageClick: ImageClicks; findings: ScreeningFinding[]; onChange: (findings: ScreeningFinding[]) => void }) {
  const { t } = useTranslation();
  const [marking, setMarking] = useState<FindingKind>();
  const [problem, setProblem] = useState<string>();
  // A click on a view while a kind is chosen marks it there; clicks otherwise are not findings.
  useEffect(
    () =>
      onImageClick((pick) => {
        if (!marking) return;
        if (pick.StudyInstanceUID !== StudyInstanceUID) return setProblem(t('screening.findings.notCurrent'));
        const result = findingOfImage(marking, pick.image, pick.instance, pick.point);
        if ('problem' in result) return setProblem(t('screening.findings.noLaterality'));
        setProblem(undefined);
        setMarking(undefined);
        onChange([...findings, result.finding]);
      }),
    [onImageClick, marking, StudyInstanceUID, findings, onChange, t],
  );
  return (
    <div className="read-findings" data-testid="read-findings" data-marking={marking ?? ''}>
      <div className="read-choices">
        {FINDING_KINDS.map((kind) => (
          <button key={kind} type="button" aria-pressed={marking === kind} data-testid={`finding-${kind}`} onClick={() => setMarking(marking === kind ? undefined : kind)}>
            {t(`screening.findings.${kind}`)}
          </button>
        ))}
      </div>
      {marking && <p className="muted">{t('screening.findings.click')}</p>}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.image.SOPInstanceUID}-${i}`} data-testid="finding" data-laterality={f.laterality} data-view={f.view}>
            {t('screening.findings.item', { kind: t(`screening.findings.${f.kind}`), breast: t(`screening.breast.${f.laterality}`), view: f.view })}
            <button type="button" data-testid="finding-remove" onClick={() => onChange(findings.filter((_, k) => k !== i))}>
              {t('screening.findings.remove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
