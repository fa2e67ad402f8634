import { IconLock } from "@tabler/icons-react";
import { EmptyState } from "./empty-state";
import { PageHeader } from "./page-header";

/** The state of an admin page reached by someone who is not an admin. */
export function AdminsOnly({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={IconLock}
        title="Admins only"
        description={`Only workspace admins can see ${what}. Ask an admin if you need something from here.`}
      />
    </>
  );
}
