export * from "./audit";
export * from "./people";
export * from "./system";
export * from "./stack";
