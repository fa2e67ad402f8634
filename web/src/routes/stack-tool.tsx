import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconAlertTriangle,
  IconArchive,
  IconArrowBackUp,
  IconCircleCheck,
  IconPencil,
  IconShieldX,
} from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import type { Tool } from "#contracts/stack";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { Fact } from "../components/ui/fact";
import { AnchorLink } from "../components/ui/links";
import { describeError, ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { GlossaryText } from "../features/glossary/components/glossary-text";
import {
  CancelByCountdown,
  CategoryBadge,
  ComplianceBadge,
  TimeBadge,
  ToolStatusBadge,
  UtilisationBar,
} from "../features/stack/components/tool-badges";
import { ToolFormDialog } from "../features/stack/components/tool-form";
import { ToolHistory } from "../features/stack/components/tool-history";
import { ToolIntegrations } from "../features/stack/components/tool-integrations";
import { useOverlaps, useSetToolArchived, useTool } from "../features/stack/hooks/use-stack";
import { dataClassLabels, findingSuffix, formatCalendarDate, lifecycleLabels } from "../features/stack/labels";
import { isApiError } from "../lib/api";
import { formatMoneyList, formatMoneyOf } from "../lib/money";

const route = getRouteApi("/app/stack/tools/$id");

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap={8}>{children}</Stack>
    </Card>
  );
}

function OwnerName({ person }: { person: Tool["businessOwner"] }) {
  if (!person)
    return (
      <Text span size="sm" c="var(--mantine-color-red-text)">
        Nobody
      </Text>
    );
  return (
    <Text span size="sm" c={person.status === "deactivated" ? "var(--mantine-color-red-text)" : undefined}>
      {person.name}
      {person.status === "deactivated" ? " (deactivated)" : ""}
    </Text>
  );
}

/** Everything about one tool on one page. */
export function StackToolPage() {
  const { id } = route.useParams();
  const tool = useTool(id);
  if (tool.isPending) return <PageLoader label="Loading the tool…" />;
  if (tool.isError) {
    return (
      <>
        <PageHeader title={isApiError(tool.error, "not_found") ? "Tool not found" : "Tool"} />
        <ErrorState error={tool.error} onRetry={() => tool.refetch()} />
        <Anchor href="/stack" mt="md" display="block">
          Back to the catalog
        </Anchor>
      </>
    );
  }
  return <ToolDetails tool={tool.data} />;
}

