import { Badge, Button, Card, Grid, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowsSplit } from "@tabler/icons-react";
import { useState } from "react";
import type { Clash } from "#contracts/glossary";
import { AnchorLink } from "../components/ui/links";
import { ListPage } from "../components/ui/list-page";
import { useMe } from "../features/auth/hooks/use-me";
import { GlossaryNav } from "../features/glossary/components/glossary-nav";
import { useClashes, useResolveClash } from "../features/glossary/hooks/use-glossary";
import { teamKindLabels, teamKindOrder } from "../features/glossary/labels";
import { formatDateTime } from "../lib/format";

/** Whether every term of a clash has a context of its own (then both meanings can be kept side by side). */
function hasDistinctContexts(clash: Clash): boolean {
  const contexts = clash.terms.map((term) => term.context.trim().toLowerCase());
  return contexts.every((context) => context !== "") && new Set(contexts).size === contexts.length;
}

function ClashCard({ clash, canWrite }: { clash: Clash; canWrite: boolean }) {
  const resolve = useResolveClash();
  const termIds = clash.terms.map((term) => term.id);
  const settle = (resolution: "one_meaning" | "keep_both", keepTermId: string | null) =>
    resolve.mutate(
      { key: clash.key, termIds, resolution, keepTermId, note: "" },
      {
        onSuccess: () =>
          notifications.show({
            color: "indigo",
            message:
              resolution === "keep_both"
                ? `“${clash.form}” keeps both meanings, each in its context`
                : `“${clash.form}” now has one meaning`,
          }),
        onError: (error) => notifications.show({ color: "red", message: error.message }),
      },
    );
  const canKeepBoth = hasDistinctContexts(clash);
  return (
    <Card p="lg">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3">
          “{clash.form}”
        </Title>
        {clash.status === "resolved" ? (
          <Badge color="teal" variant="light">
            {clash.resolution === "keep_both" ? "Both kept, by context" : "One meaning kept"}
          </Badge>
        ) : (
          <Badge color="orange" variant="light">
            {clash.terms.length} meanings
          </Badge>
        )}
      </Group>
      <Grid gap="md">
        {clash.terms.map((term) => (
          <Grid.Col key={term.id} span={{ base: 12, md: 12 / Math.min(clash.terms.length, 3) }}>
            <Card withBorder p="md" h="100%">
              <Stack gap={6}>
                <Group gap={6}>
                  <AnchorLink to="/glossary/terms/$id" params={{ id: term.id }} fw={600}>
                    {term.name}
                    {term.acronym && term.acronym !== term.name ? ` (${term.acronym})` : ""}
                  </AnchorLink>
                  {term.context && (
                    <Badge size="xs" variant="outline" color="gray" tt="none">
                      {term.context}
                    </Badge>
                  )}
                </Group>
                {term.canonicalDefinition && <Text size="sm">{term.canonicalDefinition}</Text>}
                {teamKindOrder
                  .filter((kind) => term.definitions[kind])
                  .map((kind) => (
                    <Text size="sm" key={kind}>
                      <Text span fw={600}>
                        {teamKindLabels[kind]}:{" "}
                      </Text>
                      {term.definitions[kind]}
                    </Text>
                  ))}
                {canWrite && clash.status === "open" && (
                  <Button
                    size="xs"
                    variant="light"
                    mt="auto"
                    loading={resolve.isPending}
                    onClick={() => settle("one_meaning", term.id)}
                    aria-label={`Keep only ${term.name}${term.context ? ` (${term.context})` : ""} as the meaning of ${clash.form}`}
                  >
                    Keep only this meaning
                  </Button>
                )}
              </Stack>
            </Card>
          </Grid.Col>
        ))}
      </Grid>
      {clash.status === "open" && canWrite && (
        <Group mt="md" gap="sm">
          <Button
            variant="default"
            disabled={!canKeepBoth}
            loading={resolve.isPending}
            onClick={() => settle("keep_both", null)}
          >
            Keep both, each in its context
          </Button>
          {!canKeepBoth && (
            <Text size="xs" c="dimmed">
              To keep both, give each term its own context first (edit the term).
            </Text>
          )}
        </Group>
      )}
      {clash.status === "resolved" && clash.resolvedAt && (
        <Text size="xs" c="dimmed" mt="sm">
          Settled{clash.resolvedBy ? ` by ${clash.resolvedBy.name}` : ""} · {formatDateTime(clash.resolvedAt)}
        </Text>
      )}
    </Card>
  );
}

/** The same name or acronym with different meanings, side by side until people settle them. */
export function GlossaryClashesPage() {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const [status, setStatus] = useState<"open" | "resolved">("open");
  const clashes = useClashes(status);
  return (
    <ListPage
      title="Clashes"
      description="One word, several meanings (CMS, SQL, conversion…): shown side by side until both sides agree on one meaning or keep both with their contexts."
      nav={<GlossaryNav />}
      withCard={false}
      filters={
        <SegmentedControl
          aria-label="Which clashes"
          value={status}
          onChange={(value) => setStatus(value === "resolved" ? "resolved" : "open")}
          data={[
            { value: "open", label: "Open" },
            { value: "resolved", label: "Settled" },
          ]}
        />
      }
      query={clashes}
      loadingLabel="Loading clashes…"
      isEmpty={(clashes.data?.items.length ?? 0) === 0}
      empty={{
        icon: IconArrowsSplit,
        title: status === "open" ? "No open clashes" : "No clash settled yet",
        description: "A clash appears when two terms share a name or an acronym but mean different things.",
      }}
    >
      <Stack gap="lg">
        {clashes.data?.items.map((clash) => (
          <ClashCard key={clash.key} clash={clash} canWrite={canWrite} />
        ))}
      </Stack>
    </ListPage>
  );
}
