// Auth's public door for other modules: passwords (checked, hashed, verified), a user by email, and `/me` for a
// session just started (an accepted invitation signs the person in as setup and sign-in do).
export { findUserByEmail } from "./auth.queries";
export { readNewSessionMe } from "./auth.service";
export { assertAcceptablePassword, hashPassword, verifyPassword } from "./passwords";
