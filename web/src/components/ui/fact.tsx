import { Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

interface FactProps {
  label: string;
  children: ReactNode;
  /** "row": label left, value right (a side panel); "stacked": the label above the value (a tile). */
  layout?: "row" | "stacked";
}

/** One labelled fact of a record: "Owner — Ana", in a panel, a tile or a table row's card. */
export function Fact({ label, children, layout = "row" }: FactProps) {
  if (layout === "stacked")
    return (
      <div>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" fw={500} component="div">
          {children}
        </Text>
      </div>
    );
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" ta="right" style={{ overflowWrap: "anywhere", minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}
