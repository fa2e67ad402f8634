import { Button } from "@mantine/core";
import { IconPlus, IconStack2, IconUpload } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { stackToolsApi } from "#contracts/api/stack-tools";
import { ClearFiltersButton, ListPage, pagesOf } from "../components/ui/list-page";
import { useMe } from "../features/auth/hooks/use-me";
import type { ToolFilters as Filters } from "../features/stack/api";
import { StackNav } from "../features/stack/components/stack-nav";
import { ToolFilters } from "../features/stack/components/tool-filters";
import { ToolFormDialog } from "../features/stack/components/tool-form";
import { ToolImportDialog } from "../features/stack/components/tool-import";
import { ToolTable } from "../features/stack/components/tool-table";
import { useTools } from "../features/stack/hooks/use-stack";
import { buildUrl, pathOf } from "../lib/api";

const route = getRouteApi("/app/stack");

/** The catalog: every tool marketing and IT use, with owners, money, contracts and compliance. */
export function StackPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters: Filters = {
    q: search.q,
    category: search.category,
    status: search.status,
    lifecycle: search.lifecycle,
    needsOwner: search.needsOwner,
    archived: search.archived,
    sort: search.sort,
  };
  const tools = useTools(filters);
  const [resetCount, setResetCount] = useState(0);
  const [importing, setImporting] = useState(false);
  const setFilters = (next: Filters) => void navigate({ search: { ...next }, replace: true });
  const items = tools.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Boolean(
    filters.q || filters.category || filters.status || filters.lifecycle || filters.needsOwner || filters.archived,
  );

  const clearFilters = () => {
    setFilters({});
    setResetCount((count) => count + 1);
  };
  const openCreate = () => void navigate({ search: (previous) => ({ ...previous, open: "create" }) });

  return (
    <ListPage
      title="Stack"
      description="The martech portfolio marketing and IT keep together: owners, cost, contracts, data and integrations."
      views={{
        page: "stack",
        current: { ...filters },
        onApply: (query) => {
          setFilters(query as Filters);
          setResetCount((count) => count + 1);
        },
      }}
      exportHref={buildUrl(pathOf(stackToolsApi.exportTools), { ...filters })}
      actions={
        canWrite && (
          <>
            <Button
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              onClick={() => setImporting(true)}
            >
              Import CSV
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={openCreate}>
              Add tool
            </Button>
          </>
        )
      }
      nav={<StackNav />}
      filters={<ToolFilters key={resetCount} filters={filters} onChange={setFilters} />}
      query={tools}
      loadingLabel="Loading tools…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconStack2,
        title: hasFilters ? "No tool matches these filters" : "The catalog is empty",
        description: hasFilters
          ? "Try another search, or clear the filters."
          : "Add the tools marketing and IT use, with their owners and contracts, to see the whole stack.",
        action: hasFilters ? (
          <ClearFiltersButton onClick={clearFilters} />
        ) : (
          canWrite && (
            <Button size="xs" onClick={openCreate}>
              Add the first tool
            </Button>
          )
        ),
      }}
      pagination={pagesOf(tools, "tools", { one: "tool", count: items.length })}
      after={
        <>
          {canWrite && <ToolImportDialog opened={importing} onClose={() => setImporting(false)} />}
          {canWrite && (
            <ToolFormDialog
              opened={search.open === "create"}
              tool={null}
              onClose={() => void navigate({ search: (previous) => ({ ...previous, open: undefined }), replace: true })}
              onSaved={(tool) => void navigate({ to: "/stack/tools/$id", params: { id: tool.id } })}
            />
          )}
        </>
      }
    >
      <ToolTable tools={items} />
    </ListPage>
  );
}
