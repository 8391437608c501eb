import type { FieldIssue } from '../../../app/ipc/errors';
import { DEFAULT_TIMEOUT_MS, type NodeInput, type PublicNodeView } from '../../../app/nodes';

/** Node kinds the form offers. */
export type DraftKind = PublicNodeView['kind'];

/** What the node form edits: every field as typed (strings), secrets write-only. */
export interface NodeDraft {
  kind: DraftKind;
  id: string;
  name: string;
  baseUrl: string;
  authType: 'none' | 'basic' | 'bearer';
  username: string;
  password: string;
  token: string;
  host: string;
  port: string;
  calledAeTitle: string;
  callingAeTitle: string;
  retrieve: 'C-GET' | 'C-MOVE';
  scpPort: string;
  path: string;
  /** TLS file paths (write-only: blank keeps the stored one) and server verification. */
  caFile: string;
  certFile: string;
  keyFile: string;
  rejectUnauthorized: boolean;
  /** What is already configured, for the placeholders of the write-only TLS paths. */
  tlsConfigured: { customCa: boolean; clientCertificate: boolean };
  /** DICOMweb: where STOW-RS stores go when not under the base URL (same origin), blank for `{baseUrl}/studies`. */
  stowUrl: string;
  /** DICOMweb: request timeout, in seconds as typed. */
  timeoutSeconds: string;
  /** DICOMweb: whether the PACS matches person names fuzzily (QIDO-RS `fuzzymatching=true`, PS3.18 8.3.4.1). */
  qidoSupportsFuzzy: boolean;
}

/** An empty draft of a new node. */
export function emptyDraft(kind: DraftKind = 'dicomweb'): NodeDraft {
  return {
    kind, id: '', name: '', baseUrl: '', authType: 'basic', username: '', password: '', token: '',
    host: '', port: '104', calledAeTitle: '', callingAeTitle: 'GARDE', retrieve: 'C-GET', scpPort: '', path: '',
    stowUrl: '', timeoutSeconds: String(DEFAULT_TIMEOUT_MS / 1000), qidoSupportsFuzzy: false,
    caFile: '', certFile: '', keyFile: '', rejectUnauthorized: true, tlsConfigured: { customCa: false, clientCertificate: false },
  };
}

/** The draft of an existing node, from its public view (user name and secrets left empty = unchanged). */
export function draftFromView(view: PublicNodeView): NodeDraft {
  const draft = { ...emptyDraft(view.kind), id: view.id, name: view.name };
  switch (view.kind) {
    case 'dicomweb':
      return {
        ...draft, baseUrl: view.baseUrl, authType: view.authType,
        stowUrl: view.stowUrl ?? '', timeoutSeconds: String(view.timeoutMs / 1000), qidoSupportsFuzzy: view.qidoSupportsFuzzy ?? false,
        rejectUnauthorized: view.tls?.rejectUnauthorized ?? true,
        tlsConfigured: { customCa: view.tls?.customCa ?? false, clientCertificate: view.tls?.clientCertificate ?? false },
      };
    case 'dimse':
      return {
        ...draft, host: view.host, port: String(view.port), calledAeTitle: view.calledAeTitle, callingAeTitle: view.callingAeTitle,
        retrieve: view.retrieve, scpPort: view.scpPort === undefined ? '' : String(view.scpPort),
      };
    case 'folder':
      return { ...draft, path: view.path };
  }
}

/** A node id derived from a name: lower-case ASCII letters, digits and hyphens. */
export function slugFromName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
}

/** A number when the text is one, the text otherwise (the schema then names the field), nothing when empty. */
function numberField(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : (trimmed as unknown as number);
}

/** Milliseconds from seconds as typed (decimals allowed), the text otherwise (the schema then names the field), nothing when empty. */
function millisecondsField(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Math.round(Number(trimmed) * 1000) : (text as unknown as number);
}

/** The request main validates: empty secrets are `null` (keep the stored one when editing). */
export function draftToInput(draft: NodeDraft): NodeInput {
  const common = { id: draft.id.trim() || slugFromName(draft.name), name: draft.name.trim() };
  switch (draft.kind) {
    case 'dicomweb': {
      const auth =
        draft.authType === 'basic'
          ? { type: 'basic' as const, username: draft.username.trim() || null, password: draft.password || null }
          : draft.authType === 'bearer'
            ? { type: 'bearer' as const, token: draft.token || null }
            : { type: 'none' as const };
      const tls = { caFile: draft.caFile.trim() || null, certFile: draft.certFile.trim() || null, keyFile: draft.keyFile.trim() || null, rejectUnauthorized: draft.rejectUnauthorized };
      const stowUrl = draft.stowUrl.trim();
      const timeoutMs = millisecondsField(draft.timeoutSeconds);
      return {
        ...common, kind: 'dicomweb', baseUrl: draft.baseUrl.trim(), auth, tls,
        ...(stowUrl ? { stowUrl } : {}), ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(draft.qidoSupportsFuzzy ? { qidoSupportsFuzzy: true } : {}),
      };
    }
    case 'dimse':
      return {
        ...common, kind: 'dimse', host: draft.host.trim(), port: numberField(draft.port)!, calledAeTitle: draft.calledAeTitle.trim(),
        callingAeTitle: draft.callingAeTitle.trim(), retrieve: draft.retrieve, scpPort: numberField(draft.scpPort),
      };
    case 'folder':
      return { ...common, kind: 'folder', path: draft.path.trim() };
  }
}

/** The form field an issue belongs to (`auth.password` -> `password`, `timeoutMs` -> `timeoutSeconds`), or '' for the whole node. */
export function issueField(issue: FieldIssue): string {
  const path = issue.path.split(', ')[0] ?? '';
  if (path === 'timeoutMs') return 'timeoutSeconds';
  return path.startsWith('auth.') ? path.slice('auth.'.length) : path;
}
