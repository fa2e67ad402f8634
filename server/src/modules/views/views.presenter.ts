import type { SavedView } from "#contracts/views";
import type { SavedViewRow } from "./views.queries";

/** A saved view as its reader sees it: `isMine` when the reader owns it. */
export function presentView(row: SavedViewRow, readerId: string): SavedView {
  return {
    id: row.view.id,
    page: row.view.page,
    name: row.view.name,
    query: row.view.query,
    shared: row.view.shared,
    owner: row.owner,
    isMine: row.view.ownerId === readerId,
    createdAt: row.view.createdAt.toISOString(),
  };
}
