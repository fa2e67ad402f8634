import { Group, SegmentedControl, TextInput } from "@mantine/core";

export type ReviewScope = "active" | "all";

/** The scorecard's "as of" date and which objectives (this period or all), as the Scorecard and the review share them. */
export function ReviewFilters({
  asOf,
  scope,
  onChange,
  dateWidth = 220,
}: {
  asOf: string | undefined;
  scope: ReviewScope;
  onChange: (next: { asOf?: string; scope?: "all" }) => void;
  dateWidth?: number;
}) {
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <TextInput
        type="date"
        label="As of"
        title="Re-read the scorecard as it stood on a past date"
        value={asOf ?? ""}
        onChange={(event) =>
          onChange({ asOf: event.currentTarget.value || undefined, scope: scope === "all" ? "all" : undefined })
        }
        w={dateWidth}
      />
      <SegmentedControl
        aria-label="Which objectives"
        value={scope}
        onChange={(value) => onChange({ asOf, scope: value === "all" ? "all" : undefined })}
        data={[
          { value: "active", label: "Current period" },
          { value: "all", label: "All periods" },
        ]}
      />
    </Group>
  );
}
