import { Badge, Button, Group, Menu, Select, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBook2, IconChevronDown, IconPlus, IconSearch } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { TermListItem, TermStatus } from "#contracts/glossary";
import type { TeamKind } from "#contracts/people";
import { CsvImportDialog } from "../components/ui/csv-import-dialog";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { AnchorLink } from "../components/ui/links";
import { ListPage, pagesOf } from "../components/ui/list-page";
import { useMe } from "../features/auth/hooks/use-me";
import { importTerms, type TermFilters, termsCsvUrl } from "../features/glossary/api";
import { GlossaryNav } from "../features/glossary/components/glossary-nav";
import { TermFormDialog } from "../features/glossary/components/term-form";
import { invalidateGlossary, useLoadStarter, useTerms } from "../features/glossary/hooks/use-glossary";
import { teamKindLabels, termStatusMeta } from "../features/glossary/labels";

const route = getRouteApi("/app/glossary");

const csvExample =
  "name,acronym,context,status,canonical_definition,definition_marketing,definition_it\nContent management system,CMS,web,,,Where we write and publish the site's pages,The platform that stores and serves web content";

/** The common language: every term with each side's meaning, searchable by name, acronym, synonym and definition. */
export function GlossaryPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const isAdmin = me.user.role === "admin";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const filters: TermFilters = {
    q: search.q,
    status: search.status,
    clashing: search.clashing,
    teamKind: search.teamKind,
  };
  const terms = useTerms(filters);
  const loadStarter = useLoadStarter();
  const [text, setText] = useState(search.q ?? "");
  const [dialog, setDialog] = useState<"new" | "import" | null>(null);
  const setFilters = (next: TermFilters) => void navigate({ search: { ...next }, replace: true });
  const setQuery = useDebouncedCallback((q: string) => setFilters({ ...filters, q: q.trim() || undefined }), 300);
  const items = terms.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Boolean(filters.q || filters.status || filters.clashing || filters.teamKind);
  const startWithStarter = () =>
    loadStarter.mutate(undefined, {
      onSuccess: (result) =>
        notifications.show({
          color: "indigo",
          message: `${result.added} starter terms added as proposed${result.skipped ? ` (${result.skipped} were already here)` : ""}`,
        }),
      onError: (error) => notifications.show({ color: "red", message: error.message }),
    });

  return (
    <ListPage
      title="Glossary"
      description="One term, each side's meaning: the words marketing and IT use, approved by both, recognised wherever people write."
      actions={
        canWrite && (
          <>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden="true" />}>
                  More
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog("import")}>Import CSV</Menu.Item>
                <Menu.Item component="a" href={termsCsvUrl} download>
                  Export CSV
                </Menu.Item>
                {isAdmin && <Menu.Item onClick={startWithStarter}>Load the starter glossary</Menu.Item>}
              </Menu.Dropdown>
            </Menu>
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setDialog("new")}>
              New term
            </Button>
          </>
        )
      }
      nav={<GlossaryNav />}
      filters={
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            label="Search"
            placeholder="Name, acronym, synonym or definition"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setQuery(event.currentTarget.value);
            }}
            style={{ flex: "1 1 260px" }}
          />
          <Select
            label="Status"
            placeholder="Any"
            clearable
            data={(Object.keys(termStatusMeta) as TermStatus[]).map((value) => ({
              value,
              label: termStatusMeta[value].label,
            }))}
            value={filters.status ?? null}
            onChange={(value) => setFilters({ ...filters, status: (value as TermStatus) ?? undefined })}
            w={150}
          />
          <Select
            label="Defined by"
            placeholder="Any team"
            clearable
            data={(Object.keys(teamKindLabels) as TeamKind[]).map((value) => ({ value, label: teamKindLabels[value] }))}
            value={filters.teamKind ?? null}
            onChange={(value) => setFilters({ ...filters, teamKind: (value as TeamKind) ?? undefined })}
            w={150}
          />
          <Select
            label="Clashes"
            placeholder="Any"
            clearable
            data={[
              { value: "true", label: "Several meanings" },
              { value: "false", label: "One meaning" },
            ]}
            value={filters.clashing ?? null}
            onChange={(value) => setFilters({ ...filters, clashing: (value as "true" | "false") ?? undefined })}
            w={170}
          />
        </Group>
      }
      query={terms}
      loadingLabel="Loading the glossary…"
      isEmpty={items.length === 0}
      empty={{
        icon: IconBook2,
        title: hasFilters ? "No term matches" : "No terms yet",
        description: hasFilters
          ? "Try another word: synonyms and definitions are searched too."
          : "Write the first term both sides use, or start from about 120 common marketing and IT terms.",
        action: !hasFilters && canWrite && (
          <Group gap="xs">
            {isAdmin && (
              <Button size="xs" variant="light" onClick={startWithStarter} loading={loadStarter.isPending}>
                Load the starter glossary
              </Button>
            )}
            <Button size="xs" onClick={() => setDialog("new")}>
              Write the first term
            </Button>
          </Group>
        ),
      }}
      pagination={pagesOf(terms, "terms")}
      after={
        canWrite && (
          <>
            <TermFormDialog
              opened={dialog === "new"}
              term={null}
              onClose={() => setDialog(null)}
              onSaved={(term) => void navigate({ to: "/glossary/terms/$id", params: { id: term.id } })}
            />
            <CsvImportDialog
              opened={dialog === "import"}
              onClose={() => setDialog(null)}
              title="Import terms"
              intro="The glossary's CSV (as exported): each side's definition in its own column, lists separated by “ | ”. Imported terms start as proposed; a line naming an existing term proposes a revision of it."
              example={csvExample}
              run={importTerms}
              summarize={(result) =>
                `${result.lines} ${result.lines === 1 ? "line" : "lines"}: ${result.created} new, ${result.revised} revised, ${result.unchanged} unchanged${result.errors.length > 0 ? `, ${result.errors.length} with errors` : ""}.`
              }
              hasChanges={(result) => result.created + result.revised > 0}
              importedMessage={(result) =>
                `Imported: ${result.created} new terms and ${result.revised} revisions, all proposed`
              }
              onImported={() => void invalidateGlossary(queryClient)}
            />
          </>
        )
      }
    >
      <DataTable
        rows={items}
        columns={termColumns}
        rowKey={(term) => term.id}
        rowName={(term) => term.name}
        label="Terms"
      />
    </ListPage>
  );
}

