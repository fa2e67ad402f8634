import type { HomeSummary } from "#contracts/home";
import { api } from "../../lib/api";

/** Home's one summary: what waits on me and the shared picture. */
export function readHome() {
  return api<HomeSummary>("/home");
}
