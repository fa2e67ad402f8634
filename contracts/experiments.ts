// The Experiments contracts, one file per part; importers keep reading them all from `#contracts/experiments`.
export * from "./experiments-design";
export * from "./experiments-results";
export * from "./experiments-stats";
