import { Badge, Button, Stack, Text } from "@mantine/core";
import { IconMessageCircleQuestion, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { type DataColumn, DataTable } from "../components/ui/data-table";
import { AnchorLink } from "../components/ui/links";
import { ListSection, pagesOf } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
import { useMe } from "../features/auth/hooks/use-me";
import { HealthNav } from "../features/health/components/health-nav";
import { ParticipationBars } from "../features/health/components/participation-bars";
import { PulseCadenceCard } from "../features/health/components/pulse-cadence";
import { SurveyFormDialog } from "../features/health/components/survey-form";
import { useSurveys } from "../features/health/hooks/use-health";
import { formatDay, surveyStatusMeta } from "../features/health/labels";

type SurveyRow = NonNullable<ReturnType<typeof useSurveys>["data"]>["pages"][number]["items"][number];

const columns: DataColumn<SurveyRow>[] = [
  {
    key: "pulse",
    header: "Pulse",
    cell: (survey) => (
      <Stack gap={0}>
        <AnchorLink to="/health/surveys/$id" params={{ id: survey.id }} fw={600} size="sm">
          {survey.title}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {survey.items.length} statements
        </Text>
      </Stack>
    ),
  },
  {
    key: "status",
    header: "Status",
    cell: (survey) => (
      <Badge color={surveyStatusMeta[survey.status].color} variant="light">
        {surveyStatusMeta[survey.status].label}
      </Badge>
    ),
  },
  { key: "k", header: "k", priority: 3, cell: (survey) => survey.k },
  {
    key: "dates",
    header: "Dates",
    priority: 2,
    cell: (survey) => (
      <>
        <Text size="sm">{survey.launchedOn ? `Launched ${formatDay(survey.launchedOn)}` : "Not launched"}</Text>
        <Text size="xs" c="dimmed">
          {survey.closedOn ? `Closed ${formatDay(survey.closedOn)}` : `Closes ${formatDay(survey.closesOn)}`}
        </Text>
      </>
    ),
  },
  {
    key: "participation",
    header: "Took part",
    priority: 2,
    width: 300,
    minWidth: 220,
    cell: (survey) =>
      survey.status === "draft" ? (
        <Text size="sm" c="dimmed">
          Not sent yet
        </Text>
      ) : (
        <ParticipationBars participation={survey.participation} k={survey.k} />
      ),
  },
];

/** The pulses: drafts, the open one and the closed ones, with how many of each side took part. */
export function HealthSurveysPage() {
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const surveys = useSurveys();
  const [creating, setCreating] = useState(false);
  const items = surveys.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="Pulses"
        description="Short surveys of both teams, each asking 6–8 statements so every criterion comes up every pulse; the least recently asked statements come first."
        actions={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
              New pulse
            </Button>
          )
        }
      />
      <HealthNav />
      <PulseCadenceCard isAdmin={isAdmin} />
      <ListSection
        query={surveys}
        loadingLabel="Loading the pulses…"
        isEmpty={items.length === 0}
        empty={{
          icon: IconMessageCircleQuestion,
          title: "No pulse yet",
          description: isAdmin
            ? "Draft a pulse: the rotation picks the statements, you set the anonymity threshold, then launch it to both teams."
            : "An admin launches pulses; when one is open, it waits for you on Home.",
          action: isAdmin && (
            <Button size="xs" onClick={() => setCreating(true)}>
              Draft the first pulse
            </Button>
          ),
        }}
        pagination={pagesOf(surveys, "pulses", { one: "pulse", count: items.length })}
      >
        <DataTable
          label="Pulses"
          rows={items}
          columns={columns}
          rowKey={(survey) => survey.id}
          rowName={(survey) => survey.title}
        />
      </ListSection>
      {isAdmin && <SurveyFormDialog opened={creating} survey={null} onClose={() => setCreating(false)} />}
    </>
  );
}
