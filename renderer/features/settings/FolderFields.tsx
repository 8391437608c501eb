import { useTranslation } from 'react-i18next';
import type { FieldGroupProps } from './fieldProps';
import { TextField } from './TextField';

/** Folder node: a folder of DICOM files or a DICOMDIR, read-only. */
export function FolderFields({ draft, set, issues }: FieldGroupProps) {
  const { t } = useTranslation();
  return <TextField label={t('settings.nodes.form.path')} value={draft.path} onChange={(path) => set({ path })} issue={issues.path} placeholder="/media/cdrom/DICOMDIR" testId="path" />;
}
