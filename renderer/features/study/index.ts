export { ViewerPage } from './ViewerPage';
export { StudyViewer } from './StudyViewer';
