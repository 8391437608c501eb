import { useTranslation } from 'react-i18next';
import type { OpenLinkOutcome } from './useOpenLink';

/** Says what an open-study link did when it could not simply open the study. */
export function OpenLinkNotice({ outcome }: { outcome: OpenLinkOutcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'searching') return <p className="notice" role="status" data-testid="open-link-notice">{t('openLink.searching')}</p>;
  if (outcome.kind === 'not-found') return <p className="notice error" role="alert" data-testid="open-link-notice">{t('openLink.notFound')}</p>;
  if (outcome.kind === 'choose') return <p className="notice" role="status" data-testid="open-link-notice">{t('openLink.choose')}</p>;
  if (outcome.kind === 'failed') return <p className="notice error" role="alert" data-testid="open-link-notice">{t('openLink.failed', { message: outcome.message })}</p>;
  return null;
}
