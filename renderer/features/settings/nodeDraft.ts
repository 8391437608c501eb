import type { FieldIssue } from '../../../app/ipc/errors';
import type { NodeInput, PublicNodeView } from '../../../app/nodes';

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
  /** DICOMweb settings the form does not show but must keep when editing. */
  keep: { stowUrl?: string; qidoSupportsFuzzy?: boolean; timeoutMs?: number };
}

/** An empty draft of a new node. */
export function emptyDraft(kind: DraftKind = 'dicomweb'): NodeDraft {
  return {
    kind, id: '', name: '', baseUrl: '', authType: 'basic', username: '', password: '', token: '',
    host: '', port: '104', calledAeTitle: '', callingAeTitle: 'GARDE', retrieve: 'C-GET', scpPort: '', path: '', keep: {},
    caFile: '', certFile: '', keyFile: '', rejectUnauthorized: true, tlsConfigured: { customCa: false, clientCertificate: false },
  };
}

/** The draft of an existing node, from its public view (user name and secrets left empty = unchanged). */
export function draftFromView(view: PublicNodeView): NodeDraft {
  const draft = { ...emptyDraft(view.kind), id: view.id, name: view.name };
  switch (view.kind) {
    case 'dicomweb':
      return {
        ...draft, baseUrl: view.baseUrl, authType: view.authType, keep: { stowUrl: view.stowUrl, qidoSupportsFuzzy: view.qidoSupportsFuzzy || undefined, timeoutMs: view.timeoutMs },
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
      const keep = Object.fromEntries(Object.entries(draft.keep).filter(([, v]) => v !== undefined));
      const tls = { caFile: draft.caFile.trim() || null, certFile: draft.certFile.trim() || null, keyFile: draft.keyFile.trim() || null, rejectUnauthorized: draft.rejectUnauthorized };
      return { ...common, kind: 'dicomweb', baseUrl: draft.baseUrl.trim(), auth, tls, ...keep };
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

/** The form field an issue belongs to (`auth.password` -> `password`), or '' for the whole node. */
export function issueField(issue: FieldIssue): string {
  const path = issue.path.split(', ')[0] ?? '';
  return path.startsWith('auth.') ? path.slice('auth.'.length) : path;
}
