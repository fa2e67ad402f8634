import { Card, Grid, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { ListSection, pagesOf } from "../components/ui/list-page";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { ActionItemCard } from "../features/rituals/components/action-item-list";
import { CompletionChart } from "../features/rituals/components/completion-chart";
import { RitualsNav } from "../features/rituals/components/rituals-nav";
import { useActionItems, useCompletion } from "../features/rituals/hooks/use-rituals";
import { formatDate } from "../lib/format";

const route = getRouteApi("/app/rituals/commitments");

/** My commitments: the action items I own, carried over until done, overdue marked; completion per side. */
export function RitualsCommitmentsPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const status = search.status ?? "open";
  const items = useActionItems({ owner: "me", status });
  const completion = useCompletion();
  const list = items.data?.pages.flatMap((page) => page.items) ?? [];
  const overdue = list.filter((item) => item.status === "open" && item.late).length;

  return (
    <>
      <PageHeader
        title="My commitments"
        description="The action items you took on in joint meetings. Each stays on the next meeting's agenda until it is done."
      />
      <RitualsNav />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <section aria-labelledby="commitments-mine">
            <ListSection
              filters={
                <Stack gap="sm">
                  <Title order={2} size="h3" id="commitments-mine">
                    {status === "open" ? "Open" : status === "done" ? "Done" : "All"}
                    {status === "open" && overdue > 0 ? ` · ${overdue} overdue` : ""}
                  </Title>
                  <SegmentedControl
                    aria-label="Which commitments"
                    value={status}
                    onChange={(value) =>
                      void navigate({
                        search: (previous) => ({
                          ...previous,
                          status: value === "open" ? undefined : (value as "done" | "all"),
                        }),
                        replace: true,
                      })
                    }
                    data={[
                      { value: "open", label: "Open" },
                      { value: "done", label: "Done" },
                      { value: "all", label: "All" },
                    ]}
                    style={{ alignSelf: "flex-start" }}
                  />
                </Stack>
              }
              query={items}
              loadingLabel="Loading your commitments…"
              isEmpty={list.length === 0}
              empty={{
                icon: IconChecklist,
                title: status === "open" ? "Nothing open on your list" : "No commitment here yet",
                description:
                  "Action items recorded for you in a meeting appear here, with their due dates, until they are done.",
              }}
              pagination={pagesOf(items, "commitments")}
            >
              <Stack gap="sm" component="ul" m={0} px="lg" pb="lg">
                {list.map((item) => (
                  <ActionItemCard
                    key={item.id}
                    item={item}
                    canWrite={canWrite}
                    isHighlighted={search.item === item.id}
                  />
                ))}
              </Stack>
            </ListSection>
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card p="lg" component="section" aria-labelledby="commitments-completion">
            <Title order={2} size="h3" id="commitments-completion">
              Commitments kept, per side
            </Title>
            {completion.isPending ? (
              <PageLoader label="Loading completion…" />
            ) : completion.isError ? (
              <ErrorState error={completion.error} onRetry={() => completion.refetch()} />
            ) : (
              <>
                <Text size="sm" c="dimmed" mb="md">
                  Action items due from {formatDate(`${completion.data.from}T12:00:00Z`)} to{" "}
                  {formatDate(`${completion.data.to}T12:00:00Z`)}: the share done. {completion.data.meetingsHeld}{" "}
                  meetings held, {completion.data.meetingsHeldWithBothSides} with both sides.
                </Text>
                <CompletionChart completion={completion.data} />
              </>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
