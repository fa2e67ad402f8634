import { Badge, Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlayerStop } from "@tabler/icons-react";
import type { AttributionRunSummary } from "#contracts/value";
import { useCancelRun } from "../hooks/use-value";
import { useCanCancelRun } from "../permissions";

const STATUS: Record<AttributionRunSummary["status"], { label: string; color: string }> = {
  queued: { label: "Queued", color: "gray" },
  running: { label: "Running", color: "blue" },
  done: { label: "Done", color: "green" },
  failed: { label: "Failed", color: "red" },
  cancelled: { label: "Cancelled", color: "orange" },
};

/** A run's status as a badge. */
export function RunStatusBadge({ status }: { status: AttributionRunSummary["status"] }) {
  const meta = STATUS[status];
  return (
    <Badge variant="light" color={meta.color} tt="none" size="sm">
      {meta.label}
    </Badge>
  );
}

/** Cancels a queued or running run; shown to its author and admins only, and only while it is unfinished. */
export function CancelRunButton({ run }: { run: Pick<AttributionRunSummary, "id" | "name" | "status" | "createdBy"> }) {
  const canCancel = useCanCancelRun(run.createdBy);
  const cancel = useCancelRun();
  if (!canCancel || (run.status !== "queued" && run.status !== "running")) return null;
  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      leftSection={<IconPlayerStop size={14} aria-hidden="true" />}
      loading={cancel.isPending}
      aria-label={`Cancel run ${run.name}`}
      onClick={() =>
        cancel.mutate(run.id, {
          onError: (error) => notifications.show({ color: "red", title: "Not cancelled", message: error.message }),
        })
      }
    >
      Cancel
    </Button>
  );
}
