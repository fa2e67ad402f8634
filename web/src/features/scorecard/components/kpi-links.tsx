import { Anchor, Button, Group, List, Modal, MultiSelect, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { experimentsApi } from "#contracts/api/experiments";
import { pipelineApi } from "#contracts/api/pipeline";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type { KpiDetail } from "#contracts/scorecard";
import { FormError } from "../../../components/ui/form-error";
import { AnchorLink } from "../../../components/ui/links";
import { apiQuery } from "../../../lib/api-query";
import { useSetKpiLinks } from "../hooks/use-scorecard";

type Option = { value: string; label: string };

/** The query of a picker's search: the first 30 matches, once the typing pauses. */
function useSearchQuery(search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  return { query: { q: q || undefined, limit: 30 } };
}

/** The records found by a search, merged with those already chosen so their labels stay. */
function withChosen(chosen: Option[], found: Option[] | undefined) {
  const byId = new Map<string, Option>();
  for (const option of [...chosen, ...(found ?? [])]) byId.set(option.value, option);
  return [...byId.values()];
}

function LinksForm({ kpi, onDone }: { kpi: KpiDetail; onDone: () => void }) {
  const setLinks = useSetKpiLinks();
  const initial = {
    requests: kpi.links.requests.map((request) => ({ value: request.id, label: request.title })),
    experiments: kpi.links.experiments.map((experiment) => ({ value: experiment.id, label: experiment.name })),
    tools: kpi.links.tools.map((tool) => ({ value: tool.id, label: tool.name })),
  };
  const [chosen, setChosen] = useState({
    requests: initial.requests.map((option) => option.value),
    experiments: initial.experiments.map((option) => option.value),
    tools: initial.tools.map((option) => option.value),
  });
  const [searches, setSearches] = useState({ requests: "", experiments: "", tools: "" });
  const found = {
    requests: useQuery({
      ...apiQuery(pipelineApi.listRequests, useSearchQuery(searches.requests)),
      select: (page) =>
        page.items.map((request) => ({ value: request.id, label: `${request.reference} ${request.title}` })),
    }),
    experiments: useQuery({
      ...apiQuery(experimentsApi.list, useSearchQuery(searches.experiments)),
      select: (page) => page.items.map((experiment) => ({ value: experiment.id, label: experiment.name })),
    }),
    tools: useQuery({
      ...apiQuery(stackToolsApi.listTools, useSearchQuery(searches.tools)),
      select: (page) => page.items.map((tool) => ({ value: tool.id, label: tool.name })),
    }),
  };
  const options = {
    requests: withChosen(initial.requests, found.requests.data),
    experiments: withChosen(initial.experiments, found.experiments.data),
    tools: withChosen(initial.tools, found.tools.data),
  };
  const field = (kind: keyof typeof chosen, label: string, placeholder: string) => (
    <MultiSelect
      label={label}
      placeholder={placeholder}
      data={options[kind]}
      value={chosen[kind]}
      onChange={(value) => setChosen((previous) => ({ ...previous, [kind]: value }))}
      searchable
      searchValue={searches[kind]}
      onSearchChange={(value) => setSearches((previous) => ({ ...previous, [kind]: value }))}
      filter={({ options: all }) => all}
      clearable
    />
  );
  const save = () =>
    setLinks.mutate(
      {
        id: kpi.id,
        body: {
          version: kpi.version,
          requestIds: chosen.requests,
          experimentIds: chosen.experiments,
          toolIds: chosen.tools,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: "indigo", message: `Links of ${kpi.name} saved` });
          onDone();
        },
      },
    );
  return (
    <Stack gap="md">
      <FormError error={setLinks.error} />
      {field("requests", "Requests that should move it", "Search by number or title")}
      {field("experiments", "Experiments that test it", "Search by name")}
      {field("tools", "Tools it depends on", "Search by name")}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={save} loading={setLinks.isPending}>
          Save links
        </Button>
      </Group>
    </Stack>
  );
}

/** What is linked to a KPI (requests, experiments, tools), with a dialog to change it. */
export function KpiLinksPanel({ kpi, canWrite }: { kpi: KpiDetail; canWrite: boolean }) {
  const [opened, setOpened] = useState(false);
  const { requests, experiments, tools } = kpi.links;
  const isEmpty = requests.length + experiments.length + tools.length === 0;
  return (
    <Stack gap="xs">
      {isEmpty ? (
        <Text size="sm" c="dimmed">
          Nothing linked yet: link the requests meant to move this KPI, the experiments that test it and the tools it
          depends on.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {requests.map((request) => (
            <List.Item key={request.id}>
              Request:{" "}
              <AnchorLink to="/pipeline/requests/$id" params={{ id: request.id }}>
                {request.title}
              </AnchorLink>{" "}
              <Text span size="xs" c="dimmed">
                ({request.stage.replace(/_/g, " ")})
              </Text>
            </List.Item>
          ))}
          {experiments.map((experiment) => (
            <List.Item key={experiment.id}>
              Experiment:{" "}
              <AnchorLink to="/experiments/$id" params={{ id: experiment.id }}>
                {experiment.name}
              </AnchorLink>{" "}
              <Text span size="xs" c="dimmed">
                ({experiment.status})
              </Text>
            </List.Item>
          ))}
          {tools.map((tool) => (
            <List.Item key={tool.id}>
              Tool:{" "}
              <AnchorLink to="/stack/tools/$id" params={{ id: tool.id }}>
                {tool.name}
              </AnchorLink>
            </List.Item>
          ))}
        </List>
      )}
      {canWrite && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setOpened(true)}
          style={{ alignSelf: "flex-start" }}
        >
          Change links
        </Anchor>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Links of ${kpi.name}`} size="lg">
        {opened && <LinksForm kpi={kpi} onDone={() => setOpened(false)} />}
      </Modal>
    </Stack>
  );
}
