import { useState, type ComponentType, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeTestResult } from '../../../app/ipc/contract';
import type { GardeErrorData } from '../../../app/ipc/errors';
import { errorText } from '../../i18n/errorText';
import { DicomwebFields } from './DicomwebFields';
import { DimseFields } from './DimseFields';
import type { FieldGroupProps } from './fieldProps';
import { FolderFields } from './FolderFields';
import { issueText } from './issueText';
import { draftToInput, emptyDraft, issueField, slugFromName, type DraftKind, type NodeDraft } from './nodeDraft';
import { TestResultLine } from './TestResultLine';
import { TextField } from './TextField';
import type { NodeConfigs } from './useNodeConfigs';

const KINDS: readonly DraftKind[] = ['dicomweb', 'dimse', 'folder'];
const FIELDS: Record<DraftKind, ComponentType<FieldGroupProps>> = { dicomweb: DicomwebFields, dimse: DimseFields, folder: FolderFields };

/** Adds or edits one node: common fields, the fields of its kind, Test, Save, Cancel. */
export function NodeForm(props: { initial?: NodeDraft; configs: NodeConfigs; onDone: () => void }) {
  const { t } = useTranslation();
  const editing = props.initial !== undefined;
  const [draft, setDraft] = useState<NodeDraft>(props.initial ?? emptyDraft());
  const [error, setError] = useState<GardeErrorData | undefined>();
  const [test, setTest] = useState<NodeTestResult | 'running' | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NodeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const issues: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of error?.issues ?? []) {
    const field = issueField(issue);
    if (field && !issues[field]) issues[field] = issueText(t, issue);
    else if (!field) general.push(issueText(t, issue));
  }

  const runTest = async () => {
    setTest('running');
    setError(undefined);
    const result = await props.configs.test({ node: draftToInput(draft) });
    if (result.ok) setTest(result.value);
    else {
      setTest(undefined);
      setError(result.error);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await props.configs.save({ node: draftToInput(draft), create: !editing });
    setBusy(false);
    if (result.ok) props.onDone();
    else setError(result.error);
  };

  const Fields = FIELDS[draft.kind];
  return (
    <form className="node-form card" onSubmit={(e) => void submit(e)} data-testid="node-form" noValidate>
      <h3>{editing ? t('settings.nodes.form.editTitle', { name: props.initial!.name }) : t('settings.nodes.form.addTitle')}</h3>
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor="node-field-kind">{t('settings.nodes.form.kind')}</label>
          <select id="node-field-kind" data-testid="node-kind" value={draft.kind} disabled={editing} onChange={(e) => set({ kind: e.target.value as DraftKind })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`settings.nodes.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('settings.nodes.form.name')} value={draft.name} onChange={(name) => set({ name })} issue={issues.name} testId="name" />
        <TextField label={t('settings.nodes.form.id')} value={draft.id} onChange={(id) => set({ id })} issue={issues.id} placeholder={slugFromName(draft.name)} disabled={editing} testId="id" />
        <Fields draft={draft} set={set} issues={issues} editing={editing} />
      </div>
      {error && (
        <div role="alert" className="error" data-testid="node-form-error">
          <p>{error.issues ? t('settings.nodes.form.invalid') : errorText(t, error)}</p>
          {general.length > 0 && (
            <ul>
              {general.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <TestResultLine result={test} />
      <div className="form-actions">
        <button type="button" onClick={() => void runTest()} disabled={test === 'running'} data-testid="node-test">
          {t('settings.nodes.action.test')}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="node-save">
          {t('settings.nodes.action.save')}
        </button>
        <button type="button" onClick={props.onDone} data-testid="node-cancel">
          {t('settings.nodes.action.cancel')}
        </button>
      </div>
    </form>
  );
}
