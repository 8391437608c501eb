import { toDicomDate } from '../../../app/dicom/formatPersonName';
import type { NodeSummary } from '../../../app/ipc/contract';
import type { WorklistFilter } from '../../gateway/searchStudies';

/**
 * Default search of an on-call worklist: studies since yesterday (StudyDate (0008,0020) range
 * matching, PS3.4 C.2.2.2.5), in local time. Folders and CDs (and the demo archive) have no
 * "tonight": with only such nodes, no date limit.
 */
export function defaultFilter(nodes: readonly Pick<NodeSummary, 'kind'>[], now = new Date()): WorklistFilter {
  if (nodes.length > 0 && nodes.every((n) => n.kind === 'folder')) return {};
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  return { fromDate: toDicomDate(yesterday) };
}
