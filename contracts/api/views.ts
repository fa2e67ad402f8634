import { IdParams, Ok } from "../common";
import { defineRoute } from "../route";
import { CreateViewBody, SavedView, SavedViewList, ViewListQuery } from "../views";

/** Saved views of list pages. */
export const viewsApi = {
  list: defineRoute({
    method: "GET",
    path: "/views",
    tags: ["views"],
    summary: "My saved views of a page, and those shared with the workspace",
    query: ViewListQuery,
    response: { 200: SavedViewList },
  }),
  create: defineRoute({
    method: "POST",
    path: "/views",
    tags: ["views"],
    summary: "Save a view",
    body: CreateViewBody,
    response: { 201: SavedView },
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/views/:id",
    tags: ["views"],
    summary: "Delete a saved view",
    params: IdParams,
    response: { 200: Ok },
  }),
};
