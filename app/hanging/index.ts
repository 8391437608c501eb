/**
 * Hanging protocols: protocols as data (assets/hanging/*.json, validated by
 * loadProtocols) and the matcher that picks one for a study and its priors
 * and fills each stage's viewports, with the reasons.
 */
export { matchProtocol, type HangingResult, type ProtocolCandidate } from './matchProtocol';
export { fillStage, type StageAssignment, type ViewportAssignment, type AssignedDisplaySet } from './fillStage';
export { stepStage } from './stepStage';
export { chestWallSide, displayOptions, type DisplayOptions } from './displayOptions';
export type { SyncGroupAssignment } from './resolveSync';
export { describeStudy, describeImage, type KeywordDataset } from './describeStudy';
export type { HangingInput, StudyDescriptor, SeriesDescriptor, ImageDescriptor, CodedConcept } from './hangingInput';
export { loadProtocols, parseProtocol, HangingProtocolError, type ProtocolFile, type ProtocolIssue } from './loadProtocols';
export { defaultProtocols, DEFAULT_PROTOCOL_FILES } from './defaultProtocols';
export {
  HangingProtocolSchema,
  SelectorSchema,
  StageSchema,
  ViewportSchema,
  SyncSchema,
  LocalizedTextSchema,
  type HangingProtocol,
  type Selector,
  type Stage,
  type Viewport,
  type LocalizedText,
} from './protocolSchema';
export { STUDY_ATTRIBUTES, DISPLAY_SET_ATTRIBUTES, StudyRuleSchema, DisplaySetRuleSchema, type StudyAttribute, type DisplaySetAttribute, type MatchRule } from './ruleSchema';
export type { RuleOutcome } from './evaluateRules';
export { resolveSync, type SyncMember } from './resolveSync';
export { closestImageByPosition, imageByIndex, type ImagePlane, type Vec3 } from './syncTarget';
