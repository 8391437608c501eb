import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_GRID } from './readerLayout';

/**
 * The layout picker of the toolbar: the grid in use (rows × columns), and a 3 × 3 board to choose
 * from 1 × 1 to 3 × 3 (hovering shows the choice). 1 × 1 is the single viewport.
 */
export function LayoutPicker({ rows, columns, disabled, onPick }: { rows: number; columns: number; disabled: boolean; onPick: (rows: number, columns: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [hover, setHover] = useState<[number, number]>([rows, columns]);
  const sizes = Array.from({ length: MAX_GRID * MAX_GRID }, (_, k) => [Math.floor(k / MAX_GRID) + 1, (k % MAX_GRID) + 1] as const);
  return (
    <div className="layout-picker">
      <button type="button" data-testid="layout-picker" aria-expanded={open} disabled={disabled} title={t('viewer.layout.pick')} onClick={() => setOpen(!open)}>
        {t('viewer.layout.grid', { rows, columns })}
      </button>
      {open && (
        <div className="layout-board" role="menu" aria-label={t('viewer.layout.pick')} onMouseLeave={() => setHover([rows, columns])}>
          {sizes.map(([r, c]) => (
            <button
              key={`${r}x${c}`}
              type="button"
              role="menuitem"
              data-testid={`layout-${r}x${c}`}
              className={r <= hover[0] && c <= hover[1] ? 'lit' : undefined}
              aria-label={t('viewer.layout.grid', { rows: r, columns: c })}
              onMouseEnter={() => setHover([r, c])}
              onFocus={() => setHover([r, c])}
              onClick={() => {
                onPick(r, c);
                setOpen(false);
              }}
            />
          ))}
          <span className="layout-board-label">{t('viewer.layout.grid', { rows: hover[0], columns: hover[1] })}</span>
        </div>
      )}
    </div>
  );
}
