// The Scorecard's contracts, one file per part; importers keep reading them all from `#contracts/scorecard`.
export * from "./scorecard-common";
export * from "./scorecard-kpis";
export * from "./scorecard-measurements";
export * from "./scorecard-objectives";
export * from "./scorecard-review";
