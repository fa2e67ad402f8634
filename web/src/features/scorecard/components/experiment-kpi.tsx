import { Anchor, Button, Group, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { kpisApi } from "#contracts/api/scorecard-kpis";
import { FormError } from "../../../components/ui/form-error";
import { AnchorLink } from "../../../components/ui/links";
import { call, isApiError } from "../../../lib/api";
import { apiQuery } from "../../../lib/api-query";
import { invalidateScorecard, kpiPickerQuery } from "../hooks/use-scorecard";
import { KpiStatusBadge } from "./scorecard-badges";

// The picker's choice for "not linked": Select's own clearing leaves null, which reads as "nothing chosen yet".
const NONE = "none";

/** The Scorecard KPI an experiment is linked to, with its status; writers link, change or unlink it in place. */
export function ExperimentKpiPanel({ experimentId, canWrite }: { experimentId: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const linked = useQuery(apiQuery(kpisApi.getExperimentKpi, { params: { id: experimentId } }));
  const [editing, setEditing] = useState<string | null>(null);
  const kpis = useQuery({ ...kpiPickerQuery(), enabled: editing !== null });
  const save = useMutation({
    mutationFn: (kpiId: string | null) =>
      call(kpisApi.setExperimentKpi, {
        params: { id: experimentId },
        body: { kpiId, version: linked.data?.version ?? 0 },
      }),
    onSuccess: (saved) => {
      notifications.show({
        color: "indigo",
        message: saved.kpi ? `Linked to the KPI ${saved.kpi.name}` : "No longer linked to a Scorecard KPI",
      });
      setEditing(null);
      // The link is part of the experiment (its version moved on): the Scorecard's keys cover every experiment.
      void invalidateScorecard(queryClient);
    },
    onError: (error) => {
      if (isApiError(error, "conflict")) void linked.refetch();
    },
  });
  const kpi = linked.data?.kpi ?? null;
  return (
    <Stack gap={6}>
      {editing !== null ? (
        <Stack gap="xs">
          <FormError
            error={save.error}
            messages={{ conflict: "Someone changed this experiment meanwhile: its link is reloaded, choose again." }}
          />
          <Select
            label="Scorecard KPI"
            description={linked.data?.kpiText ? `Written as “${linked.data.kpiText}”` : undefined}
            placeholder={kpis.isPending ? "Loading KPIs…" : "Search KPIs"}
            data={[
              { value: NONE, label: "Not linked" },
              ...(kpis.data ?? []).map((k) => ({ value: k.id, label: `${k.name} · ${k.objectiveTitle}` })),
            ]}
            value={editing}
            onChange={(value) => setEditing(value ?? NONE)}
            searchable
            nothingFoundMessage="No KPI by that name"
          />
          <Group gap="xs">
            <Button size="xs" onClick={() => save.mutate(editing === NONE ? null : editing)} loading={save.isPending}>
              Save KPI link
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed">
            Scorecard KPI
          </Text>
          <Stack gap={4} align="flex-end">
            {kpi ? (
              <Group gap="xs" wrap="nowrap">
                <KpiStatusBadge status={kpi.status} reason={kpi.reason} />
                <AnchorLink to="/scorecard/kpis/$id" params={{ id: kpi.id }} size="sm">
                  {kpi.name}
                </AnchorLink>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {linked.isPending ? "Loading…" : linked.isError ? "Could not be read" : "Not linked yet"}
              </Text>
            )}
            {canWrite && linked.data && (
              <Anchor component="button" type="button" size="sm" onClick={() => setEditing(kpi?.id ?? NONE)}>
                {kpi ? "Change KPI" : "Link a KPI"}
              </Anchor>
            )}
          </Stack>
        </Group>
      )}
    </Stack>
  );
}
