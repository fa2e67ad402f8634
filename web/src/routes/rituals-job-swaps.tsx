import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { JobSwapPhase } from "#contracts/job-swaps";
import { LoadMore } from "../components/ui/load-more";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { JobSwapCard } from "../features/rituals/components/job-swap-card";
import { JobSwapFormDialog } from "../features/rituals/components/job-swap-form";
import { RitualsNav } from "../features/rituals/components/rituals-nav";
import { useJobSwaps } from "../features/rituals/hooks/use-rituals";

const phases: { phase: JobSwapPhase; title: string; empty: string }[] = [
  { phase: "current", title: "Under way", empty: "No pair is swapping right now." },
  {
    phase: "planned",
    title: "Planned",
    empty: "No swap is planned: pair someone from marketing with someone from IT.",
  },
  { phase: "past", title: "Past", empty: "No swap has ended yet; reflections appear here when one does." },
];

function PhaseSection({
  phase,
  title,
  empty,
  myId,
}: {
  phase: JobSwapPhase;
  title: string;
  empty: string;
  myId: string;
}) {
  const swaps = useJobSwaps(phase);
  const list = swaps.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card p="lg" component="section" aria-labelledby={`job-swaps-${phase}`}>
      <Title order={2} size="h3" mb="sm" id={`job-swaps-${phase}`}>
        {title}
        {list.length > 0 ? ` (${list.length}${swaps.hasNextPage ? "+" : ""})` : ""}
      </Title>
      {swaps.isPending ? (
        <PageLoader label={`Loading ${title.toLowerCase()} swaps…`} />
      ) : swaps.isError ? (
        <ErrorState error={swaps.error} onRetry={() => swaps.refetch()} />
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <>
          <Stack gap="sm" component="ul" m={0} p={0}>
            {list.map((swap) => (
              <JobSwapCard key={swap.id} swap={swap} myId={myId} />
            ))}
          </Stack>
          <LoadMore
            hasMore={swaps.hasNextPage}
            isLoading={swaps.isFetchingNextPage}
            onLoadMore={() => swaps.fetchNextPage()}
            noun="swaps"
          />
        </>
      )}
    </Card>
  );
}

/** The job-swap programme: marketing and IT people in each other's work for a while, with goals and reflections. */
export function RitualsJobSwapsPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Job swaps"
        description="Pairs of a marketer and a technologist who spend a few days in each other's work, with goals set before and a short reflection from each after."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
              New pair
            </Button>
          )
        }
      />
      <RitualsNav />
      <Stack gap="lg">
        {phases.map((entry) => (
          <PhaseSection key={entry.phase} {...entry} myId={me.user.id} />
        ))}
      </Stack>
      {canWrite && <JobSwapFormDialog opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
