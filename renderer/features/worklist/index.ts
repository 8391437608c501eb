export { WorklistPage } from './WorklistPage';
