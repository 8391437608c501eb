import type { StudySummary } from '../dicom/studySummary';
import { compareIdentities, LINK_STRENGTH_ORDER, type IdentityEvidence, type LinkStrength } from './compareIdentities';
import { identityFacts, type IdentityFacts } from './identityFacts';
import { foldedNameText } from './normalisePersonName';

/** A study as a reference: the node that has it and its StudyInstanceUID. */
export interface StudyRef {
  nodeId: string;
  StudyInstanceUID: string;
}

/**
 * One patient identity exactly as one or more studies assert it (same key, name, birth date,
 * sex and national identifiers, PS3.3 C.7.1.1). Never a merge of different assertions.
 */
export interface PatientRecord {
  facts: IdentityFacts;
  /** The attributes as received from the first study asserting them. */
  patient: Pick<StudySummary, 'nodeId' | 'PatientID' | 'IssuerOfPatientID' | 'PatientName' | 'PatientBirthDate' | 'PatientSex' | 'OtherPatientIDs'>;
  studies: StudyRef[];
  /** Indexes, in the summaries given to {@link linkPatients}, of the studies asserting it. */
  sources: number[];
}

/** A link between two records (indexes into `records`, `a < b`) with its evidence. */
export interface PatientLink {
  a: number;
  b: number;
  strength: LinkStrength;
  evidence: IdentityEvidence[];
}

/**
 * Records joined by links of any strength, conflicts included, so that the reader sees them
 * side by side. `weakest` is the weakest link inside (undefined for a lone record).
 */
export interface PatientGroup {
  records: number[];
  links: number[];
  weakest: LinkStrength | undefined;
}

/** The result of {@link linkPatients}: records, the links between them, and the groups. */
export interface PatientLinking {
  records: PatientRecord[];
  links: PatientLink[];
  groups: PatientGroup[];
}

function assertionText(s: StudySummary, facts: IdentityFacts): string {
  const ids = facts.nationalIds.map((id) => `${id.IssuerOfPatientID}|${id.PatientID}`).join(',');
  const who = facts.key ? facts.key.text : `study:${s.nodeId}|${s.StudyInstanceUID}`;
  return JSON.stringify([who, s.PatientName ?? '', s.PatientBirthDate ?? '', s.PatientSex ?? '', ids]);
}

function buildRecords(summaries: readonly StudySummary[], nationalIssuers?: readonly string[]): PatientRecord[] {
  const byAssertion = new Map<string, PatientRecord>();
  summaries.forEach((s, index) => {
    const facts = identityFacts(s, nationalIssuers);
    const text = assertionText(s, facts);
    const known = byAssertion.get(text);
    const ref = { nodeId: s.nodeId, StudyInstanceUID: s.StudyInstanceUID };
    if (known) {
      known.studies.push(ref);
      known.sources.push(index);
    } else {
      const patient = { nodeId: s.nodeId, PatientID: s.PatientID, IssuerOfPatientID: s.IssuerOfPatientID, PatientName: s.PatientName, PatientBirthDate: s.PatientBirthDate, PatientSex: s.PatientSex, OtherPatientIDs: s.OtherPatientIDs };
      byAssertion.set(text, { facts, patient, studies: [ref], sources: [index] });
    }
  });
  return [...byAssertion.values()];
}

/** Records that may link: same key, same national identifier, or same name + birth date + sex. */
function candidateBuckets(records: readonly PatientRecord[]): number[][] {
  const buckets = new Map<string, number[]>();
  const put = (key: string, index: number) => {
    const list = buckets.get(key);
    if (list) list.push(index);
    else buckets.set(key, [index]);
  };
  records.forEach(({ facts }, index) => {
    if (facts.key) put(`key ${facts.key.text}`, index);
    for (const id of facts.nationalIds) put(`national ${id.IssuerOfPatientID}|${id.PatientID}`, index);
    if (facts.name && facts.birthDate && facts.sex) put(`demographics ${foldedNameText(facts.name)}|${facts.birthDate}|${facts.sex}`, index);
  });
  return [...buckets.values()].filter((list) => list.length > 1);
}

function findRoot(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) [parent[i], i] = [root, parent[i]!];
  return root;
}

function buildGroups(recordCount: number, links: readonly PatientLink[]): PatientGroup[] {
  const parent = Array.from({ length: recordCount }, (_, i) => i);
  for (const link of links) {
    const [ra, rb] = [findRoot(parent, link.a), findRoot(parent, link.b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, PatientGroup>();
  for (let i = 0; i < recordCount; i += 1) {
    const root = findRoot(parent, i);
    const group = groups.get(root) ?? { records: [], links: [], weakest: undefined };
    group.records.push(i);
    groups.set(root, group);
  }
  links.forEach((link, index) => {
    const group = groups.get(findRoot(parent, link.a))!;
    group.links.push(index);
    if (group.weakest === undefined || LINK_STRENGTH_ORDER.indexOf(link.strength) > LINK_STRENGTH_ORDER.indexOf(group.weakest)) group.weakest = link.strength;
  });
  return [...groups.values()];
}

/**
 * Groups study summaries from every node into patients without merging anything: each distinct
 * identity assertion is a {@link PatientRecord}, each pair that may be the same person a
 * {@link PatientLink} with its strength and evidence (PS3.3 C.7.1.1: PatientID is unique only
 * within IssuerOfPatientID; national identifiers from OtherPatientIDsSequence). Records, links
 * and groups come in the order of the studies given.
 */
export function linkPatients(summaries: readonly StudySummary[], options: { nationalIssuers?: readonly string[] } = {}): PatientLinking {
  const records = buildRecords(summaries, options.nationalIssuers);
  const seen = new Set<string>();
  const links: PatientLink[] = [];
  for (const bucket of candidateBuckets(records)) {
    for (let i = 0; i < bucket.length; i += 1) {
      for (let j = i + 1; j < bucket.length; j += 1) {
        const [a, b] = [Math.min(bucket[i]!, bucket[j]!), Math.max(bucket[i]!, bucket[j]!)];
        const pair = `${a},${b}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const verdict = compareIdentities(records[a]!.facts, records[b]!.facts);
        if (verdict) links.push({ a, b, ...verdict });
      }
    }
  }
  links.sort((x, y) => x.a - y.a || x.b - y.b);
  return { records, links, groups: buildGroups(records.length, links) };
}
