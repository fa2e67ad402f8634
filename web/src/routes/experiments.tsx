import { Button, Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconFlask, IconPlus, IconSearch } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { ExperimentOutcome, ExperimentStatus } from "#contracts/experiments";
import { ClearFiltersButton, ListPage, pagesOf } from "../components/ui/list-page";
import { useMe } from "../features/auth/hooks/use-me";
import type { ExperimentFilters } from "../features/experiments/api";
import { ExperimentFormDialog } from "../features/experiments/components/experiment-form";
import { ExperimentTable } from "../features/experiments/components/experiment-table";
import { ExperimentsNav } from "../features/experiments/components/experiments-nav";
import { useExperiments } from "../features/experiments/hooks/use-experiments";
import { outcomeOptions, statusOptions } from "../features/experiments/labels";

const route = getRouteApi("/app/experiments");

/** Every experiment: what it tests, where it stands, and how its latest result reads. */
export function ExperimentsPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters: ExperimentFilters = { q: search.q, status: search.status, outcome: search.outcome };
  const experiments = useExperiments(filters);
  const [text, setText] = useState(search.q ?? "");
  const setFilters = (next: ExperimentFilters) => void navigate({ search: { ...next }, replace: true });
  const setQuery = useDebouncedCallback((q: string) => setFilters({ ...filters, q: q.trim() || undefined }), 300);
  const items = experiments.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Boolean(filters.q || filters.status || filters.outcome);
  const openCreate = () => void navigate({ search: (previous) => ({ ...previous, open: "create" }) });

  return (
    <ListPage
      title="Experiments"
      description="Hypothesise, measure, test and iterate: every test tied to the KPI it should move, analysed with sound statistics, decided with a reason."
      actions={
        canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={openCreate}>
            New experiment
          </Button>
        )
      }
      views={{
        page: "experiments",
        current: { ...filters },
        onApply: (query) => {
          setText(query.q ?? "");
          setFilters(query as ExperimentFilters);
        },
      }}
      nav={<ExperimentsNav />}
      filters={
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            label="Search"
            placeholder="Name, KPI, hypothesis, learnings"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setQuery(event.currentTarget.value);
            }}
            style={{ flex: "1 1 260px" }}
          />
          <Select
            label="Status"
            placeholder="Any"
            data={statusOptions}
            clearable
            value={filters.status ?? null}
            onChange={(value) => setFilters({ ...filters, status: (value as ExperimentStatus) ?? undefined })}
            w={160}
          />
          <Select
            label="Decision"
            placeholder="Any"
            data={outcomeOptions}
            clearable
            value={filters.outcome ?? null}
            onChange={(value) => setFilters({ ...filters, outcome: (value as ExperimentOutcome) ?? undefined })}
            w={160}
          />
        </Group>
      }
      query={experiments}
      loadingLabel="Loading experiments…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconFlask,
        title: hasFilters ? "No experiment matches these filters" : "No experiments yet",
        description: hasFilters
          ? "Try another search, or clear the filters."
          : "Write down a hypothesis — we believe a change will cause an outcome, measured by a KPI — and test it.",
        action: hasFilters ? (
          <ClearFiltersButton
            onClick={() => {
              setText("");
              setFilters({});
            }}
          />
        ) : (
          canWrite && (
            <Button size="xs" onClick={openCreate}>
              Write the first hypothesis
            </Button>
          )
        ),
      }}
      pagination={pagesOf(experiments, "experiments", { one: "experiment", count: items.length })}
      after={
        canWrite && (
          <ExperimentFormDialog
            opened={search.open === "create"}
            experiment={null}
            onClose={() => void navigate({ search: (previous) => ({ ...previous, open: undefined }), replace: true })}
            onSaved={(experiment) => void navigate({ to: "/experiments/$id", params: { id: experiment.id } })}
          />
        )
      }
    >
      <ExperimentTable experiments={items} />
    </ListPage>
  );
}
