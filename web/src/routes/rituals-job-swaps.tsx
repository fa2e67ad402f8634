import { Button, Stack, Title } from "@mantine/core";
import { IconArrowsExchange, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { JobSwapPhase } from "#contracts/job-swaps";
import { type ListEmpty, ListSection, pagesOf } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
import { useMe } from "../features/auth/hooks/use-me";
import { JobSwapCard } from "../features/rituals/components/job-swap-card";
import { JobSwapFormDialog } from "../features/rituals/components/job-swap-form";
import { RitualsNav } from "../features/rituals/components/rituals-nav";
import { useJobSwaps } from "../features/rituals/hooks/use-rituals";

const phases: { phase: JobSwapPhase; title: string; empty: ListEmpty }[] = [
  {
    phase: "current",
    title: "Under way",
    empty: { icon: IconArrowsExchange, title: "No pair is swapping right now" },
  },
  {
    phase: "planned",
    title: "Planned",
    empty: {
      icon: IconArrowsExchange,
      title: "No swap is planned",
      description: "Pair someone from marketing with someone from IT.",
    },
  },
  {
    phase: "past",
    title: "Past",
    empty: {
      icon: IconArrowsExchange,
      title: "No swap has ended yet",
      description: "Reflections appear here when one does.",
    },
  },
];

function PhaseSection({
  phase,
  title,
  empty,
  myId,
}: {
  phase: JobSwapPhase;
  title: string;
  empty: ListEmpty;
  myId: string;
}) {
  const swaps = useJobSwaps(phase);
  const list = swaps.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={`job-swaps-${phase}`}>
      <ListSection
        filters={
          <Title order={2} size="h3" id={`job-swaps-${phase}`}>
            {title}
            {list.length > 0 ? ` (${list.length}${swaps.hasNextPage ? "+" : ""})` : ""}
          </Title>
        }
        query={swaps}
        loadingLabel={`Loading ${title.toLowerCase()} swaps…`}
        isEmpty={list.length === 0}
        empty={empty}
        pagination={pagesOf(swaps, "swaps")}
      >
        <Stack gap="sm" component="ul" m={0} px="lg" pb="lg">
          {list.map((swap) => (
            <JobSwapCard key={swap.id} swap={swap} myId={myId} />
          ))}
        </Stack>
      </ListSection>
    </section>
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
