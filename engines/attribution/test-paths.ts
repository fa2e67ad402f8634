import type { PathRow } from "./paths";

/** Generates reproducible random paths for tests that compare against a reference solve. */
export function generateTestPaths(seed: number, channelCount: number, pathCount: number): PathRow[] {
  let state = seed >>> 0;
  // Park–Miller: tiny, deterministic and easy to replay in any language.
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const rows: PathRow[] = [];
  for (let i = 0; i < pathCount; i++) {
    const length = 1 + Math.floor(next() * next() * 7);
    const path = Array.from({ length }, () => `ch${String(Math.floor(next() ** 1.5 * channelCount)).padStart(2, "0")}`);
    const conversions = next() < 0.3 ? 1 + Math.floor(next() * 3) : 0;
    const value = conversions * Math.round(next() * 100);
    rows.push({ path, conversions, value, nulls: Math.floor(next() * 4) });
  }
  return rows;
}
