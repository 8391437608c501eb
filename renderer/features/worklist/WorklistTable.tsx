import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDicomDate, formatDicomTime, formatPersonName } from '../../../app/dicom/formatPersonName';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { NodeSummary } from '../../../app/ipc/contract';

/** The studies to read: arrows move the selection, Enter opens the selected study. */
export function WorklistTable(props: { studies: StudySummary[]; nodes: NodeSummary[]; selected: number; onSelect: (i: number) => void; onOpen: (s: StudySummary) => void }) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  const nodeName = (id: string) => props.nodes.find((n) => n.id === id)?.name ?? id;

  useEffect(() => {
    body.current?.querySelector<HTMLElement>(`[data-index="${props.selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [props.selected]);

  const onKeyDown = (e: KeyboardEvent) => {
    const last = props.studies.length - 1;
    if (e.key === 'ArrowDown') props.onSelect(Math.min(last, props.selected + 1));
    else if (e.key === 'ArrowUp') props.onSelect(Math.max(0, props.selected - 1));
    else if (e.key === 'Home') props.onSelect(0);
    else if (e.key === 'End') props.onSelect(last);
    else if (e.key === 'Enter' && props.studies[props.selected]) props.onOpen(props.studies[props.selected]!);
    else return;
    e.preventDefault();
  };

  return (
    <div className="table-wrap" tabIndex={0} onKeyDown={onKeyDown} data-testid="worklist-table" aria-label={t('worklist.title')}>
      <table className="worklist">
        <thead>
          <tr>
            <th>{t('worklist.col.urgency')}</th>
            <th>{t('worklist.col.patient')}</th>
            <th>{t('worklist.col.patientId')}</th>
            <th>{t('worklist.col.birthDate')}</th>
            <th>{t('worklist.col.date')}</th>
            <th>{t('worklist.col.modality')}</th>
            <th>{t('worklist.col.description')}</th>
            <th>{t('worklist.col.node')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {props.studies.map((s, i) => (
            <tr
              key={`${s.nodeId}/${s.StudyInstanceUID}`}
              data-index={i}
              data-study={s.StudyInstanceUID}
              className={i === props.selected ? 'selected' : undefined}
              aria-selected={i === props.selected}
              onClick={() => props.onSelect(i)}
              onDoubleClick={() => props.onOpen(s)}
            >
              <td>
                <span className={`urgency urgency-${(s.RequestedProcedurePriority ?? 'ROUTINE').toLowerCase()}`}>
                  {t(`worklist.priority.${s.RequestedProcedurePriority ?? 'ROUTINE'}`)}
                </span>
              </td>
              <td className="patient-name">{formatPersonName(s.PatientName)}</td>
              <td>
                {s.PatientID}
                {s.IssuerOfPatientID && <span className="muted issuer">{s.IssuerOfPatientID}</span>}
              </td>
              <td>{formatDicomDate(s.PatientBirthDate)}</td>
              <td>{t('worklist.dateTime', { date: formatDicomDate(s.StudyDate), time: formatDicomTime(s.StudyTime) })}</td>
              <td>{s.ModalitiesInStudy.join(', ')}</td>
              <td>{s.StudyDescription}</td>
              <td>{nodeName(s.nodeId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
