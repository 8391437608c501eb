import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeDicomJson, filterTagRows, type TagRow } from '../../../app/dicom/describeDicomJson';
import type { DicomJsonDataset } from '../../../app/dicomweb';

function Rows({ rows, depth }: { rows: TagRow[]; depth: number }) {
  return (
    <>
      {rows.map((row) => (
        <TagLine key={row.tag} row={row} depth={depth} />
      ))}
    </>
  );
}

function TagLine({ row, depth }: { row: TagRow; depth: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="tag-row" data-tag={row.tag} data-keyword={row.keyword ?? ''} style={{ paddingLeft: depth * 12 }}>
      <span className="tag-id">{row.tag}</span>
      <span className="tag-keyword">{row.keyword ?? t('viewer.tags.private')}</span>
      <span className="tag-vr">{row.vr}</span>
      {row.items ? (
        <button type="button" className="tag-expand" data-testid="tag-expand" aria-expanded={open} aria-label={open ? t('viewer.tags.collapse') : t('viewer.tags.expand')} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span className="tag-value" data-field="value">
          {row.binary ? t('viewer.tags.binary') : row.text}
        </span>
      )}
      {open && row.items && (
        <ul>
          {row.items.map((item, k) => (
            <li key={k} data-testid="tag-item">
              <span className="muted">{t('viewer.tags.item', { index: k + 1 })}</span>
              <ul>
                <Rows rows={item} depth={depth + 1} />
              </ul>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The DICOM attributes of the image shown (its instance's metadata), filterable, sequences expandable. */
export function TagBrowser({ instance }: { instance: DicomJsonDataset | undefined }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const rows = useMemo(() => (instance ? describeDicomJson(instance) : []), [instance]);
  if (!instance) return <p className="muted panel-empty">{t('viewer.tags.none')}</p>;
  return (
    <div className="tag-browser" data-testid="tag-browser">
      <input type="search" value={query} placeholder={t('viewer.tags.filter')} aria-label={t('viewer.tags.filter')} data-testid="tag-filter" onChange={(e) => setQuery(e.target.value)} />
      <ul className="tag-rows">
        <Rows rows={filterTagRows(rows, query)} depth={0} />
      </ul>
    </div>
  );
}
