export * from "./audit";
export * from "./notifications";
export * from "./people";
export * from "./pipeline";
export * from "./stack";
export * from "./system";
