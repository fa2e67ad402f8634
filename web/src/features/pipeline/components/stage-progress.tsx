import { Box, Group, Text, ThemeIcon } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import type { Stage } from "#contracts/pipeline";
import { PATH_STAGES, stageMeta } from "../labels";

/** Where the request is on its way from submitted to closed (a declined or withdrawn one says so). */
export function StageProgress({ stage, closedAtDecision = false }: { stage: Stage; closedAtDecision?: boolean }) {
  // A request closed by accepting an alternative stopped at the decision: later steps never happened.
  const current = closedAtDecision ? PATH_STAGES.indexOf("decision") + 1 : PATH_STAGES.indexOf(stage);
  const isOffPath = current === -1 || closedAtDecision;
  return (
    <Box component="nav" aria-label="Stage progress" pos="relative">
      <Group component="ol" gap={6} wrap="wrap" m={0} p={0} style={{ listStyle: "none" }}>
        {PATH_STAGES.map((step, index) => {
          const isDone = closedAtDecision ? index < current : !isOffPath && (index < current || stage === "closed");
          const isCurrent = !isOffPath && index === current && stage !== "closed";
          return (
            <Group
              component="li"
              key={step}
              gap={6}
              wrap="nowrap"
              aria-current={isCurrent ? "step" : undefined}
              style={{ flexShrink: 0 }}
            >
              <ThemeIcon
                size={22}
                radius="xl"
                variant={isDone || isCurrent ? "filled" : "default"}
                color={isCurrent ? "indigo" : "teal.8"}
                aria-hidden="true"
              >
                {isDone ? (
                  <IconCheck size={13} />
                ) : (
                  <Text span size="xs" fw={700}>
                    {index + 1}
                  </Text>
                )}
              </ThemeIcon>
              <Text size="sm" fw={isCurrent ? 700 : 400} c={isDone || isCurrent ? undefined : "dimmed"}>
                {stageMeta[step].label}
                {isDone ? <span className="visually-hidden"> (done)</span> : null}
                {isCurrent ? <span className="visually-hidden"> (current)</span> : null}
              </Text>
              {index < PATH_STAGES.length - 1 && (
                <Text span c="dimmed" aria-hidden="true">
                  ›
                </Text>
              )}
            </Group>
          );
        })}
      </Group>
      {isOffPath && (
        <Text size="sm" c="dimmed" mt={4}>
          {closedAtDecision
            ? "Closed at the decision: the requester accepted the alternative."
            : `This request is ${stageMeta[stage].label.toLowerCase()}.`}
        </Text>
      )}
    </Box>
  );
}
