import { Badge, Card, Grid, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink, ButtonLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { GuardrailsNav } from "../features/guardrails/components/guardrails-nav";
import { MeasuresCard } from "../features/guardrails/components/measures-card";
import { OutcomeBadge, ReviewerBadges } from "../features/guardrails/components/outcome-badge";
import { RulesView } from "../features/guardrails/components/rules-view";
import {
  useGuardrailMeasures,
  usePolicies,
  usePolicy,
  useRecentPurchases,
  useReviews,
} from "../features/guardrails/hooks/use-guardrails";
import { reviewerLabels } from "../features/guardrails/labels";
import { formatDate, formatDateTime } from "../lib/format";
import { formatMoneyOf } from "../lib/money";

function ActivePolicy({ isAdmin }: { isAdmin: boolean }) {
  const policies = usePolicies();
  const active = policies.data?.items.find((policy) => policy.active);
  const policy = usePolicy(active?.id);
  if (policies.isPending || (active && policy.isPending)) return <PageLoader label="Loading the policy…" />;
  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => policies.refetch()} />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  if (!active || !policy.data) {
    return (
      <EmptyState
        icon={IconShieldCheck}
        title="No purchase policy yet"
        description="Until there is one, every purchase request goes to IT for review. A policy approves low-risk buys at once and routes the rest to the right reviewers."
        action={
          isAdmin ? (
            <ButtonLink to="/guardrails/policy" size="sm">
              Write the policy
            </ButtonLink>
          ) : undefined
        }
      />
    );
  }
  const current = policy.data.currentVersion;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={600}>
            {policy.data.name} · version {current.number}
          </Text>
          <Text size="xs" c="dimmed">
            Saved {formatDateTime(current.createdAt)}
            {current.createdBy ? ` by ${current.createdBy.name}` : ""} · {policy.data.rules.length}{" "}
            {policy.data.rules.length === 1 ? "rule" : "rules"}, every one evaluated
          </Text>
        </div>
        <ButtonLink to="/guardrails/policy" size="xs" variant="default">
          {isAdmin ? "Edit the policy" : "Open the policy"}
        </ButtonLink>
      </Group>
      <RulesView rules={policy.data.rules} />
    </Stack>
  );
}

function OpenReviews() {
  const open = useReviews({ status: "open" });
  const mine = useReviews({ waitingOn: "me" });
  if (open.isPending) return <PageLoader label="Loading the reviews…" />;
  if (open.isError) return <ErrorState error={open.error} onRetry={() => open.refetch()} />;
  const items = open.data;
  return (
    <Stack gap="xs">
      <Group gap="lg">
        <div>
          <Text size="xs" c="dimmed">
            Open reviews
          </Text>
          <Text fz={26} fw={700} lh={1.1}>
            {items.length}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Waiting on you
          </Text>
          <Text fz={26} fw={700} lh={1.1}>
            {mine.data?.length ?? "…"}
          </Text>
        </div>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No purchase waits on a review.
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {items.slice(0, 6).map((review) => (
            <Group key={review.id} component="li" gap={6} wrap="nowrap" justify="space-between">
              <AnchorLink to="/guardrails/reviews" search={{ review: review.id }} size="sm" lineClamp={1}>
                {review.request.reference} · {review.request.title}
              </AnchorLink>
              <Badge size="sm" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>
                {reviewerLabels[review.kind]}
                {review.dueAt ? ` · due ${formatDate(review.dueAt)}` : ""}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      <AnchorLink to="/guardrails/reviews" size="sm">
        All reviews
      </AnchorLink>
    </Stack>
  );
}

function RecentPurchases() {
  const recent = useRecentPurchases();
  if (recent.isPending) return <PageLoader label="Loading recent purchases…" />;
  if (recent.isError) return <ErrorState error={recent.error} onRetry={() => recent.refetch()} />;
  if (recent.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No purchase request yet.{" "}
        <AnchorLink to="/pipeline/new" size="sm" underline="always">
          Request a tool
        </AnchorLink>{" "}
        to see the policy answer.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label="Recent purchase requests">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col">Tool</Table.Th>
            <Table.Th scope="col" ta="right">
              A year
            </Table.Th>
            <Table.Th scope="col">Policy's answer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recent.data.map((item) => (
            <Table.Tr key={item.request.id}>
              <Table.Td>
                <AnchorLink to="/pipeline/requests/$id" params={{ id: item.request.id }} size="sm" lineClamp={2}>
                  {item.request.reference} · {item.request.title}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.product}
                  <Text span size="xs" c="dimmed">
                    {" "}
                    · {item.vendor}
                  </Text>
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{formatMoneyOf(item.annualCost)}</Text>
              </Table.Td>
              <Table.Td>
                {item.outcome ? (
                  <Group gap={4} wrap="wrap">
                    <OutcomeBadge outcome={item.outcome} verdict />
                    <ReviewerBadges kinds={item.reviews} />
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not judged
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Guardrails: the active purchase policy, how it works in figures, the open reviews and the latest purchases. */
export function GuardrailsPage() {
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const measures = useGuardrailMeasures();
  return (
    <>
      <PageHeader
        title="Guardrails"
        description="The purchase policy as rules both sides can read: low-risk buys approved the moment they are asked for, the others routed to security, legal or finance at once."
        actions={
          me.user.role !== "viewer" ? (
            <ButtonLink to="/pipeline/new" size="sm">
              Request a tool
            </ButtonLink>
          ) : undefined
        }
      />
      <GuardrailsNav />
      <Stack gap="lg">
        {measures.isPending ? (
          <PageLoader label="Loading the measures…" />
        ) : measures.isError ? (
          <ErrorState error={measures.error} onRetry={() => measures.refetch()} />
        ) : (
          <MeasuresCard measures={measures.data} />
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card component="section" aria-labelledby="active-policy-heading" h="100%">
              <Title order={2} size="h4" mb="sm" id="active-policy-heading">
                The active policy
              </Title>
              <ActivePolicy isAdmin={isAdmin} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card component="section" aria-labelledby="open-reviews-heading" h="100%">
              <Title order={2} size="h4" mb="sm" id="open-reviews-heading">
                Reviews
              </Title>
              <OpenReviews />
            </Card>
          </Grid.Col>
        </Grid>
        <Card component="section" aria-labelledby="recent-heading">
          <Title order={2} size="h4" mb="sm" id="recent-heading">
            Recent purchase requests
          </Title>
          <RecentPurchases />
        </Card>
      </Stack>
    </>
  );
}
