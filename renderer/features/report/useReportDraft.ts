import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { StudyLocation } from '../../../app/dicomweb/gatewayPaths';
import { amendReport, fillReportTemplate, newReportDraft, pickReportTemplate, toggleKeyImage, uidFromUuid, type KeyImageRef, type ReportDraft, type ReportLanguage, type ReportTemplate } from '../../../app/report';
import { getReportDraft, getSharedCache, putReportDraft, type Cache } from '../../cache';
import { REPORT_TEMPLATES } from './reportTemplates';

/** How long typing may go unsaved: at most this much is lost by a crash. */
const SAVE_DELAY_MS = 250;

/** The reader's report on the open study, kept in the encrypted cache as it is typed. */
export interface ReportDraftControl {
  status: 'loading' | 'ready' | 'unavailable';
  draft: ReportDraft | undefined;
  /** False while a change is not yet written to the cache. */
  saved: boolean;
  cache: Cache | undefined;
  /** Starts a report from a template (the best fit when absent), in a language. */
  start(language: ReportLanguage, template?: ReportTemplate): ReportDraft | undefined;
  /** Applies a change to the draft being written (saved within {@link SAVE_DELAY_MS}). */
  change(update: (draft: ReportDraft) => ReportDraft): void;
  /** Marks or unmarks a key image (starting a report if there is none). */
  toggleKey(image: KeyImageRef, language: ReportLanguage): void;
  /** Replaces the draft by what signing produced, saved at once. */
  replace(draft: ReportDraft): Promise<void>;
  amend(): void;
}

const newUid = () => uidFromUuid(crypto.randomUUID());

/**
 * Loads and keeps the report of `location`'s study: every change is written (sealed) within
 * {@link SAVE_DELAY_MS}, and at once when the study closes or the page is hidden.
 */
export function useReportDraft(location: StudyLocation, study: StudySummary): ReportDraftControl {
  const { nodeId, StudyInstanceUID } = location;
  const [state, setState] = useState<{ status: ReportDraftControl['status']; draft?: ReportDraft; cache?: Cache }>({ status: 'loading' });
  const pending = useRef<{ draft: ReportDraft; timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  const current = useRef<ReportDraft | undefined>(undefined);
  const writes = useRef(0);
  const [saved, setSaved] = useState(true);

  const flush = useCallback(
    (cache: Cache | undefined) => {
      const p = pending.current;
      if (!p || !cache) return;
      clearTimeout(p.timer);
      pending.current = undefined;
      writes.current += 1;
      void putReportDraft(cache, nodeId, StudyInstanceUID, p.draft)
        .catch((error: unknown) => console.error('report draft not saved:', error instanceof Error ? error.message : error))
        .finally(() => {
          writes.current -= 1;
          if (writes.current === 0 && !pending.current) setSaved(true);
        });
    },
    [nodeId, StudyInstanceUID],
  );

  useEffect(() => {
    let live = true;
    void getSharedCache()
      .then(async (cache) => {
        if (!cache) return live && setState({ status: 'unavailable' });
        const draft = await getReportDraft(cache, nodeId, StudyInstanceUID);
        current.current = draft;
        if (live) setState({ status: 'ready', cache, ...(draft ? { draft } : {}) });
      })
      .catch((error: unknown) => {
        console.error('report draft unreadable:', error instanceof Error ? error.message : error);
        if (live) setState({ status: 'unavailable' });
      });
    return () => {
      live = false;
    };
  }, [nodeId, StudyInstanceUID]);

  const cache = state.cache;
  useEffect(() => {
    const onHide = () => flush(cache);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      flush(cache);
    };
  }, [cache, flush]);

  const set = useCallback(
    (draft: ReportDraft, now = false) => {
      current.current = draft;
      setState((s) => ({ ...s, draft }));
      if (!cache) return;
      setSaved(false);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { draft, timer: setTimeout(() => flush(cache), SAVE_DELAY_MS) };
      if (now) flush(cache);
    },
    [cache, flush],
  );

  const start = useCallback(
    (language: ReportLanguage, template?: ReportTemplate) => {
      if (current.current || !('templates' in REPORT_TEMPLATES)) return current.current;
      const chosen = template ?? pickReportTemplate(REPORT_TEMPLATES.templates, study);
      const draft = newReportDraft({ templateId: chosen.id, language, ...fillReportTemplate(chosen, language, study) }, newUid, Date.now());
      set(draft);
      return draft;
    },
    [set, study],
  );

  return {
    status: state.status,
    draft: state.draft,
    saved,
    cache,
    start,
    change: (update) => current.current && set(update(current.current)),
    toggleKey: (image, language) => {
      const draft = current.current ?? start(language);
      // A key image is one deliberate act: written at once, not after the typing delay.
      if (draft) set(toggleKeyImage(draft, image, Date.now()), true);
    },
    replace: async (draft) => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = undefined;
      current.current = draft;
      setState((s) => ({ ...s, draft }));
      if (cache) await putReportDraft(cache, nodeId, StudyInstanceUID, draft);
      setSaved(true);
    },
    amend: () => current.current && set(amendReport(current.current, Date.now())),
  };
}
