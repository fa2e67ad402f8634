import { Button, Collapse, Group, Select, Switch, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconLayoutKanban } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import type { Priority, RequestType } from "#contracts/pipeline";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { Board } from "../features/pipeline/components/board";
import { PipelineNav } from "../features/pipeline/components/pipeline-nav";
import { useBoard } from "../features/pipeline/hooks/use-pipeline";
import { priorityOptions, typeOptions } from "../features/pipeline/labels";

/** Every open request by stage; drag a card, or use its menu, to move it. */
export function PipelineBoardPage() {
  const board = useBoard();
  const [type, setType] = useState<RequestType | null>(null);
  const [priority, setPriority] = useState<Priority | null>(null);
  const [sponsorId, setSponsorId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [breachedOnly, setBreachedOnly] = useState(false);
  // On a phone the filters fold behind one button, so the board starts on the first screen.
  const isPhone = useMediaQuery("(max-width: 48em)");
  const [filtersOpen, filters] = useDisclosure(false);
  const activeFilters = [type, priority, sponsorId, teamId].filter(Boolean).length + (breachedOnly ? 1 : 0);
  const items = board.data?.items ?? [];
  // The board holds every open request already: its filters work in the page, at once.
  const shown = useMemo(
    () =>
      items.filter(
        (request) =>
          (!type || request.type === type) &&
          (!priority || request.priority === priority) &&
          (!sponsorId || request.sponsor?.id === sponsorId) &&
          (!teamId || request.team?.id === teamId) &&
          (!breachedOnly || request.breached),
      ),
    [items, type, priority, sponsorId, teamId, breachedOnly],
  );
  const optionsOf = (pick: (request: (typeof items)[number]) => { id: string; name: string } | null) =>
    [
      ...new Map(
        items.flatMap((request) => {
          const ref = pick(request);
          return ref ? [[ref.id, ref.name] as const] : [];
        }),
      ).entries(),
    ]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <>
      <PageHeader
        title="Board"
        description="Every open request by stage. Drag a card to another column, or use its menu; only the moves the rules allow go through."
      />
      <PipelineNav />
      {board.isPending ? (
        <PageLoader label="Loading the board…" />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => board.refetch()} />
      ) : board.data.items.length === 0 ? (
        <EmptyState
          icon={IconLayoutKanban}
          title="No open requests"
          description="Submitted requests show up here, one column per stage."
        />
      ) : (
        <>
          {isPhone && (
            <Button
              variant="default"
              size="xs"
              mb="sm"
              leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden="true" />}
              aria-expanded={filtersOpen}
              aria-controls="board-filters"
              onClick={filters.toggle}
            >
              Filters{activeFilters > 0 ? ` (${activeFilters})` : ""}
            </Button>
          )}
          <Collapse expanded={!isPhone || filtersOpen} id="board-filters">
            <Group gap="sm" align="flex-end" mb="sm" wrap="wrap">
              <Select
                label="Type"
                placeholder="All types"
                data={typeOptions}
                value={type}
                onChange={(value) => setType(value as RequestType | null)}
                clearable
                w={190}
              />
              <Select
                label="Class"
                placeholder="All classes"
                data={priorityOptions}
                value={priority}
                onChange={(value) => setPriority(value as Priority | null)}
                clearable
                w={160}
              />
              <Select
                label="Sponsor"
                placeholder="Anyone"
                data={optionsOf((request) => request.sponsor)}
                value={sponsorId}
                onChange={setSponsorId}
                clearable
                searchable
                w={190}
              />
              <Select
                label="Team"
                placeholder="Any team"
                data={optionsOf((request) => request.team)}
                value={teamId}
                onChange={setTeamId}
                clearable
                w={170}
              />
              <Switch
                label="Breached only"
                checked={breachedOnly}
                onChange={(event) => setBreachedOnly(event.currentTarget.checked)}
                pb={8}
              />
            </Group>
          </Collapse>
          <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
            {shown.length === items.length
              ? `${items.length} open ${items.length === 1 ? "request" : "requests"}`
              : `${shown.length} of ${items.length} open requests`}
          </Text>
          <Board requests={shown} />
        </>
      )}
    </>
  );
}
