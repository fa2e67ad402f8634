import { Badge, Tooltip } from "@mantine/core";
import type { KpiStatus } from "#contracts/scorecard";
import { kpiStatusMeta } from "../labels";

/** A KPI's status, coloured; the reason in words is its tooltip and accessible description. */
export function KpiStatusBadge({ status, reason }: { status: KpiStatus; reason?: string }) {
  const meta = kpiStatusMeta[status];
  const badge = (
    <Badge color={meta.color} variant="light" style={{ flexShrink: 0, overflow: "visible" }} miw="fit-content">
      {meta.label}
    </Badge>
  );
  return reason ? (
    <Tooltip label={reason} multiline w={280} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** "Not shared": an objective that one side owns alone. */
export function NotSharedBadge({ reason }: { reason: string | null }) {
  return (
    <Tooltip label={reason ?? "Owned by one side only"} withArrow>
      <Badge color="orange" variant="outline" style={{ flexShrink: 0, overflow: "visible" }}>
        Not shared
      </Badge>
    </Tooltip>
  );
}
