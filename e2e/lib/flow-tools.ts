import type { Page } from "playwright-core";
import type { Harness } from "./harness";

/** What a module's browser walk (e2e/modules/*.ts) gets from the main flow. */
export interface FlowTools {
  /** Records each named check; a failed check is reported and the walk goes on. */
  h: Harness;
  /** The run's label (pglite or postgres), used in screenshot names. */
  run: string;
  /** Screenshot plus axe for the page on screen. */
  inspect: (page: Page, name: string) => Promise<void>;
}
