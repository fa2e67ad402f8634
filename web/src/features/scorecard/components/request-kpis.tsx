import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { kpisApi } from "#contracts/api/scorecard-kpis";
import { FormError } from "../../../components/ui/form-error";
import { AnchorLink } from "../../../components/ui/links";
import { apiQuery } from "../../../lib/api-query";
import { setRequestKpis } from "../api";
import { invalidateScorecard } from "../hooks/use-scorecard";
import { KpiPicker } from "./kpi-picker";
import { KpiStatusBadge } from "./scorecard-badges";

/** The Scorecard KPIs a request should move, with their status; writers change them in place. */
export function RequestKpisPanel({ requestId, canWrite }: { requestId: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const linked = useQuery(apiQuery(kpisApi.getRequestKpis, { params: { id: requestId } }));
  const [editing, setEditing] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: (kpiIds: string[]) => setRequestKpis(requestId, kpiIds),
    onSuccess: () => {
      notifications.show({ color: "indigo", message: "KPIs this request should move saved" });
      setEditing(null);
      void invalidateScorecard(queryClient);
    },
  });
  const items = linked.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        KPIs this should move
      </Text>
      {editing ? (
        <Stack gap="xs">
          <FormError error={save.error} />
          <KpiPicker label="KPIs" value={editing} onChange={setEditing} />
          <Group gap="xs">
            <Button size="xs" onClick={() => save.mutate(editing)} loading={save.isPending}>
              Save KPIs
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {linked.isPending ? "Loading…" : "None linked yet."}
            </Text>
          ) : (
            items.map((kpi) => (
              <Group key={kpi.id} gap="xs" wrap="nowrap">
                <KpiStatusBadge status={kpi.status} reason={kpi.reason} />
                <AnchorLink to="/scorecard/kpis/$id" params={{ id: kpi.id }} size="sm">
                  {kpi.name}
                </AnchorLink>
              </Group>
            ))
          )}
          {canWrite && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              style={{ alignSelf: "flex-start" }}
              onClick={() => setEditing(items.map((kpi) => kpi.id))}
            >
              {items.length === 0 ? "Link KPIs" : "Change KPIs"}
            </Anchor>
          )}
        </>
      )}
    </Stack>
  );
}
