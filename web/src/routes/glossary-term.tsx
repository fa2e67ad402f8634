import { Alert, Badge, Button, Card, Grid, Group, List, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPencil, IconSend, IconX } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { GlossaryLimits, type TermRevision } from "#contracts/glossary";
import { FormError } from "../components/ui/form-error";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { GlossaryNav } from "../features/glossary/components/glossary-nav";
import { TermFormDialog } from "../features/glossary/components/term-form";
import { useApproveTerm, useProposeTerm, useRejectTerm, useTerm } from "../features/glossary/hooks/use-glossary";
import { teamKindLabels, teamKindOrder, termStatusMeta } from "../features/glossary/labels";
import { formatDateTime } from "../lib/format";

const route = getRouteApi("/app/glossary/terms/$id");

/** A small uppercase caption over what it names. */
function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {children}
    </div>
  );
}

/** One revision's meaning: the shared definition, each side's, examples, synonyms and links. */
function Meaning({ revision }: { revision: TermRevision }) {
  const sides = teamKindOrder.filter((kind) => revision.definitions[kind]);
  return (
    <Stack gap="md">
      <Labelled label="Shared definition">
        <Text>{revision.canonicalDefinition || "Not written yet."}</Text>
      </Labelled>
      {sides.length > 0 && (
        <Grid gap="md">
          {sides.map((kind) => (
            <Grid.Col key={kind} span={{ base: 12, sm: 6 }}>
              <Card withBorder p="sm" h="100%">
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {teamKindLabels[kind]} means
                </Text>
                <Text size="sm">{revision.definitions[kind]}</Text>
              </Card>
            </Grid.Col>
          ))}
        </Grid>
      )}
      {revision.examples.length > 0 && (
        <Labelled label="Examples">
          <List size="sm">
            {revision.examples.map((example) => (
              <List.Item key={example}>{example}</List.Item>
            ))}
          </List>
        </Labelled>
      )}
      <Group gap="xl" align="flex-start" wrap="wrap">
        {revision.synonyms.length > 0 && (
          <Labelled label="Synonyms">
            <Group gap={4}>
              {revision.synonyms.map((synonym) => (
                <Badge key={synonym} variant="outline" color="gray" tt="none">
                  {synonym}
                </Badge>
              ))}
            </Group>
          </Labelled>
        )}
        {revision.relatedTerms.length > 0 && (
          <Labelled label="Related terms">
            <Group gap="sm">
              {revision.relatedTerms.map((related) => (
                <AnchorLink key={related.id} to="/glossary/terms/$id" params={{ id: related.id }} size="sm">
                  {related.name}
                  {related.context ? ` (${related.context})` : ""}
                </AnchorLink>
              ))}
            </Group>
          </Labelled>
        )}
        {revision.kpis.length > 0 && (
          <Labelled label="KPIs">
            <Group gap="sm">
              {revision.kpis.map((kpi) => (
                <AnchorLink key={kpi.id} to="/scorecard/kpis/$id" params={{ id: kpi.id }} size="sm">
                  {kpi.name}
                </AnchorLink>
              ))}
            </Group>
          </Labelled>
        )}
        {revision.tools.length > 0 && (
          <Labelled label="Tools">
            <Group gap="sm">
              {revision.tools.map((tool) => (
                <AnchorLink key={tool.id} to="/stack/tools/$id" params={{ id: tool.id }} size="sm">
                  {tool.name}
                </AnchorLink>
              ))}
            </Group>
          </Labelled>
        )}
        <Labelled label="Owner">
          <Text size="sm">{revision.owner ? revision.owner.name : "Nobody yet"}</Text>
        </Labelled>
      </Group>
    </Stack>
  );
}

/** Who approved a revision, and which side is still awaited. */
function Review({ revision }: { revision: TermRevision }) {
  return (
    <Stack gap={4}>
      {revision.approvals.map((approval) => (
        <Text size="sm" key={`${approval.person.id}-${approval.at}`}>
          {approval.decision === "approve" ? "✓ Approved" : "✗ Rejected"} by {approval.person.name} (
          {teamKindLabels[approval.teamKind]}) · {formatDateTime(approval.at)}
          {approval.reason ? ` — “${approval.reason}”` : ""}
        </Text>
      ))}
      {revision.awaiting.length > 0 && (
        <Text size="sm" c="var(--mantine-color-orange-text)" fw={500}>
          Awaiting approval from {revision.awaiting.map((side) => teamKindLabels[side]).join(" and ")}.
        </Text>
      )}
    </Stack>
  );
}

