import { Alert, Button, Card, Group, List, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconShieldLock } from "@tabler/icons-react";
import { AGREEMENT_SCALE, HealthLimits, type HealthSide, type Survey } from "#contracts/health";
import { FormError } from "../../../components/ui/form-error";
import { FormErrorSummary } from "../../../components/ui/form-error-summary";
import { isApiError } from "../../../lib/api";
import { useRespond } from "../hooks/use-health";
import { sideLabels } from "../labels";

/** How the answer stays anonymous, in plain words. */
export function AnonymityNote({ k }: { k: number }) {
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconShieldLock aria-hidden="true" />}
      title="Your answer is anonymous"
      mb="lg"
    >
      <List size="sm" spacing={4}>
        <List.Item>Your answer is stored without your name and without the time you sent it.</List.Item>
        <List.Item>
          Only the fact that you took part is recorded, apart from the answer, so that each person answers once.
        </List.Item>
        <List.Item>
          Results of a side appear only when at least {k} of its people answered; comments only when at least{" "}
          {HealthLimits.commentsK} did, in random order.
        </List.Item>
      </List>
    </Alert>
  );
}

interface FormValues {
  answers: Record<string, string>;
  comment: string;
}

/** One person's answer to an open pulse: each statement in their side's wording, on the 5-point scale. */
export function PulseForm({ survey, side }: { survey: Survey; side: HealthSide }) {
  const respond = useRespond();
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: { answers: {}, comment: "" },
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const item of survey.items) {
        if (!values.answers[item.id]) errors[`answers.${item.id}`] = "Choose how much you agree";
      }
      if (values.comment.length > HealthLimits.commentMax)
        errors.comment = `Comment must be at most ${HealthLimits.commentMax} characters`;
      return errors;
    },
  });
  const handleSubmit = form.onSubmit((values) => {
    respond.mutate(
      {
        id: survey.id,
        body: {
          answers: survey.items.map((item) => ({ itemId: item.id, value: Number(values.answers[item.id]) })),
          comment: values.comment.trim() === "" ? undefined : values.comment.trim(),
        },
      },
      {
        onSuccess: () =>
          notifications.show({ color: "indigo", message: "Thank you: your answer is in, without your name" }),
      },
    );
  });
  const hasFieldErrors = Object.values(form.errors).some(Boolean);
  return (
    <form onSubmit={handleSubmit} noValidate>
      <FormErrorSummary errors={form.errors} />
      <Stack gap="md">
        {!hasFieldErrors && (
          <FormError
            error={respond.error}
            messages={{ conflict: "You have already answered this pulse: each person answers once." }}
          />
        )}
        <Text size="sm" c="dimmed">
          You answer as {sideLabels[side]}. How much do you agree with each statement?
        </Text>
        {survey.items.map((item, index) => (
          <Card key={item.id} p="md">
            <Radio.Group
              label={
                <Text component="span" fw={600} size="sm">
                  {index + 1}. {item.text[side]}
                </Text>
              }
              required
              {...form.getInputProps(`answers.${item.id}`)}
              value={form.values.answers[item.id] ?? ""}
            >
              <Group gap="md" mt="xs" wrap="wrap">
                {AGREEMENT_SCALE.map((option) => (
                  <Radio key={option.value} value={String(option.value)} label={option.label} />
                ))}
              </Group>
            </Radio.Group>
          </Card>
        ))}
        <Textarea
          label="Comment (optional)"
          description={`Shown only when at least ${HealthLimits.commentsK} of ${sideLabels[side]} answered. Leave out details that would tell who you are.`}
          autosize
          minRows={3}
          maxLength={HealthLimits.commentMax}
          {...form.getInputProps("comment")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={respond.isPending}>
            Send my answer
          </Button>
        </Group>
        {isApiError(respond.error, "validation_failed") && (
          <Text size="sm" c="red">
            Some answers were refused; reload the page and answer again.
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** Shown once the person has answered. */
export function PulseAnswered({ title }: { title: string }) {
  return (
    <Card p="lg">
      <Title order={2} size="h3" mb={4}>
        Thank you: your answer is in
      </Title>
      <Text size="sm" c="dimmed">
        You answered “{title}”. Nobody can see which answer was yours; the results appear on the Alignment Index once
        enough people of each side have answered.
      </Text>
    </Card>
  );
}
