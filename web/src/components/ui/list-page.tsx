import { Box, Button, Card, Stack, Text } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import { IconDownload } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { SavedView } from "#contracts/views";
import { SavedViews } from "../../features/views/saved-views";
import { EmptyState } from "./empty-state";
import { LoadMore } from "./load-more";
import { ErrorState } from "./page-error";
import { PageHeader } from "./page-header";
import { PageLoader } from "./page-loader";

/** What a list needs to know of its query (TanStack's query results fit). */
export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** What an empty list says: why it is empty and what to do (the call to action). */
export interface ListEmpty {
  icon: Icon;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/** The empty state's call to action when filters found nothing: back to the whole list. */
export function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="default" size="xs" onClick={onClick}>
      Clear filters
    </Button>
  );
}

/** "Load more" under a cursor-paginated list, with "12 tools shown; more to load" when `count` is given. */
export interface ListPagination {
  hasMore: boolean;
  isLoading: boolean;
  onLoadMore: () => void;
  /** What is listed, plural: "tools". */
  noun: string;
  /** The singular, for a count of one: "tool". */
  one?: string;
  count?: number;
  /** Said after the count: " · clear the filters to re-rank". */
  note?: string;
}

/** What "Load more" needs of a paged query (TanStack's infinite query results fit). */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** A paged query's "Load more" under its list: `pagesOf(tools, "tools", { one: "tool", count })`. */
export function pagesOf(
  query: PagedQuery,
  noun: string,
  more: Pick<ListPagination, "one" | "count" | "note"> = {},
): ListPagination {
  return {
    hasMore: query.hasNextPage,
    isLoading: query.isFetchingNextPage,
    onLoadMore: () => void query.fetchNextPage(),
    noun,
    ...more,
  };
}

interface ListSectionProps {
  /** The filters above the list (a form that keeps them in the URL). */
  filters?: ReactNode;
  /** One query, or several that must all have answered. */
  query: ListQuery | readonly ListQuery[];
  loadingLabel: string;
  isEmpty: boolean;
  empty: ListEmpty;
  pagination?: ListPagination;
  /** The list itself, usually a DataTable. */
  children: ReactNode;
  /** Wrap in one card (the default), or not: a grid of cards of its own (the empty state then gets a card). */
  withCard?: boolean;
}

/** The loading → error (with retry) → empty (with its call to action) → list ladder every list goes through. */
export function ListSection({
  filters,
  query,
  loadingLabel,
  isEmpty,
  empty,
  pagination,
  children,
  withCard = true,
}: ListSectionProps) {
  const queries = Array.isArray(query) ? query : [query as ListQuery];
  const failed = queries.find((each) => each.isError);
  const emptyState = (
    <EmptyState icon={empty.icon} title={empty.title} description={empty.description} action={empty.action} />
  );
  const body = queries.some((each) => each.isPending) ? (
    <PageLoader label={loadingLabel} />
  ) : failed ? (
    <Box p={withCard ? "lg" : 0} pt={withCard && filters ? 0 : undefined}>
      <ErrorState
        error={failed.error}
        onRetry={() => {
          for (const each of queries) if (each.isError) void each.refetch();
        }}
      />
    </Box>
  ) : isEmpty ? (
    withCard ? (
      emptyState
    ) : (
      <Card>{emptyState}</Card>
    )
  ) : (
    <>
      {children}
      {pagination && <PaginationFoot pagination={pagination} />}
    </>
  );
  if (!withCard)
    return (
      <>
        {filters && <Box mb="md">{filters}</Box>}
        {body}
      </>
    );
  return (
    <Card p={0}>
      {filters && (
        <Stack p="lg" pb="md">
          {filters}
        </Stack>
      )}
      {body}
    </Card>
  );
}

function PaginationFoot({ pagination }: { pagination: ListPagination }) {
  const { hasMore, isLoading, onLoadMore, noun, one, count, note } = pagination;
  return (
    <Stack pb={count === undefined ? 0 : "md"} gap={0}>
      <LoadMore hasMore={hasMore} isLoading={isLoading} onLoadMore={onLoadMore} noun={noun} />
      {count !== undefined && (
        <Text size="xs" c="dimmed" ta="center" aria-live="polite">
          {count} {count === 1 ? (one ?? noun) : noun} shown
          {hasMore ? "; more to load" : ""}
          {note ?? ""}
        </Text>
      )}
    </Stack>
  );
}

interface ListPageProps extends ListSectionProps {
  title: string;
  description?: ReactNode;
  badge?: ReactNode;
  /** The page's own actions ("Add tool"), after the views and the export. */
  actions?: ReactNode;
  /** The "Views" menu: saved filters of this page. */
  views?: {
    page: SavedView["page"];
    current: Record<string, string | undefined>;
    onApply: (query: Record<string, string>) => void;
  };
  /** Where "Export CSV" downloads the list as filtered now. */
  exportHref?: string;
  /** The module's views (its ViewNav), under the header. */
  nav?: ReactNode;
  /** Between the navigation and the list: a summary, an alert. */
  before?: ReactNode;
  /** Under the list: dialogs, a second section. */
  after?: ReactNode;
}

/** A list page: title and actions (saved views, CSV export), the module's views, filters, and the list's ladder. */
export function ListPage({
  title,
  description,
  badge,
  actions,
  views,
  exportHref,
  nav,
  before,
  after,
  ...section
}: ListPageProps) {
  const hasActions = Boolean(views || exportHref || actions);
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        badge={badge}
        actions={
          hasActions && (
            <>
              {views && <SavedViews page={views.page} current={views.current} onApply={views.onApply} />}
              {exportHref && (
                <Button
                  component="a"
                  variant="default"
                  href={exportHref}
                  download
                  leftSection={<IconDownload size={16} aria-hidden="true" />}
                >
                  Export CSV
                </Button>
              )}
              {actions}
            </>
          )
        }
      />
      {nav}
      {before}
      <ListSection {...section} />
      {after}
    </>
  );
}
