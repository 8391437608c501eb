import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../app/ipc/errors';
import { issueField } from './nodeDraft';

/**
 * A validation issue in the user's language: "required" and "already used" have their own
 * sentences, any other issue the field's expected form; the English message is the fallback.
 */
export function issueText(t: TFunction, issue: FieldIssue): string {
  if (issue.message === 'required') return t('settings.nodes.issue.required');
  if (/already used|duplicate id/.test(issue.message)) return t('settings.nodes.issue.idTaken');
  const field = issueField(issue);
  return field ? t(`settings.nodes.issue.field.${field}`, { defaultValue: issue.message }) : issue.message;
}
