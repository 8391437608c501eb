import { useTranslation } from 'react-i18next';
import type { KeyImageRef } from '../../../app/report';

/** The report's key images: a click shows one, × removes it while the report is being written. */
export function KeyImageList(props: { images: KeyImageRef[]; editing: boolean; onShow?: ((SOPInstanceUID: string) => void) | undefined; onRemove: (image: KeyImageRef) => void }) {
  const { t } = useTranslation();
  return (
    <div className="report-key-images">
      <h4>{t('report.keyImages', { count: props.images.length })}</h4>
      {props.images.length === 0 ? (
        <p className="muted">{t('report.keyImagesHint')}</p>
      ) : (
        <ol data-testid="key-image-list">
          {props.images.map((image) => (
            <li key={`${image.SOPInstanceUID}-${image.frame ?? 1}`} data-testid="key-image" data-sop={image.SOPInstanceUID}>
              <button type="button" className="link" onClick={() => props.onShow?.(image.SOPInstanceUID)}>
                {t('report.keyImage', { sop: image.SOPInstanceUID.slice(-12), frame: image.frame ?? 1 })}
              </button>
              {props.editing && (
                <button type="button" aria-label={t('report.removeKeyImage')} onClick={() => props.onRemove(image)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
