import { Box, Button, Group, Modal, Progress, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconArrowRight } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import type { Agenda, Outcome } from "#contracts/rituals";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { formatMinutes, sideLabels } from "../labels";
import { OutcomeLine } from "./outcome-list";
import { AgendaKindBadge } from "./rituals-badges";

interface PresentationModeProps {
  agenda: Agenda;
  outcomes: Outcome[];
  opened: boolean;
  onClose: () => void;
}

/** The agenda on the big screen, one item at a time: arrow keys (or the buttons) walk it, Escape leaves. */
export function PresentationMode({ agenda, outcomes, opened, onClose }: PresentationModeProps) {
  const items = agenda.sections.flatMap((section) => section.items.map((item) => ({ section: section.title, item })));
  const [index, setIndex] = useState(0);
  const last = items.length - 1;
  const at = Math.min(index, Math.max(last, 0));

  useEffect(() => {
    if (!opened) return;
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === "ArrowRight" || event.key === "PageDown" || event.key === " ") {
        event.preventDefault();
        setIndex((current) => Math.min(current + 1, last));
      } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
        event.preventDefault();
        setIndex((current) => Math.max(current - 1, 0));
      } else if (event.key === "Home") {
        setIndex(0);
      } else if (event.key === "End") {
        setIndex(last);
      }
    };
    window.addEventListener("keydown", handleKey);
    return () => window.removeEventListener("keydown", handleKey);
  }, [opened, last]);

  const current = items[at];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen
      title={`${agenda.meeting.title} — presentation`}
      styles={{ title: { fontSize: "var(--mantine-font-size-lg)", fontWeight: 600 } }}
    >
      {current ? (
        <Stack gap="xl" maw={1100} mx="auto" py="md" px={{ base: 0, sm: "xl" }}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap">
              <Text size="lg" c="dimmed" aria-live="polite">
                Item {at + 1} of {items.length} · {current.section}
              </Text>
              <Text size="lg" fw={600}>
                {formatMinutes(current.item.timeBoxMinutes)}
              </Text>
            </Group>
            <Progress
              value={((at + 1) / items.length) * 100}
              size="sm"
              aria-label={`Item ${at + 1} of ${items.length}`}
            />
          </Stack>
          <Stack gap="md">
            <Group gap="sm">
              <AgendaKindBadge kind={current.item.kind} />
            </Group>
            <Title order={2} fz={{ base: 30, sm: 44 }} lh={1.15}>
              {current.item.title}
            </Title>
            {current.item.detail && (
              <Text fz={{ base: 20, sm: 26 }} c="dimmed">
                {current.item.detail}
              </Text>
            )}
            <Text fz={{ base: 18, sm: 22 }}>
              Owner:{" "}
              {current.item.owner
                ? `${current.item.owner.name} (${sideLabels[current.item.owner.side]})`
                : "nobody named"}
            </Text>
            {current.item.notes && (
              <Box>
                <Text size="lg" c="dimmed">
                  Notes
                </Text>
                <GlossaryText fz={{ base: 18, sm: 22 }} text={current.item.notes} />
              </Box>
            )}
            {outcomes.some((outcome) => outcome.agendaItemId === current.item.id) && (
              <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                {outcomes
                  .filter((outcome) => outcome.agendaItemId === current.item.id)
                  .map((outcome) => (
                    <OutcomeLine key={outcome.id} outcome={outcome} />
                  ))}
              </Stack>
            )}
          </Stack>
          <Group justify="space-between">
            <Button
              size="lg"
              variant="default"
              leftSection={<IconArrowLeft aria-hidden="true" />}
              disabled={at === 0}
              onClick={() => setIndex(at - 1)}
            >
              Previous
            </Button>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              ← → to move · Esc to leave
            </Text>
            <Button
              size="lg"
              rightSection={<IconArrowRight aria-hidden="true" />}
              disabled={at === last}
              onClick={() => setIndex(at + 1)}
            >
              Next
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="lg">The agenda is empty: add an item first.</Text>
      )}
    </Modal>
  );
}
