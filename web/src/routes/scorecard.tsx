import { Button, Card, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconFileImport, IconPlus, IconTargetArrow } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { startTransition, useEffect, useState } from "react";
import type { KpiStatus } from "#contracts/scorecard";
import { ListPage } from "../components/ui/list-page";
import { useMe } from "../features/auth/hooks/use-me";
import { ImportCheckInsDialog } from "../features/scorecard/components/import-check-ins";
import { KpiFormDialog } from "../features/scorecard/components/kpi-form";
import { ObjectiveCard, type ReviewObjective } from "../features/scorecard/components/objective-card";
import { ObjectiveFormDialog } from "../features/scorecard/components/objective-form";
import { ReviewFilters } from "../features/scorecard/components/review-filters";
import { ScorecardNav } from "../features/scorecard/components/scorecard-nav";
import { useObjectives, useReview } from "../features/scorecard/hooks/use-scorecard";
import { kpiStatuses, kpiStatusMeta } from "../features/scorecard/labels";

const route = getRouteApi("/app/scorecard");

/** Company objectives with their joint objectives under them; a child whose parent is not shown stands alone. */
function treeOf(objectives: ReviewObjective[]) {
  const shown = new Set(objectives.map((objective) => objective.id));
  const roots = objectives.filter((objective) => objective.parentId === null || !shown.has(objective.parentId));
  return roots.map((root) => ({ root, children: objectives.filter((objective) => objective.parentId === root.id) }));
}

/** KPI rows drawn in the first frame, then about as many more in each following one. */
const ROWS_PER_FRAME = 40;

/**
 * How many of the objective trees to draw: the first ones at once (about a screen of rows), the rest in the
 * frames that follow, as transitions a click or a keystroke interrupts, so hundreds of KPIs never hold up the first
 * screen nor the reader's first click.
 */
function useShownTrees(trees: { root: ReviewObjective; children: ReviewObjective[] }[]) {
  const rowsOf = (index: number) =>
    trees[index].root.kpis.length + trees[index].children.reduce((sum, child) => sum + child.kpis.length + 1, 1);
  const upTo = (from: number) => {
    let end = from;
    let rows = 0;
    while (end < trees.length && (end === from || rows + rowsOf(end) <= ROWS_PER_FRAME)) rows += rowsOf(end++);
    return end;
  };
  const [shown, setShown] = useState(0);
  // Nothing drawn yet (the answer just came): the first screen's worth at once.
  const count = shown === 0 ? upTo(0) : shown;
  useEffect(() => {
    if (count >= trees.length) return;
    const handle = setTimeout(() => startTransition(() => setShown(upTo(count))), 0);
    return () => clearTimeout(handle);
  });
  return trees.slice(0, count);
}

/** How many KPIs are in each status, as one bar and as figures. */
function StatusSummary({ counts }: { counts: Record<KpiStatus, number> }) {
  const total = kpiStatuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  if (total === 0) return null;
  return (
    <Card mb="lg" p="lg">
      <Stack gap="sm">
        <Progress.Root size={18} aria-label="KPIs by status">
          {kpiStatuses.map((status) =>
            counts[status] ? (
              <Progress.Section
                key={status}
                value={(counts[status] / total) * 100}
                color={kpiStatusMeta[status].barColor}
                aria-label={`${kpiStatusMeta[status].label}: ${counts[status]}`}
              />
            ) : null,
          )}
        </Progress.Root>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {kpiStatuses.map((status) => (
            <div key={status}>
              <Text size="xs" c="dimmed">
                {kpiStatusMeta[status].label}
              </Text>
              <Text fz={26} fw={700} lh={1.1}>
                {counts[status] ?? 0}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** Shared objectives and their KPIs, read as of a date: where marketing and IT stand together. */
export function ScorecardPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const scope = search.scope ?? "active";
  const review = useReview(search.asOf, scope);
  const objectives = useObjectives();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [addingKpiTo, setAddingKpiTo] = useState<string | "any" | null>(null);
  const [importing, setImporting] = useState(false);
  const editingObjective =
    editing && editing !== "new"
      ? ((objectives.data ?? []).find((objective) => objective.id === editing) ?? null)
      : null;
  const items = review.data?.objectives ?? [];
  const trees = useShownTrees(treeOf(items));
  // A KPI is the next page most readers open: fetch its code while the scorecard's answer is on its way.
  useEffect(() => {
    void import("./scorecard-kpi");
  }, []);

  return (
    <ListPage
      title="Scorecard"
      description="Objectives co-owned by marketing and IT, and the customer-facing KPIs both sides are measured on."
      actions={
        canWrite && (
          <>
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden="true" />}
              onClick={() => setImporting(true)}
            >
              Import check-ins
            </Button>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setAddingKpiTo("any")}
            >
              New KPI
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing("new")}>
              New objective
            </Button>
          </>
        )
      }
      nav={<ScorecardNav />}
      withCard={false}
      filters={
        <ReviewFilters
          asOf={search.asOf}
          scope={scope}
          onChange={(next) => void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true })}
        />
      }
      query={review}
      loadingLabel="Loading the scorecard…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconTargetArrow,
        title: scope === "active" ? "No objective for this period" : "No objectives yet",
        description:
          "Agree on an objective with an owner from marketing and one from IT, then add the KPIs you will both be measured on.",
        action: canWrite && (
          <Button size="xs" onClick={() => setEditing("new")}>
            Add the first objective
          </Button>
        ),
      }}
      after={
        canWrite && (
          <>
            <ObjectiveFormDialog
              opened={editing !== null}
              objective={editingObjective}
              onClose={() => setEditing(null)}
            />
            <KpiFormDialog
              opened={addingKpiTo !== null}
              kpi={null}
              objectiveId={addingKpiTo === "any" ? null : addingKpiTo}
              onClose={() => setAddingKpiTo(null)}
            />
            <ImportCheckInsDialog opened={importing} onClose={() => setImporting(false)} />
          </>
        )
      }
    >
      {review.data && <StatusSummary counts={review.data.statusCounts as Record<KpiStatus, number>} />}
      <Stack gap="lg">
        {trees.map(({ root, children }) => (
          <ObjectiveCard
            key={root.id}
            objective={root}
            joint={children}
            canWrite={canWrite}
            onEdit={setEditing}
            onAddKpi={setAddingKpiTo}
          />
        ))}
      </Stack>
    </ListPage>
  );
}
