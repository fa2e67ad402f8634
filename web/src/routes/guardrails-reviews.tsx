import { Badge, Button, Card, SegmentedControl, Table, Text } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { GuardrailsNav } from "../features/guardrails/components/guardrails-nav";
import { ReviewDialog } from "../features/guardrails/components/review-dialog";
import { useReviews } from "../features/guardrails/hooks/use-guardrails";
import { reviewerLabels, reviewStatusMeta } from "../features/guardrails/labels";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/guardrails/reviews");

const views = [
  { value: "mine", label: "Waiting on me" },
  { value: "open", label: "All open" },
  { value: "all", label: "All" },
] as const;

/** Purchase reviews: mine (my team kind's open ones), every open one, or all; each opens in a dialog. */
export function GuardrailsReviewsPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const view = search.view ?? (me.team.kind === "other" ? "open" : "mine");
  const reviews = useReviews(view === "mine" ? { waitingOn: "me" } : view === "open" ? { status: "open" } : {});
  const open = (review: string | undefined) => void navigate({ search: (prev) => ({ ...prev, review }) });
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Purchases the policy routed to a team: each team reviews in parallel with its checklist. All approvals approve the purchase; one rejection declines it with its reason."
      />
      <GuardrailsNav />
      <SegmentedControl
        mb="md"
        aria-label="Which reviews"
        data={views.map((entry) => ({ value: entry.value, label: entry.label }))}
        value={view}
        onChange={(value) =>
          void navigate({ search: (prev) => ({ ...prev, view: value as (typeof views)[number]["value"] }) })
        }
      />
      <Card p={0}>
        {reviews.isPending ? (
          <PageLoader label="Loading the reviews…" />
        ) : reviews.isError ? (
          <ErrorState error={reviews.error} onRetry={() => reviews.refetch()} />
        ) : reviews.data.length === 0 ? (
          <EmptyState
            icon={IconChecklist}
            title={view === "mine" ? "No review waits on you" : "No review here"}
            description={
              view === "mine"
                ? `Reviews open for ${me.team.name}'s kind of team appear here, and on Home.`
                : "Reviews open when the purchase policy routes a purchase to a team."
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover aria-label="Purchase reviews">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Purchase request</Table.Th>
                  <Table.Th scope="col">Team</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.data.map((review) => (
                  <Table.Tr key={review.id}>
                    <Table.Td>
                      <AnchorLink to="/pipeline/requests/$id" params={{ id: review.request.id }} size="sm">
                        {review.request.reference} · {review.request.title}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{reviewerLabels[review.kind]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={reviewStatusMeta[review.status].color} tt="none">
                        {reviewStatusMeta[review.status].label}
                      </Badge>
                      {review.decidedBy && (
                        <Text size="xs" c="dimmed">
                          by {review.decidedBy.name}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{review.dueAt ? formatDate(review.dueAt) : "—"}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant={review.canDecide ? "filled" : "default"}
                        aria-label={`${review.canDecide ? "Review" : "Open"} ${reviewerLabels[review.kind]} review of ${review.request.reference}`}
                        onClick={() => open(review.id)}
                      >
                        {review.canDecide ? "Review" : "Open"}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <ReviewDialog reviewId={search.review} onClose={() => open(undefined)} />
    </>
  );
}
