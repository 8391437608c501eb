import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measurement } from '../../viewer/measurements';
import { MeasurementPanel } from './MeasurementPanel';
import type { ViewportReport } from './ViewportCell';
import { TagBrowser } from './TagBrowser';

/** The study screen's right panel: measurements of the study, or the DICOM tags of the image shown. */
export function SidePanel({ report, measurements }: { report: ViewportReport | undefined; measurements: Measurement[] }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'measurements' | 'tags'>('measurements');
  const imageIds = report?.images.map((i) => i.imageId) ?? [];
  return (
    <aside className="side-panel" aria-label={t('viewer.panel.label')} data-testid="side-panel">
      <div className="side-tabs" role="tablist">
        {(['measurements', 'tags'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`tab-${name}`} onClick={() => setTab(name)}>
            {t(`viewer.${name}.title`)}
          </button>
        ))}
      </div>
      {tab === 'measurements' ? (
        <MeasurementPanel measurements={measurements} imageIds={imageIds} onShow={(index) => void report?.view.jumpTo(index).catch(() => undefined)} />
      ) : (
        <TagBrowser instance={report?.image?.instance} />
      )}
    </aside>
  );
}
