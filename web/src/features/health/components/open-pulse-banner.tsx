import { Alert, Group, Text } from "@mantine/core";
import { IconMessageCircleQuestion } from "@tabler/icons-react";
import { ButtonLink } from "../../../components/ui/links";
import { useOpenSurvey } from "../hooks/use-health";

/** Says so when a pulse waits on the signed-in person's answer. */
export function OpenPulseBanner() {
  const open = useOpenSurvey();
  const survey = open.data;
  if (!survey?.me.canAnswer || survey.me.answered) return null;
  return (
    <Alert
      color="indigo"
      variant="light"
      mb="lg"
      icon={<IconMessageCircleQuestion aria-hidden="true" />}
      title={`The pulse “${survey.title}” waits on your answer`}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">
          {survey.items.length} statements, about two minutes. Anonymous: your answer is stored without your name or the
          time.
        </Text>
        <ButtonLink to="/health/pulse" size="xs">
          Answer the pulse
        </ButtonLink>
      </Group>
    </Alert>
  );
}
