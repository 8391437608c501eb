export { ViewerPage } from './ViewerPage';
export { StudyViewer } from './StudyViewer';
export type { ImagePick } from './imagePick';
