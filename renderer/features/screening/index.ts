export { ScreeningPage } from './ScreeningPage';
