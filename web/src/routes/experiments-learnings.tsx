import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconBulb, IconSearch } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { Experiment, ExperimentOutcome } from "#contracts/experiments";
import { AnchorLink } from "../components/ui/links";
import { ListPage, pagesOf } from "../components/ui/list-page";
import type { LearningFilters } from "../features/experiments/api";
import { HeadlineText, OutcomeBadge } from "../features/experiments/components/experiment-badges";
import { ExperimentsNav } from "../features/experiments/components/experiments-nav";
import { useLearnings } from "../features/experiments/hooks/use-experiments";
import { outcomeOptions } from "../features/experiments/labels";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/experiments/learnings");

function LearningCard({ experiment }: { experiment: Experiment }) {
  const { decision } = experiment;
  return (
    <Card component="article" aria-label={experiment.name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            <AnchorLink to="/experiments/$id" params={{ id: experiment.id }}>
              {experiment.name}
            </AnchorLink>
          </Title>
          {decision && <OutcomeBadge outcome={decision.outcome} />}
        </Group>
        <Group gap={6}>
          <Badge variant="light" color="indigo">
            KPI: {experiment.kpi}
          </Badge>
          {experiment.channel && (
            <Badge variant="light" color="gray">
              {experiment.channel}
            </Badge>
          )}
          {experiment.parent && (
            <Badge variant="light" color="violet">
              Follows up {experiment.parent.name}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          We believed that {experiment.hypothesis.change} would cause {experiment.hypothesis.outcome}.
        </Text>
        <HeadlineText experiment={experiment} />
        {experiment.learnings ? (
          <Text size="sm">
            <Text span fw={600}>
              Learnt:{" "}
            </Text>
            {experiment.learnings}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No learnings written down yet.
          </Text>
        )}
        {decision && (
          <Text size="xs" c="dimmed">
            {decision.reason} — {decision.decidedBy?.name ?? "someone"}, {formatDate(decision.decidedAt)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Decided experiments and what they taught, searchable by KPI, channel and outcome. */
export function ExperimentLearningsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters: LearningFilters = { q: search.q, outcome: search.outcome, kpi: search.kpi, channel: search.channel };
  const learnings = useLearnings(filters);
  const [text, setText] = useState(search.q ?? "");
  const [kpi, setKpi] = useState(search.kpi ?? "");
  const [channel, setChannel] = useState(search.channel ?? "");
  const setFilters = (next: LearningFilters) => void navigate({ search: { ...next }, replace: true });
  const debounced = useDebouncedCallback((next: LearningFilters) => setFilters(next), 300);
  const items = learnings.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Boolean(filters.q || filters.outcome || filters.kpi || filters.channel);

  return (
    <ListPage
      title="Learning library"
      description="Every decided experiment with its result, its decision and what it taught, so nobody tests the same idea twice."
      nav={<ExperimentsNav />}
      withCard={false}
      filters={
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            label="Search learnings"
            placeholder="Words from the name, hypothesis, reason or learnings"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              debounced({ ...filters, q: event.currentTarget.value.trim() || undefined });
            }}
            style={{ flex: "1 1 260px" }}
          />
          <TextInput
            label="KPI"
            placeholder="Any"
            value={kpi}
            onChange={(event) => {
              setKpi(event.currentTarget.value);
              debounced({ ...filters, kpi: event.currentTarget.value.trim() || undefined });
            }}
            w={180}
          />
          <TextInput
            label="Channel"
            placeholder="Any"
            value={channel}
            onChange={(event) => {
              setChannel(event.currentTarget.value);
              debounced({ ...filters, channel: event.currentTarget.value.trim() || undefined });
            }}
            w={160}
          />
          <Select
            label="Decision"
            placeholder="Any"
            data={outcomeOptions}
            clearable
            value={filters.outcome ?? null}
            onChange={(value) => setFilters({ ...filters, outcome: (value as ExperimentOutcome) ?? undefined })}
            w={160}
          />
        </Group>
      }
      query={learnings}
      loadingLabel="Loading the learning library…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconBulb,
        title: hasFilters ? "Nothing learnt matches these filters" : "Nothing decided yet",
        description: hasFilters
          ? "Try other words, or clear the filters."
          : "When an experiment is decided — shipped, rolled back or iterated — its learnings land here.",
      }}
      pagination={pagesOf(learnings, "learnings")}
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {items.map((experiment) => (
          <LearningCard key={experiment.id} experiment={experiment} />
        ))}
      </SimpleGrid>
    </ListPage>
  );
}
