import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDicomDate, formatDicomTime, formatPersonName } from '../../../app/dicom/formatPersonName';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { IdentityFlag } from '../../../app/identity';
import { SyncBadge } from '../../sync';
import type { ReadState } from '../../cache/readState';
import { OfflineBadge } from './OfflineBadge';
import { IdentityBadge } from './IdentityBadge';
import { ReadStateBadge } from './ReadStateBadge';

/** One study of the worklist: urgency, patient as its node identifies them, study, node, read state. */
export const WorklistRow = memo(function WorklistRow(props: {
  index: number;
  study: StudySummary;
  nodeName: string;
  flag?: IdentityFlag;
  describeNode: (id: string) => string;
  selected: boolean;
  readState: ReadState | undefined;
  onSelect: (i: number) => void;
  onOpen: (s: StudySummary) => void;
  onMarkNew: (s: StudySummary) => void;
}) {
  const { t } = useTranslation();
  const s = props.study;
  const priority = s.RequestedProcedurePriority ?? 'ROUTINE';
  return (
    <tr
      data-index={props.index}
      data-study={s.StudyInstanceUID}
      data-offline={'offline' in s && s.offline ? 'true' : undefined}
      aria-rowindex={props.index + 2}
      className={props.selected ? 'selected' : undefined}
      aria-selected={props.selected}
      onClick={() => props.onSelect(props.index)}
      onDoubleClick={() => props.onOpen(s)}
    >
      <td>
        <span className={`urgency urgency-${priority.toLowerCase()}`}>{t(`worklist.priority.${priority}`)}</span>
      </td>
      <td className="patient-name">{formatPersonName(s.PatientName)}</td>
      <td>
        {s.PatientID}
        {s.IssuerOfPatientID && <span className="muted issuer">{s.IssuerOfPatientID}</span>}
        {props.flag && <IdentityBadge flag={props.flag} describeNode={props.describeNode} />}
      </td>
      <td>{formatDicomDate(s.PatientBirthDate)}</td>
      <td>{t('worklist.dateTime', { date: formatDicomDate(s.StudyDate), time: formatDicomTime(s.StudyTime) })}</td>
      <td>{s.ModalitiesInStudy.join(', ')}</td>
      <td className="description">{s.StudyDescription}</td>
      <td>
        {props.nodeName} <OfflineBadge study={s} /> <SyncBadge nodeId={s.nodeId} StudyInstanceUID={s.StudyInstanceUID} />
      </td>
      <td>
        <ReadStateBadge study={s} state={props.readState} onMarkNew={props.onMarkNew} />
      </td>
    </tr>
  );
});
