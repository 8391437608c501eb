import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { IdentityFlag } from '../../../app/identity';
import type { NodeSummary } from '../../../app/ipc/contract';
import type { ReadState } from '../../cache/readState';
import { WorklistRow } from './WorklistRow';

const ROW_HEIGHT = 33;
const COLUMNS = ['urgency', 'patient', 'patientId', 'birthDate', 'date', 'modality', 'description', 'node', 'read'] as const;

/**
 * The studies to read, virtualised (only the visible rows are in the DOM, so ten thousand studies
 * scroll smoothly): arrows, Page Up/Down, Home/End move the selection, Enter opens the study,
 * U marks it as new (unread).
 */
export function WorklistTable(props: {
  studies: StudySummary[];
  flags?: Map<number, IdentityFlag>;
  nodes: NodeSummary[];
  selected: number;
  readOf: (s: StudySummary) => ReadState | undefined;
  onSelect: (i: number) => void;
  onOpen: (s: StudySummary) => void;
  onMarkNew: (s: StudySummary) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.studies.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const nodeName = (id: string) => props.nodes.find((n) => n.id === id)?.name ?? id;

  useEffect(() => {
    virtualizer.scrollToIndex(props.selected, { align: 'auto' });
  }, [props.selected, virtualizer]);

  const onKeyDown = (e: KeyboardEvent) => {
    const last = props.studies.length - 1;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) props.onSelect(Math.max(0, Math.min(last, props.selected + moves[e.key]!)));
    else if (e.key === 'Enter' && props.studies[props.selected]) props.onOpen(props.studies[props.selected]!);
    else if ((e.key === 'u' || e.key === 'U') && props.studies[props.selected]) props.onMarkNew(props.studies[props.selected]!);
    else return;
    e.preventDefault();
  };

  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="table-wrap" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} data-testid="worklist-table" data-count={props.studies.length} aria-label={t('worklist.title')}>
      <table className="worklist" aria-rowcount={props.studies.length + 1}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c}>{t(`worklist.col.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr className="spacer" style={{ height: before }} aria-hidden="true" />}
          {items.map((item) => (
            <WorklistRow
              key={item.key}
              index={item.index}
              study={props.studies[item.index]!}
              nodeName={nodeName(props.studies[item.index]!.nodeId)}
              flag={props.flags?.get(item.index)}
              describeNode={nodeName}
              selected={item.index === props.selected}
              readState={props.readOf(props.studies[item.index]!)}
              onSelect={props.onSelect}
              onOpen={props.onOpen}
              onMarkNew={props.onMarkNew}
            />
          ))}
          {after > 0 && <tr className="spacer" style={{ height: after }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
