import { IconListDetails, IconPlus } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { ButtonLink } from "../components/ui/links";
import { ClearFiltersButton, ListPage, pagesOf } from "../components/ui/list-page";
import { useMe } from "../features/auth/hooks/use-me";
import type { RequestFilters as Filters } from "../features/pipeline/api";
import { BacklogTable } from "../features/pipeline/components/backlog-table";
import { PipelineNav } from "../features/pipeline/components/pipeline-nav";
import { RequestFilters } from "../features/pipeline/components/request-filters";
import { useRequests } from "../features/pipeline/hooks/use-pipeline";

const route = getRouteApi("/app/pipeline");

/** The ranked backlog both sides see the same way. */
export function PipelineBacklogPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters: Filters = {
    q: search.q,
    type: search.type,
    priority: search.priority,
    stage: search.stage ?? "open",
    teamId: search.teamId,
    sponsorId: search.sponsorId,
    breached: search.breached,
  };
  const requests = useRequests(filters);
  const [resetCount, setResetCount] = useState(0);
  const setFilters = (next: Filters) =>
    void navigate({
      search: {
        q: next.q,
        type: next.type,
        priority: next.priority,
        stage: next.stage === "open" ? undefined : next.stage,
        teamId: next.teamId,
        sponsorId: next.sponsorId,
        breached: next.breached === "true" ? "true" : undefined,
      },
      replace: true,
    });
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Boolean(
    filters.q || filters.type || filters.priority || filters.teamId || filters.sponsorId || filters.breached,
  );
  const isRanked = !hasFilters && filters.stage === "open";

  return (
    <ListPage
      title="Pipeline"
      description="One intake for marketing's requests and joint initiatives: ranked, classed and timed the same way for both sides."
      actions={
        canWrite && (
          <ButtonLink to="/pipeline/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New request
          </ButtonLink>
        )
      }
      views={{
        page: "pipeline",
        current: { ...filters, stage: filters.stage === "open" ? undefined : filters.stage },
        onApply: (query) => {
          setFilters(query as Filters);
          setResetCount((count) => count + 1);
        },
      }}
      nav={<PipelineNav />}
      filters={<RequestFilters key={resetCount} filters={filters} onChange={setFilters} />}
      query={requests}
      loadingLabel="Loading requests…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconListDetails,
        title: hasFilters ? "No request matches these filters" : "The backlog is empty",
        description: hasFilters
          ? "Try another search, or clear the filters."
          : "Submit what marketing needs from IT — a change, a new capability, data, a tool or a joint project.",
        action: hasFilters ? (
          <ClearFiltersButton
            onClick={() => {
              setFilters({});
              setResetCount((count) => count + 1);
            }}
          />
        ) : (
          canWrite && (
            <ButtonLink to="/pipeline/new" size="xs">
              Submit the first request
            </ButtonLink>
          )
        ),
      }}
      pagination={pagesOf(requests, "requests", {
        one: "request",
        count: items.length,
        note: !isRanked && canWrite ? " · clear the filters to re-rank" : undefined,
      })}
    >
      <BacklogTable requests={items} canRank={canWrite && isRanked} />
    </ListPage>
  );
}

/** What waits on me, soonest due first. */
export function PipelineMyWorkPage() {
  const requests = useRequests({ waitingOn: "me" });
  const items = (requests.data?.pages.flatMap((page) => page.items) ?? []).toSorted((a, b) => {
    const due = (value: string | null) => (value ? Date.parse(value) : Number.POSITIVE_INFINITY);
    return due(a.nextDueAt) - due(b.nextDueAt);
  });
  return (
    <ListPage
      title="My work"
      description="What waits on you: requests you are the IT partner of, decisions and reviews you sponsor, and your drafts and answers."
      nav={<PipelineNav />}
      query={requests}
      loadingLabel="Loading your work…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconListDetails,
        title: "Nothing waits on you",
        description: "When a request needs your answer, your decision or your review, it shows up here by due time.",
      }}
      pagination={pagesOf(requests, "requests")}
    >
      <BacklogTable requests={items} canRank={false} />
    </ListPage>
  );
}
