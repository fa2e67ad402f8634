// The Pipeline's contracts, one file per part; importers keep reading them all from `#contracts/pipeline`.
export * from "./pipeline-engagement";
export * from "./pipeline-request";
export * from "./pipeline-sla";
export * from "./pipeline-value";
