import { defineRoute } from "../route";

/** The online backup of a running installation (admins; `tandem backup --url` calls it). */
export const backupApi = {
  // The answer is the .tar.gz itself, not JSON: no response schema.
  create: defineRoute({
    method: "POST",
    path: "/admin/backup",
    tags: ["admin"],
    summary: "A backup of the running embedded database, as the .tar.gz that `tandem restore` takes",
    response: {},
  }),
};
