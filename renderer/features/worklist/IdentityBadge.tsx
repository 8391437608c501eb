import { useTranslation } from 'react-i18next';
import { formatPersonName } from '../../../app/dicom/formatPersonName';
import type { IdentityFlag } from '../../../app/identity';

/**
 * Says that this study's patient is linked to another identity — the same national identifier,
 * probably the same person, or a conflict to check — and names the other identities. Nothing is
 * merged: the reader decides.
 */
export function IdentityBadge({ flag, describeNode }: { flag: IdentityFlag; describeNode: (id: string) => string }) {
  const { t } = useTranslation();
  const others = flag.others
    .map((o) => t('worklist.identity.other', { name: formatPersonName(o.PatientName), id: o.PatientID ?? '?', issuer: o.IssuerOfPatientID ?? describeNode(o.nodeId), node: describeNode(o.nodeId) }))
    .join('; ');
  return (
    <span className={`identity-flag identity-${flag.strength}`} data-identity={flag.strength} title={t(`worklist.identity.title.${flag.strength}`, { others })}>
      {t(`worklist.identity.badge.${flag.strength}`)}
    </span>
  );
}
