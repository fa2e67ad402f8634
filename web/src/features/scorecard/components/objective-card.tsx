import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import type { BusinessReview, OwnerRef } from "#contracts/scorecard";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { formatPeriod } from "../labels";
import { KpiTable } from "./kpi-table";
import { NotSharedBadge } from "./scorecard-badges";

export type ReviewObjective = BusinessReview["objectives"][number];

function Owner({ side, owner }: { side: string; owner: OwnerRef | null }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {side}:{" "}
      </Text>
      {owner ? (
        `${owner.name} (${owner.team.name})`
      ) : (
        <Text span c="var(--mantine-color-orange-text)">
          nobody
        </Text>
      )}
    </Text>
  );
}

interface ObjectiveCardProps {
  objective: ReviewObjective;
  /** Joint objectives under this company objective. */
  joint?: ReviewObjective[];
  canWrite: boolean;
  onEdit: (objectiveId: string) => void;
  onAddKpi: (objectiveId: string) => void;
  level?: 2 | 3;
}

/** An objective: its period, both owners (or which side is missing), its KPIs, and the joint objectives under it. */
export function ObjectiveCard({ objective, joint = [], canWrite, onEdit, onAddKpi, level = 2 }: ObjectiveCardProps) {
  return (
    <Card withBorder={level === 3} shadow={level === 2 ? "xs" : undefined} p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ flex: "1 1 320px", minWidth: 0 }}>
            <Group gap="xs">
              <Title order={level} size={level === 2 ? "h3" : "h4"}>
                {objective.title}
              </Title>
              {!objective.shared && <NotSharedBadge reason={objective.notSharedReason} />}
            </Group>
            <Text size="sm" c="dimmed">
              {formatPeriod(objective.periodStart, objective.periodEnd)}
            </Text>
            <Group gap="lg" wrap="wrap">
              <Owner side="Marketing" owner={objective.marketingOwner} />
              <Owner side="IT" owner={objective.itOwner} />
            </Group>
          </Stack>
          {canWrite && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} aria-hidden="true" />}
                onClick={() => onEdit(objective.id)}
                aria-label={`Edit ${objective.title}`}
              >
                Edit
              </Button>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() => onAddKpi(objective.id)}
                aria-label={`Add a KPI to ${objective.title}`}
              >
                KPI
              </Button>
            </Group>
          )}
        </Group>
        {objective.description && <GlossaryText size="sm" maw={820} text={objective.description} />}
        {objective.kpis.length > 0 ? (
          <KpiTable kpis={objective.kpis} />
        ) : (
          <Text size="sm" c="dimmed">
            No KPI yet: add the measure both sides will judge this objective by.
          </Text>
        )}
        {joint.length > 0 && (
          <Stack gap="sm" pl={{ base: 0, sm: "md" }}>
            {joint.map((child) => (
              <ObjectiveCard
                key={child.id}
                objective={child}
                canWrite={canWrite}
                onEdit={onEdit}
                onAddKpi={onAddKpi}
                level={3}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
