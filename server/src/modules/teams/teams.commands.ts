// The Teams' public door for other modules: a new workspace's default teams.
export { DEFAULT_TEAMS, seedTeamDefaults } from "./teams.service";
