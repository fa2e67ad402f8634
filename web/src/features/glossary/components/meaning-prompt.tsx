import { Anchor, Card, Radio, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconArrowsSplit2 } from "@tabler/icons-react";
import { useEffect, useId, useMemo } from "react";
import type { TermCard } from "#contracts/glossary";
import type { TermMeaning } from "#contracts/pipeline";
import { useAnnotation } from "../hooks/use-glossary";
import { teamKindLabels, teamKindOrder, termTitle } from "../labels";
import { chooseMeaning, chosenFor, clashChoicesOf, meaningsStillMeant } from "../meanings";

function Meaning({ term }: { term: TermCard }) {
  const perTeam = teamKindOrder.filter((kind) => term.definitions[kind]);
  return (
    <Stack gap={2} component="span">
      {term.canonicalDefinition && <span>{term.canonicalDefinition}</span>}
      {perTeam.map((kind) => (
        <span key={kind}>
          <Text span fw={600} size="xs">
            {teamKindLabels[kind]}:
          </Text>{" "}
          {term.definitions[kind]}
        </span>
      ))}
      {!term.canonicalDefinition && perTeam.length === 0 && <span>No definition written yet.</span>}
    </Stack>
  );
}

/**
 * Asks which meaning is intended for each word in `text` that several glossary terms share (a clash), showing each
 * side's meaning; the answer is one `{form, termId}` per word. Meanings whose word left the text are dropped.
 */
export function MeaningPrompt({
  text,
  value,
  onChange,
}: {
  text: string;
  value: TermMeaning[];
  onChange: (next: TermMeaning[]) => void;
}) {
  const headingId = useId();
  const [debounced] = useDebouncedValue(text, 400);
  const annotation = useAnnotation(debounced);
  const choices = useMemo(() => {
    if (!annotation.data) return [];
    return clashChoicesOf(annotation.data.spans, new Map(annotation.data.terms.map((term) => [term.id, term])));
  }, [annotation.data]);
  const isEmpty = text.trim() === "";
  const isSettled = isEmpty || (annotation.isSuccess && !annotation.isFetching && debounced === text);

  useEffect(() => {
    if (!isSettled) return;
    const kept = isEmpty ? [] : meaningsStillMeant(value, choices);
    if (kept.length !== value.length) onChange(kept);
  }, [isSettled, isEmpty, choices, value, onChange]);

  const announcement =
    choices.length === 0
      ? ""
      : `${choices.length === 1 ? "A word" : `${choices.length} words`} you wrote ${choices.length === 1 ? "has" : "have"} several meanings: pick the one you intend.`;
  return (
    <>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
      {choices.length > 0 && (
        <Card
          component="section"
          aria-labelledby={headingId}
          withBorder
          style={{ borderColor: "var(--mantine-color-orange-outline)" }}
          data-testid="meaning-prompt"
        >
          <Title order={2} size="h4" id={headingId} style={{ display: "flex", gap: 8, alignItems: "center" }}>
            <IconArrowsSplit2 size={20} aria-hidden="true" color="var(--mantine-color-orange-text)" />
            Which meaning do you intend?
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            These words mean different things to different people in this workspace's{" "}
            <Anchor href="/glossary/clashes" target="_blank" size="sm" underline="always">
              glossary
            </Anchor>
            . Say which you mean, so marketing and IT read your request the same way.
          </Text>
          <Stack gap="lg">
            {choices.map((choice) => (
              <Radio.Group
                key={choice.key}
                label={`“${choice.form}” in this request means…`}
                value={chosenFor(value, choice)}
                onChange={(termId) => onChange(chooseMeaning(value, choice, termId))}
              >
                <Stack gap="sm" mt="xs">
                  {choice.terms.map((term) => (
                    <Radio
                      key={term.id}
                      value={term.id}
                      label={termTitle(term)}
                      description={<Meaning term={term} />}
                    />
                  ))}
                  <Radio value="" label="Not sure yet: leave it open" />
                </Stack>
              </Radio.Group>
            ))}
          </Stack>
        </Card>
      )}
    </>
  );
}
