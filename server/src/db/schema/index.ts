export * from "./audit";
export * from "./people";
export * from "./stack";
export * from "./system";