/** One term: its meaning for each side, and its review by both. */
export function GlossaryTermPage() {
  const { id } = route.useParams();
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const term = useTerm(id);
  const propose = useProposeTerm();
  const approve = useApproveTerm();
  const reject = useRejectTerm();
  const [dialog, setDialog] = useState<"edit" | "reject" | null>(null);
  const [reason, setReason] = useState("");

  if (term.isPending) return <PageLoader label="Loading the term…" />;
  if (term.isError) return <ErrorState error={term.error} onRetry={() => term.refetch()} />;
  const data = term.data;
  const pending = data.pending;
  const mySide = me.team.kind === "marketing" || me.team.kind === "it" ? me.team.kind : null;
  const hasActed = pending?.approvals.some((approval) => approval.person.id === me.user.id) ?? false;
  const canApprove =
    canWrite &&
    pending !== null &&
    pending.status === "proposed" &&
    mySide !== null &&
    pending.awaiting.includes(mySide) &&
    !hasActed;
  const notify = (message: string) => notifications.show({ color: "indigo", message });
  const showError = (error: Error) => notifications.show({ color: "red", message: error.message });

  return (
    <>
      <PageHeader
        title={data.acronym && data.acronym !== data.name ? `${data.name} (${data.acronym})` : data.name}
        badge={
          <Group gap={6}>
            <Badge variant="light" color={termStatusMeta[data.status].color}>
              {termStatusMeta[data.status].label}
            </Badge>
            {data.context && (
              <Badge variant="outline" color="gray" tt="none">
                {data.context}
              </Badge>
            )}
            {data.clashing && (
              <Badge variant="light" color="orange">
                Several meanings
              </Badge>
            )}
          </Group>
        }
        actions={
          canWrite && (
            <>
              {data.status === "draft" && (
                <Button
                  variant="default"
                  leftSection={<IconSend size={16} aria-hidden="true" />}
                  loading={propose.isPending}
                  onClick={() =>
                    propose.mutate(
                      { id, version: data.version },
                      { onSuccess: () => notify(`${data.name} proposed for approval`), onError: showError },
                    )
                  }
                >
                  Propose
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => setDialog("edit")}
              >
                Edit
              </Button>
            </>
          )
        }
      />
      <GlossaryNav />
      <Stack gap="lg">
        {data.clashing && (
          <Alert color="orange" variant="light" title="Another term has the same name or acronym">
            Both are shown where the word appears until people agree on one meaning or keep both with their contexts.{" "}
            <AnchorLink to="/glossary/clashes">See the clash side by side</AnchorLink>
          </Alert>
        )}
        {pending && (
          <Card p="lg" withBorder style={{ borderColor: "var(--mantine-color-orange-4)" }}>
            <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
              <div>
                <Title order={2} size="h4">
                  {data.status === "approved"
                    ? "Proposed revision"
                    : pending.status === "draft"
                      ? "Draft"
                      : "Waiting for both sides"}
                </Title>
                <Text size="xs" c="dimmed">
                  Revision {pending.number}
                  {pending.createdBy ? ` by ${pending.createdBy.name}` : ""} · {formatDateTime(pending.createdAt)}
                </Text>
              </div>
              {canApprove && (
                <Group gap="xs">
                  <Button
                    color="teal"
                    leftSection={<IconCheck size={16} aria-hidden="true" />}
                    loading={approve.isPending}
                    onClick={() =>
                      approve.mutate(
                        { id, body: { revisionId: pending.id } },
                        {
                          onSuccess: () => notify(`You approved ${data.name} for ${teamKindLabels[mySide]}`),
                          onError: showError,
                        },
                      )
                    }
                  >
                    Approve for {teamKindLabels[mySide]}
                  </Button>
                  <Button
                    variant="default"
                    color="red"
                    leftSection={<IconX size={16} aria-hidden="true" />}
                    onClick={() => setDialog("reject")}
                  >
                    Reject
                  </Button>
                </Group>
              )}
            </Group>
            <Stack gap="md">
              <Review revision={pending} />
              {data.status === "approved" && <Meaning revision={pending} />}
            </Stack>
          </Card>
        )}
        <Card p="lg">
          {data.status === "approved" && (
            <Title order={2} size="h4" mb="sm">
              Approved meaning
            </Title>
          )}
          <Meaning revision={data.status === "approved" ? data.shown : (pending ?? data.shown)} />
          {data.status === "approved" && (
            <Stack mt="md" gap={4}>
              <Review revision={data.shown} />
            </Stack>
          )}
        </Card>
      </Stack>
      {canWrite && <TermFormDialog opened={dialog === "edit"} term={data} onClose={() => setDialog(null)} />}
      <Modal opened={dialog === "reject"} onClose={() => setDialog(null)} title={`Reject ${data.name}`}>
        <Stack gap="md">
          <FormError error={reject.error} />
          <Textarea
            label="Why"
            required
            autosize
            minRows={3}
            maxLength={GlossaryLimits.reasonMax}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={reason.trim() === "" || !pending}
              loading={reject.isPending}
              onClick={() =>
                pending &&
                reject.mutate(
                  { id, body: { revisionId: pending.id, reason } },
                  {
                    onSuccess: () => {
                      notify(`${data.name}: revision rejected`);
                      setReason("");
                      setDialog(null);
                    },
                  },
                )
              }
            >
              Reject revision
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
