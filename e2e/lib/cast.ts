// The people of the browser flow and what they do everywhere: the admin who sets Tandem up, the marketing member
// they invite, their workspace, the greeting Home gives them, signing in, and a person's row in the People table.
import type { Page } from "playwright-core";

export const admin = { name: "Alex Admin", email: "admin@acme.example", password: "violet harbor 7 lanterns" };
export const member = {
  name: "Mia Marketing",
  email: "mia@acme.example",
  password: "copper meadow 42 kites",
  newPassword: "amber orchard 19 sails",
};
export const workspace = "Acme Corp";
export const greeting = (name: string) => new RegExp(`^Good (morning|afternoon|evening), ${name.split(" ")[0]}$`);

/** A person's row in the people table. */
export function personRow(page: Page, name: string) {
  return page.getByRole("row").filter({ hasText: name });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
