import { Badge, Button, Card, Grid, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { Survey } from "#contracts/health";
import { ConfirmDialog } from "../components/ui/confirm-dialog";
import { ButtonLink } from "../components/ui/links";
import { describeError, ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { useMe } from "../features/auth/hooks/use-me";
import { HealthNav } from "../features/health/components/health-nav";
import { ParticipationBars } from "../features/health/components/participation-bars";
import { SurveyFormDialog } from "../features/health/components/survey-form";
import { SurveyResultsCard } from "../features/health/components/survey-results";
import { useSurvey, useSurveyTransition } from "../features/health/hooks/use-health";
import { formatDay, itemCriterionLabel, surveyStatusMeta } from "../features/health/labels";
import { handleStaleEdit } from "../lib/stale-edit";

const route = getRouteApi("/app/health/surveys/$id");

/** The statements of a pulse, each in both sides' wording. */
function Statements({ survey }: { survey: Survey }) {
  return (
    <Card component="section" aria-labelledby="survey-statements" p="lg" h="100%">
      <Title order={2} size="h3" id="survey-statements" mb={4}>
        Statements
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {survey.status === "draft"
          ? "Chosen by the rotation: every criterion at least once, the items asked longest ago first. Each side reads the wording written for it."
          : "Locked since the launch. Each side read the wording written for it."}
      </Text>
      <Stack gap="md" component="ol" m={0} pl="md">
        {survey.items.map((item) => (
          <li key={item.id}>
            <Group gap={6} mb={2} wrap="wrap">
              <Badge variant="light" color="gray" tt="none">
                {itemCriterionLabel(item.criterion)}
              </Badge>
              <Text size="xs" c="dimmed">
                {item.code}
              </Text>
            </Group>
            <Text size="sm">
              <Text span fw={600}>
                Marketing reads:
              </Text>{" "}
              {item.text.marketing}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                IT reads:
              </Text>{" "}
              {item.text.it}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** One pulse: its settings, statements, who took part (counts) and the results as far as anonymity allows. */
export function HealthSurveyPage() {
  const { id } = route.useParams();
  const me = useMe();
  const isAdmin = me.user.role === "admin";
  const survey = useSurvey(id);
  const transition = useSurveyTransition();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<"launch" | "close" | null>(null);

  if (survey.isPending) return <PageLoader label="Loading the pulse…" />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => survey.refetch()} />;
  const data = survey.data;
  const status = surveyStatusMeta[data.status];

  const handleTransition = () => {
    if (!confirming) return;
    transition.mutate(
      { id: data.id, version: data.version, to: confirming },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "indigo",
            message: confirming === "launch" ? `${saved.title} launched to both teams` : `${saved.title} closed`,
          });
          setConfirming(null);
        },
        onError: (error) => {
          if (handleStaleEdit(error, "pulse")) setConfirming(null);
          else notifications.show({ color: "red", title: "Not done", message: describeError(error) });
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={data.title}
        badge={
          <Badge color={status.color} variant="light" size="lg">
            {status.label}
          </Badge>
        }
        description={
          data.status === "draft"
            ? "A draft: nobody is asked yet. Check the statements and the threshold, then launch."
            : data.status === "open"
              ? `Open until ${formatDay(data.closesOn)}: marketing and IT people answer it once each.`
              : `Closed ${data.closedOn ? formatDay(data.closedOn) : ""}.`
        }
        actions={
          <>
            {data.status === "open" && data.me.canAnswer && !data.me.answered && (
              <ButtonLink to="/health/pulse">Answer the pulse</ButtonLink>
            )}
            {isAdmin && data.status === "draft" && (
              <>
                <Button variant="default" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button onClick={() => setConfirming("launch")}>Launch</Button>
              </>
            )}
            {isAdmin && data.status === "open" && (
              <Button variant="default" onClick={() => setConfirming("close")}>
                Close the pulse
              </Button>
            )}
          </>
        }
      />
      <HealthNav />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="survey-settings" p="lg">
              <Title order={2} size="h3" id="survey-settings" mb="sm">
                Anonymity
              </Title>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {data.status !== "draft" && (
                  <ThemeIcon variant="light" color="gray" aria-hidden="true">
                    <IconLock size={16} />
                  </ThemeIcon>
                )}
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    k = {data.k}
                    {data.status !== "draft" && " (locked at launch)"}
                  </Text>
                  <Text size="sm" c="dimmed">
                    A side's results appear only when at least {data.k} of its people answered; a team whose complement
                    is below {data.k} is hidden too. Answers are stored without names and without times.
                  </Text>
                </Stack>
              </Group>
              <Text size="sm" mt="sm">
                {data.launchedOn ? `Launched ${formatDay(data.launchedOn)} · ` : ""}
                {data.closedOn ? `closed ${formatDay(data.closedOn)}` : `closes ${formatDay(data.closesOn)}`}
              </Text>
            </Card>
            {data.status !== "draft" && (
              <Card component="section" aria-labelledby="survey-participation" p="lg">
                <Title order={2} size="h3" id="survey-participation" mb={4}>
                  Took part
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  How many of each side answered, of the people each side had when the pulse was launched. Someone who
                  joined since may answer too and is never counted as not answering. Who answered is never shown.
                </Text>
                <ParticipationBars participation={data.participation} k={data.k} />
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Statements survey={data} />
        </Grid.Col>
      </Grid>
      {data.status !== "draft" && (
        <Stack mt="lg">
          <SurveyResultsCard survey={data} />
        </Stack>
      )}
      {isAdmin && <SurveyFormDialog opened={editing} survey={data} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming === "launch" ? "Launch this pulse?" : "Close this pulse?"}
        confirmLabel={confirming === "launch" ? "Launch" : "Close the pulse"}
        isLoading={transition.isPending}
        onConfirm={handleTransition}
        onClose={() => setConfirming(null)}
      >
        {confirming === "launch"
          ? `Everyone in marketing and IT is asked to answer. From now on k = ${data.k} and the ${data.items.length} statements are locked.`
          : "No more answers are taken; the results are final."}
      </ConfirmDialog>
    </>
  );
}
