import { Alert, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { ButtonLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { Figure } from "../features/value/components/figure";
import { ModelComparison, RemovalEffects } from "../features/value/components/model-comparison";
import { CancelRunButton, RunStatusBadge } from "../features/value/components/run-status";
import { ValueNav } from "../features/value/components/value-nav";
import { useRun } from "../features/value/hooks/use-value";
import { formatConversions, modelMeta } from "../features/value/labels";
import { formatDateTime } from "../lib/format";
import { formatMoney } from "../lib/money";

const route = getRouteApi("/app/value/runs/$id");

/** One attribution run: what it read, and the models side by side. */
export function ValueRunPage() {
  const { id } = route.useParams();
  const run = useRun(id);
  if (run.isPending) return <PageLoader label="Loading the run…" />;
  if (run.isError) return <ErrorState error={run.error} onRetry={() => run.refetch()} />;
  const data = run.data;
  if (data.status !== "done") {
    return (
      <>
        <PageHeader
          title={data.name}
          description={`${data.periodStart} to ${data.periodEnd}`}
          actions={<CancelRunButton run={data} />}
        />
        <ValueNav />
        <Card>
          {data.status === "failed" ? (
            <Alert color="red" variant="light" title="The run failed">
              {data.error}
            </Alert>
          ) : data.status === "cancelled" ? (
            <Alert color="orange" variant="light" title="The run was cancelled">
              It was stopped by a person or by a newer run of the same period, before it finished.
            </Alert>
          ) : (
            <Stack gap="xs">
              <Group gap="xs">
                <RunStatusBadge status={data.status} />
                <Text fw={600}>
                  {data.status === "queued"
                    ? "Queued: it starts when the run computing now in this workspace ends"
                    : "Running…"}
                </Text>
              </Group>
              <Progress
                value={Math.round(data.progress * 100)}
                animated
                aria-label={`Attribution run progress: ${Math.round(data.progress * 100)}%`}
              />
              <Text size="sm" c="dimmed" aria-live="polite">
                {data.progressNote || "Starting"} · {Math.round(data.progress * 100)}%
              </Text>
            </Stack>
          )}
        </Card>
      </>
    );
  }
  const totals = data.results[0]?.totals ?? { conversions: 0, value: "0.00" };
  return (
    <>
      <PageHeader
        title={data.name}
        description={`${data.periodStart} to ${data.periodEnd} · from ${data.source === "paths" ? "imported paths" : `touchpoints with a ${data.lookbackDays}-day lookback`} · run ${formatDateTime(data.createdAt)}${data.createdBy ? ` by ${data.createdBy.name}` : ""}`}
        actions={
          <ButtonLink
            to="/value/runs/$id/which-half"
            params={{ id: data.id }}
            leftSection={<IconScale size={16} aria-hidden="true" />}
          >
            Which half works?
          </ButtonLink>
        }
      />
      <ValueNav />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure label="Conversions attributed" value={formatConversions(totals.conversions)} />
          <Figure label="Value attributed" value={formatMoney(totals.value, data.currency)} />
          <Figure
            label="Journeys"
            value={(data.inputs?.journeys ?? 0).toLocaleString()}
            hint={`${(data.inputs?.paths ?? 0).toLocaleString()} distinct paths`}
          />
          <Figure label="Computed in" value={`${data.inputs?.millis ?? 0} ms`} hint="exact, no sampling" />
        </SimpleGrid>
        {data.inputs && data.inputs.unmatched.conversions > 0 && (
          <Alert color="orange" variant="light" title="Some conversions had no touch in their lookback window">
            {data.inputs.unmatched.conversions.toLocaleString()} conversions worth{" "}
            {formatMoney(data.inputs.unmatched.value, data.currency)} could not be attributed and are left out of the
            totals.
          </Alert>
        )}
        <Card>
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} size="h4">
              Models side by side
            </Title>
            <Group gap={4}>
              {data.models.map((model) => (
                <Badge key={model} variant="light" tt="none" title={modelMeta[model].description}>
                  {modelMeta[model].label}
                  {model === "markov" ? ` (order ${data.order})` : ""}
                </Badge>
              ))}
            </Group>
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            Where the bars of one channel differ, the models disagree about it: rules like last touch favour closers,
            Markov and Shapley credit the channels journeys cannot do without.
          </Text>
          <ModelComparison run={data} />
        </Card>
        {data.models.includes("markov") && (
          <Card>
            <Title order={2} size="h4" mb="sm">
              Removal effects
            </Title>
            <RemovalEffects run={data} />
          </Card>
        )}
      </Stack>
    </>
  );
}
