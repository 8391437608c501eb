import { z } from 'zod';
import { aeTitleProblem } from './aeTitle';
import { httpUrlProblem } from './httpBaseUrl';
import { parseUrl } from '../dicomweb/parseUrl';

function originOf(url: string): string | undefined {
  return parseUrl(url)?.origin;
}

/** A node id: a slug of lower-case letters, digits and hyphens, used in gateway paths. */
export const NodeIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    message: 'must be a slug of a-z, 0-9 and "-" (1-64 characters, not starting or ending with "-")',
  });

/** A reference to a secret held by the desktop vault (main/secrets). */
export const SecretRefSchema = z.strictObject({ secretRef: z.string().min(1, { message: 'must not be empty' }) });

/** A secret given inline or as a vault reference. */
export const SecretSchema = z.union([z.string().min(1, { message: 'must not be empty' }), SecretRefSchema], {
  error: (issue) => (issue.input === undefined ? 'required' : 'must be a string or { "secretRef": "<vault key>" }'),
});

const HttpUrlSchema = z.string().superRefine((value, ctx) => {
  const problem = httpUrlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const AeTitleSchema = z.string().superRefine((value, ctx) => {
  const problem = aeTitleProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const PortSchema = z.number().int().min(1).max(65535);

/** HTTP authentication of a DICOMweb node. */
export const DicomwebAuthSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('basic'), username: z.string().min(1), password: SecretSchema }),
  z.strictObject({ type: z.literal('bearer'), token: SecretSchema }),
]);

/** TLS settings of a DICOMweb node: private CA, client certificate, verification. */
export const TlsSchema = z.strictObject({
  caFile: z.string().min(1).optional(),
  certFile: z.string().min(1).optional(),
  keyFile: z.string().min(1).optional(),
  rejectUnauthorized: z.boolean().optional(),
});

/** Default request timeout of a DICOMweb node, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A PACS reached over DICOMweb (PS3.18: QIDO-RS, WADO-RS, STOW-RS). */
export const DicomwebNodeSchema = z
  .strictObject({
    id: NodeIdSchema,
    name: z.string().min(1),
    kind: z.literal('dicomweb'),
    baseUrl: HttpUrlSchema,
    auth: DicomwebAuthSchema,
    tls: TlsSchema.optional(),
    stowUrl: HttpUrlSchema.optional(),
    qidoSupportsFuzzy: z.boolean().optional(),
    timeoutMs: z.number().int().positive().max(3_600_000).default(DEFAULT_TIMEOUT_MS),
  })
  .superRefine((node, ctx) => {
    if (node.stowUrl !== undefined && originOf(node.stowUrl) !== originOf(node.baseUrl)) {
      ctx.addIssue({ code: 'custom', path: ['stowUrl'], message: 'must have the same origin as baseUrl (credentials go to that origin only)' });
    }
    const tls = node.tls;
    if (tls && (tls.certFile === undefined) !== (tls.keyFile === undefined)) {
      const missing = tls.certFile === undefined ? 'certFile' : 'keyFile';
      ctx.addIssue({ code: 'custom', path: ['tls', missing], message: 'required when a client certificate is configured (certFile and keyFile go together)' });
    }
  });

/** A PACS reached over DIMSE (PS3.7: C-FIND, C-GET or C-MOVE). */
export const DimseNodeSchema = z
  .strictObject({
    id: NodeIdSchema,
    name: z.string().min(1),
    kind: z.literal('dimse'),
    host: z.string().min(1),
    port: PortSchema,
    calledAeTitle: AeTitleSchema,
    callingAeTitle: AeTitleSchema,
    retrieve: z.enum(['C-GET', 'C-MOVE']),
    scpPort: PortSchema.optional(),
  })
  .superRefine((node, ctx) => {
    if (node.retrieve === 'C-MOVE' && node.scpPort === undefined) {
      ctx.addIssue({ code: 'custom', path: ['scpPort'], message: 'required when retrieve is "C-MOVE" (the local port the PACS sends to)' });
    }
  });

/**
 * A folder of DICOM files or a DICOMDIR (PS3.10 media): read-only, unless `receive` (a folder, not
 * a DICOMDIR) lets it store what it is sent under `<path>/received/` (STOW-RS), e.g. the demo
 * archive, or a local archive of a site without a PACS.
 */
export const FolderNodeSchema = z.strictObject({
  id: NodeIdSchema,
  name: z.string().min(1),
  kind: z.literal('folder'),
  path: z.string().min(1),
  receive: z.boolean().optional(),
});

/** Node kinds accepted in a nodes file. */
export const NODE_KINDS = ['dicomweb', 'dimse', 'folder'] as const;

/** One configured node, discriminated by `kind`. */
export const NodeSchema = z.discriminatedUnion('kind', [DicomwebNodeSchema, DimseNodeSchema, FolderNodeSchema]);

/** The whole nodes file: `{ "nodes": [ ... ] }`. */
export const NodesConfigSchema = z.strictObject({ nodes: z.array(NodeSchema) });

export type SecretRef = z.infer<typeof SecretRefSchema>;
export type Secret = z.infer<typeof SecretSchema>;
export type DicomwebAuth = z.infer<typeof DicomwebAuthSchema>;
export type TlsConfig = z.infer<typeof TlsSchema>;
export type DicomwebNode = z.infer<typeof DicomwebNodeSchema>;
export type DimseNode = z.infer<typeof DimseNodeSchema>;
export type FolderNode = z.infer<typeof FolderNodeSchema>;
export type NodeConfig = z.infer<typeof NodeSchema>;
export type NodeKind = NodeConfig['kind'];
export type NodesConfig = z.infer<typeof NodesConfigSchema>;
