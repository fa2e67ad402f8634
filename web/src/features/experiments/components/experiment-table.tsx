import { Stack, Table, Text } from "@mantine/core";
import type { Experiment } from "../../../../../contracts/experiments";
import { AnchorLink } from "../../../components/ui/links";
import { formatDate } from "../../../lib/format";
import { HeadlineText, OutcomeBadge, StatusBadge } from "./experiment-badges";

/** The experiments: name and KPI, status, owner, the latest lift at a glance, and when it last changed. */
export function ExperimentTable({ experiments }: { experiments: Experiment[] }) {
  return (
    <div className="table-scroll">
      <Table verticalSpacing="sm" highlightOnHover miw={{ base: 0, md: 860 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" pl="lg">
              Experiment
            </Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              Owner
            </Table.Th>
            <Table.Th scope="col">Latest result</Table.Th>
            <Table.Th scope="col" visibleFrom="md" pr="lg">
              Updated
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {experiments.map((experiment) => (
            <Table.Tr key={experiment.id}>
              <Table.Td pl="lg">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <AnchorLink to="/experiments/$id" params={{ id: experiment.id }} fw={600}>
                    {experiment.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    KPI: {experiment.kpi}
                    {experiment.channel ? ` · ${experiment.channel}` : ""}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                {/* A decided experiment shows what was decided; the others where they stand. */}
                {experiment.decision ? (
                  <OutcomeBadge outcome={experiment.decision.outcome} />
                ) : (
                  <StatusBadge status={experiment.status} />
                )}
              </Table.Td>
              <Table.Td visibleFrom="md">
                <Text size="sm">{experiment.owner?.name ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <HeadlineText experiment={experiment} />
              </Table.Td>
              <Table.Td visibleFrom="md" pr="lg">
                <Text size="sm" c="dimmed">
                  {formatDate(experiment.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
