import { Text } from "@mantine/core";
import { IconLayoutKanban } from "@tabler/icons-react";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { Board } from "../features/pipeline/components/board";
import { PipelineNav } from "../features/pipeline/components/pipeline-nav";
import { useBoard } from "../features/pipeline/hooks/use-pipeline";

/** Every open request by stage; drag a card, or use its menu, to move it. */
export function PipelineBoardPage() {
  const board = useBoard();
  return (
    <>
      <PageHeader
        title="Board"
        description="Every open request by stage. Drag a card to another column, or use its menu; only the moves the rules allow go through."
      />
      <PipelineNav />
      {board.isPending ? (
        <PageLoader label="Loading the board…" />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => board.refetch()} />
      ) : board.data.items.length === 0 ? (
        <EmptyState
          icon={IconLayoutKanban}
          title="No open requests"
          description="Submitted requests show up here, one column per stage."
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm" aria-live="polite">
            {board.data.items.length} open {board.data.items.length === 1 ? "request" : "requests"}
          </Text>
          <Board requests={board.data.items} />
        </>
      )}
    </>
  );
}
