// The Users' public door for other modules: adding a person (an accepted invitation) and changing one's password.
export { insertUser } from "./users.queries";
export { changeOwnPassword } from "./users.service";
