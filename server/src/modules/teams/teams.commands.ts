// The Teams' public door for other modules: a new workspace's default teams, and a workspace's team of a kind.
export { findTeamByKind } from "./teams.queries";
export { DEFAULT_TEAMS, seedTeamDefaults } from "./teams.service";
