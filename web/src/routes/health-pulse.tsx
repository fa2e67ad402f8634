import { Card } from "@mantine/core";
import { IconMessageCircleQuestion } from "@tabler/icons-react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { ListSection } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
import { useMe } from "../features/auth/hooks/use-me";
import { HealthNav } from "../features/health/components/health-nav";
import { AnonymityNote, PulseAnswered, PulseForm } from "../features/health/components/pulse-form";
import { useOpenSurvey } from "../features/health/hooks/use-health";
import { formatDay } from "../features/health/labels";

/** The open pulse for the signed-in person to answer once, anonymously. */
export function HealthPulsePage() {
  const me = useMe();
  const open = useOpenSurvey();
  const survey = open.data;
  return (
    <>
      <PageHeader
        title={survey ? survey.title : "Answer the pulse"}
        description={
          survey
            ? `A few statements about how marketing and IT work together. Open until ${formatDay(survey.closesOn)}.`
            : "A few statements about how marketing and IT work together, asked every quarter."
        }
      />
      <HealthNav />
      <ListSection
        query={open}
        loadingLabel="Loading the pulse…"
        isEmpty={!survey}
        withCard={false}
        empty={{
          icon: IconMessageCircleQuestion,
          title: "No pulse is open",
          description: "When an admin launches the next pulse, it waits for you here and on Home.",
        }}
      >
        {survey &&
          (survey.me.answered ? (
            <PulseAnswered title={survey.title} />
          ) : !survey.me.canAnswer || survey.me.side === null ? (
            <Card>
              <EmptyState
                icon={IconMessageCircleQuestion}
                title="This pulse is for marketing and IT"
                description={
                  <>
                    You are in {me.team.name}; pulses ask the people of marketing and IT teams how they see each other.
                    The results are on the{" "}
                    <AnchorLink to="/health" underline="always">
                      Alignment Index
                    </AnchorLink>
                    .
                  </>
                }
              />
            </Card>
          ) : (
            <>
              <AnonymityNote k={survey.k} />
              <PulseForm survey={survey} side={survey.me.side} />
            </>
          ))}
      </ListSection>
    </>
  );
}
