interface ImportMetaEnv {
  /**
   * True only in the renderer's test variant (vite.renderer.config.ts `TEST_HOOKS_MODE`), false in
   * every other build: code behind `if (import.meta.env.GARDE_TEST_HOOKS)` is dropped from the
   * production bundle. Undefined (false) when renderer modules run outside Vite (unit tests).
   */
  readonly GARDE_TEST_HOOKS: boolean;
}
