import { z } from "zod";
import { Id, Timestamp } from "./common";

/** The list pages whose filters can be saved as views. */
export const ViewPage = z.enum(["stack", "pipeline", "experiments", "value"]);

/** A saved set of filters: the query string values of the page, as the page's URL keeps them. */
const ViewQuery = z
  .record(z.string().max(40), z.string().max(500))
  .refine((query) => Object.keys(query).length <= 20, { error: "may hold at most 20 filters" });

export const CreateViewBody = z.strictObject({
  page: ViewPage,
  name: z.string().trim().min(1, { error: "is required" }).max(60),
  query: ViewQuery,
  shared: z.boolean().default(false),
});
export type CreateViewBody = z.infer<typeof CreateViewBody>;

export const SavedView = z.object({
  id: Id,
  page: ViewPage,
  name: z.string(),
  query: z.record(z.string(), z.string()),
  shared: z.boolean(),
  owner: z.object({ id: Id, name: z.string() }),
  isMine: z.boolean(),
  createdAt: Timestamp,
});
export type SavedView = z.infer<typeof SavedView>;
export const SavedViewList = z.object({ items: z.array(SavedView) });
export const ViewListQuery = z.object({ page: ViewPage });
