import { Badge, Button, SegmentedControl, Text } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { DataTable } from "../components/ui/data-table";
import { AnchorLink } from "../components/ui/links";
import { ListPage } from "../components/ui/list-page";
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
  const rows = reviews.data ?? [];
  return (
    <ListPage
      title="Reviews"
      description="Purchases the policy routed to a team: each team reviews in parallel with its checklist. All approvals approve the purchase; one rejection declines it with its reason."
      nav={<GuardrailsNav />}
      before={
        <SegmentedControl
          mb="md"
          aria-label="Which reviews"
          data={views.map((entry) => ({ value: entry.value, label: entry.label }))}
          value={view}
          onChange={(value) =>
            void navigate({ search: (prev) => ({ ...prev, view: value as (typeof views)[number]["value"] }) })
          }
        />
      }
      query={reviews}
      loadingLabel="Loading the reviews…"
      isEmpty={rows.length === 0}
      empty={{
        icon: IconChecklist,
        title: view === "mine" ? "No review waits on you" : "No review here",
        description:
          view === "mine"
            ? `Reviews open for ${me.team.name}'s kind of team appear here, and on Home.`
            : "Reviews open when the purchase policy routes a purchase to a team.",
      }}
      after={<ReviewDialog reviewId={search.review} onClose={() => open(undefined)} />}
    >
      <DataTable
        rows={rows}
        columns={[
          {
            key: "request",
            header: "Purchase request",
            cell: (review) => (
              <AnchorLink to="/pipeline/requests/$id" params={{ id: review.request.id }} size="sm">
                {review.request.reference} · {review.request.title}
              </AnchorLink>
            ),
          },
          {
            key: "team",
            header: "Team",
            priority: 2,
            cell: (review) => <Text size="sm">{reviewerLabels[review.kind]}</Text>,
          },
          {
            key: "status",
            header: "Status",
            cell: (review) => (
              <>
                <Badge variant="light" color={reviewStatusMeta[review.status].color} tt="none">
                  {reviewStatusMeta[review.status].label}
                </Badge>
                {review.decidedBy && (
                  <Text size="xs" c="dimmed">
                    by {review.decidedBy.name}
                  </Text>
                )}
              </>
            ),
          },
          {
            key: "due",
            header: "Due",
            priority: 3,
            isNowrap: true,
            cell: (review) => <Text size="sm">{review.dueAt ? formatDate(review.dueAt) : "—"}</Text>,
          },
          {
            key: "actions",
            header: "Actions",
            isHeaderHidden: true,
            kind: "actions",
            align: "right",
            cell: (review) => (
              <Button
                size="xs"
                variant={review.canDecide ? "filled" : "default"}
                aria-label={`${review.canDecide ? "Review" : "Open"} ${reviewerLabels[review.kind]} review of ${review.request.reference}`}
                onClick={() => open(review.id)}
              >
                {review.canDecide ? "Review" : "Open"}
              </Button>
            ),
          },
        ]}
        rowKey={(review) => review.id}
        rowName={(review) => review.request.reference}
        label="Purchase reviews"
      />
    </ListPage>
  );
}
