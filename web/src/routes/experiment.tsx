import { Alert, Anchor, Button, Card, Divider, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconChartDots,
  IconGavel,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconTable,
} from "@tabler/icons-react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { ExperimentDetail, ExperimentStatus } from "#contracts/experiments";
import { EmptyState } from "../components/ui/empty-state";
import { Fact } from "../components/ui/fact";
import { AnchorLink } from "../components/ui/links";
import { describeError, ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { DecisionDialog } from "../features/experiments/components/decision-dialog";
import { OutcomeBadge, StatusBadge } from "../features/experiments/components/experiment-badges";
import { ExperimentFormDialog } from "../features/experiments/components/experiment-form";
import { LearningsCard } from "../features/experiments/components/learnings-card";
import { ResultsEntryDialog } from "../features/experiments/components/results-entry";
import { ResultsView } from "../features/experiments/components/results-view";
import { SampleSizePlanner } from "../features/experiments/components/sample-size-planner";
import { SnapshotHistory } from "../features/experiments/components/snapshot-history";
import { useExperiment, useResults, useTransitionExperiment } from "../features/experiments/hooks/use-experiments";
import { methodOptions } from "../features/experiments/labels";
import { GlossaryText } from "../features/glossary/components/glossary-text";
import { ExperimentKpiPanel } from "../features/scorecard/components/experiment-kpi";
import { isApiError } from "../lib/api";
import { formatDate, formatDateTime } from "../lib/format";

const route = getRouteApi("/app/experiments/$id");

/** One experiment: its hypothesis, design, results with their reading, and its decision. */
export function ExperimentPage() {
  const { id } = route.useParams();
  const experiment = useExperiment(id);
  if (experiment.isPending) return <PageLoader label="Loading the experiment…" />;
  if (experiment.isError) {
    return (
      <>
        <PageHeader title={isApiError(experiment.error, "not_found") ? "Experiment not found" : "Experiment"} />
        <ErrorState error={experiment.error} onRetry={() => experiment.refetch()} />
        <Anchor component={AnchorLink} to="/experiments" mt="md" display="block">
          Back to the experiments
        </Anchor>
      </>
    );
  }
  return <ExperimentDetails experiment={experiment.data} />;
}

const transitionActions: Record<
  ExperimentStatus,
  { to: ExperimentStatus; label: string; icon: typeof IconPlayerPlay } | null
> = {
  draft: { to: "running", label: "Start", icon: IconPlayerPlay },
  running: { to: "stopped", label: "Stop", icon: IconPlayerPause },
  stopped: { to: "running", label: "Resume", icon: IconPlayerPlay },
  decided: null,
};

function ExperimentDetails({ experiment }: { experiment: ExperimentDetail }) {
  const me = useMe();
  const navigate = useNavigate();
  const canWrite = me.user.role !== "viewer";
  const canDecide = me.user.role === "admin" || (canWrite && experiment.owner?.id === me.user.id);
  const transition = useTransitionExperiment();
  const results = useResults(experiment.id);
  const [dialog, setDialog] = useState<"edit" | "results" | "decide" | "follow-up" | null>(null);
  const isLive = experiment.status === "running" || experiment.status === "stopped";
  const action = transitionActions[experiment.status];
  const h = experiment.hypothesis;

  const handleTransition = () => {
    if (!action) return;
    transition.mutate(
      { id: experiment.id, version: experiment.version, status: action.to },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: "indigo",
            message: `${saved.name} is ${saved.status === "running" ? "running" : "stopped"}`,
          }),
        onError: (error) =>
          notifications.show({
            color: isApiError(error, "conflict") ? "orange" : "red",
            title: isApiError(error, "conflict") ? "Someone changed this experiment meanwhile" : "Could not do that",
            message: describeError(error),
          }),
      },
    );
  };

  return (
    <>
      <Anchor component={AnchorLink} to="/experiments" size="sm" mb="xs" display="inline-block">
        ← Experiments
      </Anchor>
      <PageHeader
        title={experiment.name}
        badge={
          <Group gap={6}>
            <StatusBadge status={experiment.status} />
            {experiment.decision && <OutcomeBadge outcome={experiment.decision.outcome} />}
          </Group>
        }
        description={`KPI: ${experiment.kpi}${experiment.channel ? ` · ${experiment.channel}` : ""}`}
        actions={
          canWrite && (
            <>
              {experiment.status !== "decided" && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden="true" />}
                  onClick={() => setDialog("edit")}
                >
                  Edit
                </Button>
              )}
              {action && (
                <Button
                  variant={experiment.status === "draft" ? "filled" : "default"}
                  leftSection={<action.icon size={16} aria-hidden="true" />}
                  loading={transition.isPending}
                  onClick={handleTransition}
                >
                  {action.label}
                </Button>
              )}
              {isLive && (
                <Button leftSection={<IconTable size={16} aria-hidden="true" />} onClick={() => setDialog("results")}>
                  Enter results
                </Button>
              )}
              {isLive && canDecide && (
                <Button
                  color="teal.9"
                  leftSection={<IconGavel size={16} aria-hidden="true" />}
                  onClick={() => setDialog("decide")}
                >
                  Decide
                </Button>
              )}
              {experiment.status === "decided" && (
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  onClick={() => setDialog("follow-up")}
                >
                  Follow-up experiment
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        {experiment.decision && (
          <Alert
            color={
              experiment.decision.outcome === "rolled_back"
                ? "red"
                : experiment.decision.outcome === "shipped"
                  ? "teal"
                  : "violet"
            }
            variant="light"
            icon={<IconGavel aria-hidden="true" />}
            title={`Decided: ${experiment.decision.outcome === "rolled_back" ? "rolled back" : experiment.decision.outcome}`}
          >
            <Text size="sm">{experiment.decision.reason}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {experiment.decision.decidedBy?.name ?? "Someone"}, {formatDateTime(experiment.decision.decidedAt)}
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card>
            <Title order={2} size="h4" mb="sm">
              Hypothesis
            </Title>
            <Text>
              We believe that <GlossaryText span fw={700} text={h.change} /> will cause{" "}
              <GlossaryText span fw={700} text={h.outcome} />, measured by{" "}
              <GlossaryText span fw={700} text={h.measure} />
              {h.rationale ? (
                <>
                  , because <GlossaryText span text={h.rationale} />
                </>
              ) : null}
              .
            </Text>
            <Stack gap={6} mt="md">
              <ExperimentKpiPanel experimentId={experiment.id} canWrite={canWrite} />
              <Fact label="Owner">{experiment.owner?.name ?? "Nobody"}</Fact>
              <Fact label="IT partner">{experiment.itPartner?.name ?? "—"}</Fact>
              <Fact label="Started">{formatDate(experiment.startedAt)}</Fact>
              <Fact label="Stopped">{formatDate(experiment.stoppedAt)}</Fact>
              {experiment.requestId && <Fact label="Pipeline request">{experiment.requestId.slice(0, 8)}</Fact>}
              {experiment.parent && (
                <Fact label="Follows up">
                  <AnchorLink to="/experiments/$id" params={{ id: experiment.parent.id }} size="sm">
                    {experiment.parent.name}
                  </AnchorLink>
                </Fact>
              )}
            </Stack>
          </Card>
          <Card>
            <Title order={2} size="h4" mb="sm">
              Design
            </Title>
            <Stack gap={6}>
              <Fact label="Variants">
                {experiment.variants
                  .map((variant, index) => `${variant.name}${index === 0 ? " (control)" : ""} · ${variant.weight}`)
                  .join(" / ")}
              </Fact>
              <Fact label="Primary metric">
                {experiment.primaryMetric.name} ({experiment.primaryMetric.type},{" "}
                {experiment.primaryMetric.direction === "increase" ? "higher is better" : "lower is better"})
              </Fact>
              <Fact label="Method">
                {methodOptions.find((option) => option.value === experiment.primaryMetric.method)?.label.split(" (")[0]}{" "}
                · {Math.round((1 - experiment.primaryMetric.alpha) * 100)}% ·{" "}
                {experiment.primaryMetric.sided === "two"
                  ? "two-sided"
                  : `one-sided (${experiment.primaryMetric.sided})`}
              </Fact>
              <Fact label="Minimum detectable effect">
                {experiment.primaryMetric.mde !== null ? `${(experiment.primaryMetric.mde * 100).toFixed(1)}%` : "—"}
              </Fact>
              {experiment.otherMetrics.length > 0 && (
                <Fact label="Other metrics">
                  {experiment.otherMetrics.map((metric) => `${metric.name} (${metric.role})`).join(", ")}
                </Fact>
              )}
            </Stack>
            {experiment.status !== "decided" && (
              <>
                <Divider my="md" />
                <SampleSizePlanner experiment={experiment} />
              </>
            )}
          </Card>
        </SimpleGrid>

        <section aria-labelledby="results-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="results-title">
              Results
            </Title>
          </Group>
          {results.isPending ? (
            <PageLoader label="Analysing…" />
          ) : results.isError ? (
            <ErrorState error={results.error} onRetry={() => results.refetch()} />
          ) : !results.data.snapshot ? (
            <Card>
              <EmptyState
                icon={IconChartDots}
                title="No results yet"
                description={
                  experiment.status === "draft"
                    ? "Start the experiment, then enter each variant's numbers or import them from a CSV."
                    : "Enter each variant's numbers, or import them from a CSV: they are analysed at once."
                }
                action={
                  canWrite &&
                  isLive && (
                    <Button size="xs" onClick={() => setDialog("results")}>
                      Enter results
                    </Button>
                  )
                }
              />
            </Card>
          ) : (
            <ResultsView results={results.data} />
          )}
        </section>

        {experiment.status === "decided" && <LearningsCard experiment={experiment} canWrite={canWrite} />}
        {experiment.followUps.length > 0 && (
          <Card>
            <Title order={2} size="h4" mb="sm">
              Follow-ups
            </Title>
            <List>
              {experiment.followUps.map((followUp) => (
                <List.Item key={followUp.id}>
                  <AnchorLink to="/experiments/$id" params={{ id: followUp.id }}>
                    {followUp.name}
                  </AnchorLink>{" "}
                  <StatusBadge status={followUp.status} />
                </List.Item>
              ))}
            </List>
          </Card>
        )}
        {experiment.snapshotCount > 0 && <SnapshotHistory id={experiment.id} />}
      </Stack>

      {canWrite && (
        <>
          <ExperimentFormDialog opened={dialog === "edit"} experiment={experiment} onClose={() => setDialog(null)} />
          <ExperimentFormDialog
            opened={dialog === "follow-up"}
            experiment={null}
            parent={{ id: experiment.id, name: experiment.name }}
            onClose={() => setDialog(null)}
            onSaved={(saved) => {
              setDialog(null);
              void navigate({ to: "/experiments/$id", params: { id: saved.id } });
            }}
          />
          <ResultsEntryDialog opened={dialog === "results"} experiment={experiment} onClose={() => setDialog(null)} />
          <DecisionDialog opened={dialog === "decide"} experiment={experiment} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}
