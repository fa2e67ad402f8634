// Rituals' contracts, one file per part; `#contracts/rituals` names them all.
export * from "./rituals-actions";
export * from "./rituals-core";
export * from "./rituals-meetings";
export * from "./rituals-series";
