import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { initCornerstone, type ViewerStatus } from '../../viewer/initCornerstone';

/** Starts the image viewer and says, in the user's language, whether it can display images. */
export function ViewerStatusLine() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ViewerStatus | undefined>();
  useEffect(() => {
    let live = true;
    void initCornerstone().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  if (!status) return <p className="viewer-status" data-testid="viewer-status" data-state="checking">{t('viewer.status.checking')}</p>;
  if (status.ok) {
    return (
      <p className="viewer-status" data-testid="viewer-status" data-state="ready">
        {t('viewer.status.ready', { renderer: status.renderer, size: status.maxTextureSize })}
      </p>
    );
  }
  const text = status.code === 'WEBGL2_UNAVAILABLE' ? t('viewer.status.webgl2Missing') : t('viewer.status.failed', { message: status.message });
  return (
    <p className="viewer-status error" role="alert" data-testid="viewer-status" data-state={status.code}>
      {text}
    </p>
  );
}
