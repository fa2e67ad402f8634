// The Workspaces' public door: creating a workspace with every module's defaults, and counting them (setup).
export { countWorkspaces } from "./workspaces.queries";
export { createWorkspace } from "./workspaces.service";
