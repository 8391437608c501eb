import type { NodeDraft } from './nodeDraft';

/** What each kind's field group receives from the form. */
export interface FieldGroupProps {
  draft: NodeDraft;
  set: (patch: Partial<NodeDraft>) => void;
  /** Translated validation message by field name (`baseUrl`, `password`, `port`...). */
  issues: Record<string, string>;
  /** True when editing a saved node: secret fields left empty keep the stored value. */
  editing: boolean;
}