const termColumns: DataColumn<TermListItem>[] = [
  {
    key: "term",
    header: "Term",
    cell: (term) => (
      <div style={{ maxWidth: 280 }}>
        <AnchorLink to="/glossary/terms/$id" params={{ id: term.id }} fw={600}>
          {term.name}
        </AnchorLink>
        {term.acronym && term.acronym !== term.name && (
          <Text span size="sm" c="dimmed">
            {" "}
            ({term.acronym})
          </Text>
        )}
        <Group gap={4} mt={2}>
          {term.context && (
            <Badge size="xs" variant="outline" color="gray">
              {term.context}
            </Badge>
          )}
          {term.clashing && (
            <Badge size="xs" variant="light" color="orange">
              Several meanings
            </Badge>
          )}
        </Group>
        {term.canonicalDefinition && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {term.canonicalDefinition}
          </Text>
        )}
      </div>
    ),
  },
  {
    key: "status",
    header: "Status",
    isNowrap: true,
    cell: (term) => (
      <>
        <Badge variant="light" color={termStatusMeta[term.status].color}>
          {termStatusMeta[term.status].label}
        </Badge>
        {term.hasPendingRevision && term.status === "approved" && (
          <Text size="xs" c="dimmed">
            revision proposed
          </Text>
        )}
      </>
    ),
  },
  {
    key: "marketing",
    header: "Marketing means",
    priority: 2,
    cell: (term) => (
      <Text size="sm" lineClamp={3}>
        {term.definitions.marketing ?? "—"}
      </Text>
    ),
  },
  {
    key: "it",
    header: "IT means",
    priority: 2,
    cell: (term) => (
      <Text size="sm" lineClamp={3}>
        {term.definitions.it ?? "—"}
      </Text>
    ),
  },
];