function ToolDetails({ tool }: { tool: Tool }) {
  const me = useMe();
  const canWrite = me.user.role !== "viewer";
  const overlaps = useOverlaps();
  const archive = useSetToolArchived();
  const [isEditing, setIsEditing] = useState(false);
  // What the open confirm dialog will do, fixed when it opens so its words do not flip while it closes.
  const [archiveTarget, setArchiveTarget] = useState<boolean | null>(null);
  const overlapping = (overlaps.data?.items ?? []).filter((group) => group.tools.some((other) => other.id === tool.id));

  const handleArchive = () => {
    archive.mutate(
      { id: tool.id, version: tool.version, archived: archiveTarget ?? !tool.archived },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: "indigo",
            message: saved.archived ? `${saved.name} is archived` : `${saved.name} is back in the catalog`,
          }),
        onError: (error) =>
          notifications.show(
            isApiError(error, "conflict")
              ? {
                  color: "orange",
                  title: "Someone changed this tool meanwhile",
                  message: "The page shows their change; try again.",
                }
              : { color: "red", title: "Could not do that", message: describeError(error) },
          ),
        onSettled: () => setArchiveTarget(null),
      },
    );
  };

  return (
    <>
      <Anchor component={AnchorLink} to="/stack" size="sm" mb="xs" display="inline-block">
        ← Catalog
      </Anchor>
      <PageHeader
        title={tool.name}
        badge={
          <Group gap={6}>
            <ToolStatusBadge status={tool.status} />
            {tool.archived && (
              <Badge color="gray" variant="filled" tt="none">
                Archived
              </Badge>
            )}
          </Group>
        }
        description={
          <>
            {tool.vendor ? `${tool.vendor} · ` : ""}
            {tool.subcategory}
            {tool.description ? (
              <>
                {" — "}
                <GlossaryText span inherit text={tool.description} />
              </>
            ) : (
              ""
            )}
          </>
        }
        actions={
          canWrite && (
            <>
              {!tool.archived && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden="true" />}
                  onClick={() => setIsEditing(true)}
                >
                  Edit
                </Button>
              )}
              <Button
                variant="default"
                color={tool.archived ? undefined : "red"}
                leftSection={
                  tool.archived ? (
                    <IconArrowBackUp size={16} aria-hidden="true" />
                  ) : (
                    <IconArchive size={16} aria-hidden="true" />
                  )
                }
                onClick={() => setArchiveTarget(!tool.archived)}
              >
                {tool.archived ? "Restore" : "Archive"}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        {tool.ownershipGaps.length > 0 && (
          <Alert color="orange" variant="light" title="Needs an owner" icon={<IconAlertTriangle aria-hidden="true" />}>
            <List size="sm">
              {tool.ownershipGaps.map((gap) => (
                <List.Item key={gap}>{gap}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          <Section title="Owners">
            <Fact label="Business owner (marketing)">
              <OwnerName person={tool.businessOwner} />
            </Fact>
            <Fact label="Technical owner (IT)">
              <OwnerName person={tool.technicalOwner} />
            </Fact>
            <Fact label="Category">
              <CategoryBadge category={tool.category} />
            </Fact>
            <Fact label="Capabilities">
              <Group gap={4} justify="flex-end">
                {tool.capabilities.length === 0
                  ? "—"
                  : tool.capabilities.map((capability) => (
                      <Badge key={capability} variant="outline" color="gray" tt="none" size="sm">
                        {capability}
                      </Badge>
                    ))}
              </Group>
            </Fact>
          </Section>
          <Section title="Contract and renewal">
            <Fact label="Annual cost">
              <Text fw={600} size="sm">
                {formatMoneyOf(tool.annualCost)}
              </Text>
            </Fact>
            <Fact label="Contract start">{formatCalendarDate(tool.contractStart)}</Fact>
            <Fact label="Renewal date">{formatCalendarDate(tool.renewalDate)}</Fact>
            <Fact label="Notice period">{tool.noticeDays === null ? "—" : `${tool.noticeDays} days`}</Fact>
            <Fact label="Cancel by">
              <CancelByCountdown cancelBy={tool.cancelBy} />
            </Fact>
            <Fact label="Renews automatically">{tool.autoRenew ? "Yes" : "No"}</Fact>
            <Fact label="Seats used">
              {tool.seatsBought === null && tool.seatsUsed === null ? (
                "—"
              ) : (
                <Stack gap={2} align="flex-end">
                  <Text size="sm">
                    {tool.seatsUsed ?? "—"} of {tool.seatsBought ?? "—"}
                  </Text>
                  <UtilisationBar tool={tool} />
                </Stack>
              )}
            </Fact>
          </Section>
          <Section title="Lifecycle and fit">
            <Fact label="Lifecycle">{lifecycleLabels[tool.lifecycle]}</Fact>
            <Fact label="Phase-in">{formatCalendarDate(tool.lifecycleDates.phaseIn)}</Fact>
            <Fact label="Active since">{formatCalendarDate(tool.lifecycleDates.active)}</Fact>
            <Fact label="Phase-out">{formatCalendarDate(tool.lifecycleDates.phaseOut)}</Fact>
            <Fact label="Functional fit (marketing)">
              {tool.functionalFit ? `${tool.functionalFit} / 5` : "Not scored"}
            </Fact>
            <Fact label="Technical fit (IT)">{tool.technicalFit ? `${tool.technicalFit} / 5` : "Not scored"}</Fact>
            <Fact label="TIME class">
              <TimeBadge timeClass={tool.timeClass} />
            </Fact>
          </Section>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section title="Data and compliance">
            <Fact label="Status">
              <ComplianceBadge compliance={tool.compliance} />
            </Fact>
            <Fact label="Data handled">
              {tool.dataClasses.length === 0 ? "—" : tool.dataClasses.map((value) => dataClassLabels[value]).join(", ")}
            </Fact>
            <Fact label="DPA signed">{tool.dpaSigned ? "Yes" : "No"}</Fact>
            <Fact label="Single sign-on">{tool.sso ? "Yes" : "No"}</Fact>
            <Fact label="Security review">
              {formatCalendarDate(tool.securityReviewDate)} → {formatCalendarDate(tool.securityReviewExpiry)}
            </Fact>
            <Fact label="Certifications">{tool.certifications.join(", ") || "—"}</Fact>
            <Fact label="Hosting region">{tool.hostingRegion || "—"}</Fact>
            {tool.compliance.gaps.length === 0 ? (
              <Group gap={6}>
                <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden="true" />
                <Text size="sm">No compliance gaps.</Text>
              </Group>
            ) : (
              <List
                spacing={4}
                size="sm"
                icon={
                  <ThemeIcon color="red" variant="light" size={20} radius="xl" aria-hidden="true">
                    <IconShieldX size={13} />
                  </ThemeIcon>
                }
              >
                {tool.compliance.gaps.map((gap) => (
                  <List.Item key={gap.code + gap.message}>
                    {gap.message}
                    {findingSuffix(gap.severity)}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
          <Section title="Overlapping tools">
            {overlaps.isPending ? (
              <PageLoader label="Loading overlaps…" />
            ) : overlaps.isError ? (
              <ErrorState error={overlaps.error} onRetry={() => overlaps.refetch()} />
            ) : overlapping.length === 0 ? (
              <Text size="sm" c="dimmed">
                No other tool in {tool.subcategory} shares its capabilities.
              </Text>
            ) : (
              overlapping.map((group) => (
                <Stack key={group.subcategory} gap={4}>
                  <Text size="sm">
                    Shares {group.sharedCapabilities.join(", ")} — combined {formatMoneyList(group.annualCost)} a year
                  </Text>
                  <Group gap={6}>
                    {group.tools
                      .filter((other) => other.id !== tool.id)
                      .map((other) => (
                        <AnchorLink key={other.id} to="/stack/tools/$id" params={{ id: other.id }} size="sm">
                          {other.name}
                        </AnchorLink>
                      ))}
                  </Group>
                </Stack>
              ))
            )}
          </Section>
        </SimpleGrid>
        <ToolIntegrations tool={tool} canWrite={canWrite} />
        <ToolHistory toolId={tool.id} />
      </Stack>
      <ToolFormDialog opened={isEditing} tool={tool} onClose={() => setIsEditing(false)} />
      <ConfirmDialog
        opened={archiveTarget !== null}
        title={archiveTarget === false ? `Restore ${tool.name}?` : `Archive ${tool.name}?`}
        confirmLabel={archiveTarget === false ? "Restore" : "Archive"}
        isDanger={archiveTarget !== false}
        isLoading={archive.isPending}
        onConfirm={handleArchive}
        onClose={() => setArchiveTarget(null)}
      >
        {archiveTarget === false
          ? "It returns to the live catalog, the graph and the renewal calendar."
          : "It leaves the live catalog, the graph and the renewal calendar. Nothing is deleted; you can restore it later."}
      </ConfirmDialog>
    </>
  );
}
