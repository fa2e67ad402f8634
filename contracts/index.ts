export * from "./audit";
export * from "./auth";
export * from "./common";
export * from "./errors";
export * from "./experiments";
export * from "./people";
export * from "./stack";
