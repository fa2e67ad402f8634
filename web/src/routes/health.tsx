import { Alert, Grid, Select, SimpleGrid, Stack, Title } from "@mantine/core";
import { IconEyeOff, IconHeartbeat } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import type { Alignment } from "#contracts/health";
import { ButtonLink } from "../components/ui/links";
import { ListSection } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
import { useMe } from "../features/auth/hooks/use-me";
import { CriteriaCompare } from "../features/health/components/criteria-compare";
import { CriterionCard } from "../features/health/components/criterion-card";
import { Drivers } from "../features/health/components/drivers";
import { HealthNav } from "../features/health/components/health-nav";
import { IndexSummary } from "../features/health/components/index-summary";
import { IndexTrend } from "../features/health/components/index-trend";
import { MissingSignals } from "../features/health/components/missing-signals";
import { OpenPulseBanner } from "../features/health/components/open-pulse-banner";
import { Playbook } from "../features/health/components/playbook";
import { PublishedFigures } from "../features/health/components/published-figures";
import { useAlignment, useSurveys } from "../features/health/hooks/use-health";
import { suppressedText } from "../features/health/labels";
import { useTeams } from "../features/teams/hooks/use-teams";

const route = getRouteApi("/app/health");

/** "Brand studio: fewer than 5 answered", never a count. */
function suppressedTitle(data: Alignment): string {
  const team = data.basis.team;
  if (!team) return "";
  return `${team.name}: ${suppressedText(data.basis.groups[team.side].suppressed, data.basis.k).toLowerCase()}`;
}

/** The Alignment Index: the index and its trend, maturity two ways, both sides per criterion, drivers and playbook. */
export function HealthPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const alignment = useAlignment(search.team);
  const teams = useTeams();
  const surveys = useSurveys();
  const kBySurvey = new Map(
    (surveys.data?.pages.flatMap((page) => page.items) ?? []).map((survey) => [survey.id, survey.k]),
  );
  const teamOptions = (teams.data ?? [])
    .filter((team) => team.kind === "marketing" || team.kind === "it")
    .map((team) => ({ value: team.id, label: `${team.name} (${team.kind === "it" ? "IT" : "Marketing"})` }));
  const data = alignment.data;
  const isEmpty = data && data.index === null && data.trend.length === 0 && data.basis.surveyId === null;

  return (
    <>
      <PageHeader
        title="Health"
        description="How marketing and IT see their partnership, from anonymous pulse surveys of both teams and from signals in the work itself."
      />
      <HealthNav />
      <OpenPulseBanner />
      <ListSection
        filters={
          <Select
            label="Whose answers"
            placeholder="Both teams"
            data={teamOptions}
            value={search.team ?? null}
            onChange={(value) =>
              void navigate({ search: (previous) => ({ ...previous, team: value ?? undefined }), replace: true })
            }
            clearable
            w={{ base: "100%", xs: 320 }}
          />
        }
        query={alignment}
        loadingLabel="Loading the Alignment Index…"
        isEmpty={Boolean(isEmpty) || !data}
        withCard={false}
        empty={{
          icon: IconHeartbeat,
          title: "No pulse yet",
          description:
            "Launch a pulse to both teams: once enough people on each side have answered, the Alignment Index, its drivers and a playbook appear here.",
          action: me.user.role === "admin" && (
            <ButtonLink to="/health/surveys" size="xs">
              Launch a pulse
            </ButtonLink>
          ),
        }}
      >
        {data && (
          <Stack gap="lg">
            {data.basis.surveyId === null && data.trend.length === 0 && (
              <Alert color="indigo" variant="light" icon={<IconHeartbeat aria-hidden="true" />} title="No pulse yet">
                The Index below rests on the behavioural signals alone. Launch a pulse to both teams: once enough people
                on each side have answered, their views join it, with the gap between them and the drivers.
                {me.user.role === "admin" && (
                  <ButtonLink to="/health/surveys" size="xs" mt="xs" display="block" w="fit-content">
                    Launch a pulse
                  </ButtonLink>
                )}
              </Alert>
            )}
            {data.basis.team && data.basis.groups[data.basis.team.side].suppressed && (
              <Alert
                color="gray"
                variant="light"
                icon={<IconEyeOff aria-hidden="true" />}
                title={suppressedTitle(data)}
              >
                To keep answers anonymous, {data.basis.team.name}'s survey figures are hidden; the criteria below use
                the behavioural signals alone, and the trend is the whole workspace's.
              </Alert>
            )}
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <IndexSummary alignment={data} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <IndexTrend trend={data.trend} kOf={(surveyId) => kBySurvey.get(surveyId)} />
              </Grid.Col>
            </Grid>
            <Drivers drivers={data.drivers} />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <CriteriaCompare alignment={data} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <PublishedFigures
                  published={data.published}
                  k={data.basis.k}
                  hasBasis={data.basis.surveyId !== null}
                  isMarketingShown={data.basis.surveyId !== null && data.basis.groups.marketing.suppressed === null}
                />
              </Grid.Col>
            </Grid>
            <Stack gap="sm" component="section" aria-labelledby="health-criteria">
              <Title order={2} size="h3" id="health-criteria">
                The six criteria
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="lg">
                {data.criteria.map((criterion) => (
                  <CriterionCard key={criterion.key} criterion={criterion} basis={data.basis} />
                ))}
              </SimpleGrid>
            </Stack>
            <MissingSignals alignment={data} />
            <Playbook
              playbook={data.playbook}
              hasScores={data.criteria.some((criterion) => criterion.score !== null)}
            />
          </Stack>
        )}
      </ListSection>
    </>
  );
}
