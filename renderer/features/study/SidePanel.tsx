import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measurement } from '../../viewer/measurements';
import { MeasurementPanel } from './MeasurementPanel';
import type { ViewportReport } from './ViewportCell';
import { TagBrowser } from './TagBrowser';

export type Tab = 'measurements' | 'tags' | 'report' | 'read';

/** The study screen's right panel: measurements of the study, the DICOM tags of the image shown, the reader's report (`answer`), or a screening read (`read`, in a screening session instead of the report). */
export function SidePanel({ report, measurements, answer, read, tab, onTab }: { report: ViewportReport | undefined; measurements: Measurement[]; answer: ReactNode; read?: ReactNode; tab?: Tab; onTab?: (tab: Tab) => void }) {
  const { t } = useTranslation();
  const [own, setOwn] = useState<Tab>('measurements');
  const shown = tab ?? own;
  const setTab = onTab ?? setOwn;
  const imageIds = report?.images.map((i) => i.imageId) ?? [];
  return (
    <aside className="side-panel" aria-label={t('viewer.panel.label')} data-testid="side-panel">
      <div className="side-tabs" role="tablist">
        {(read ? (['read', 'measurements', 'tags'] as const) : (['measurements', 'report', 'tags'] as const)).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={shown === name} data-testid={`tab-${name}`} onClick={() => setTab(name)}>
            {t(`viewer.${name}.title`)}
          </button>
        ))}
      </div>
      {shown === 'measurements' && <MeasurementPanel measurements={measurements} imageIds={imageIds} onShow={(index) => void report?.view.jumpTo(index).catch(() => undefined)} />}
      {shown === 'report' && answer}
      {shown === 'read' && read}
      {shown === 'tags' && <TagBrowser instance={report?.image?.instance} />}
    </aside>
  );
}
