/** The e2e harness, in one import: `import { newPage, watchPage, ... } from './harness';` */
export { AXE_TAGS, expectNoAxeViolations, formatAxeViolations, runAxe } from './axe';
export type { AxeOptions, AxeViolation } from './axe';
export {
  appOrigin,
  baseUrl,
  closeAll,
  launchBrowser,
  newContext,
  newPage,
  newPageInSameContext,
} from './browser';
export type { PageOptions } from './browser';
export { watchPage } from './guards';
export type { CleanOptions, CspViolation, GuardOptions, PageGuard } from './guards';
export { screenshot, SCREENSHOT_DIR } from './screenshots';
export { savedDrafts, storedLibrary } from './stored';
export type { StoredLibrary } from './stored';
export { waitUntilOfflineReady } from './service-worker';
export { openScreen } from './navigation';
export { downloadPdf } from './download-pdf';
