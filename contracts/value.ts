// Value's contracts, one file per part; importers keep reading them all from `#contracts/value`.
export * from "./value-imports";
export * from "./value-runs";
export * from "./value-spend";
