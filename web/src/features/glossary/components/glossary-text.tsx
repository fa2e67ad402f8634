import { Badge, Box, Group, Popover, Stack, Text, type TextProps } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import type { AnnotatedSpan, TermCard } from "#contracts/glossary";
import { AnchorLink } from "../../../components/ui/links";
import { useAnnotation } from "../hooks/use-glossary";
import { teamKindLabels, teamKindOrder, termStatusMeta, termTitle } from "../labels";
import { meaningOfSpan } from "../meanings";

function Definitions({ term }: { term: TermCard }) {
  const perTeam = teamKindOrder.filter((kind) => term.definitions[kind]);
  return (
    <Stack gap={4}>
      {term.canonicalDefinition && <Text size="sm">{term.canonicalDefinition}</Text>}
      {perTeam.map((kind) => (
        <Text size="sm" key={kind}>
          <Text span fw={600}>
            {teamKindLabels[kind]}:{" "}
          </Text>
          {term.definitions[kind]}
        </Text>
      ))}
      {!term.canonicalDefinition && perTeam.length === 0 && (
        <Text size="sm" c="dimmed">
          No definition written yet.
        </Text>
      )}
    </Stack>
  );
}

function Card({ term }: { term: TermCard }) {
  return (
    <Stack gap={6}>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <AnchorLink to="/glossary/terms/$id" params={{ id: term.id }} fw={600} size="sm">
          {termTitle(term)}
        </AnchorLink>
        {term.status !== "approved" && (
          <Badge size="xs" variant="light" color="orange" style={{ flexShrink: 0, overflow: "visible" }}>
            {termStatusMeta[term.status].label}
          </Badge>
        )}
      </Group>
      <Definitions term={term} />
    </Stack>
  );
}

/**
 * One recognised term in the text: underlined; hover or keyboard focus shows each side's meaning. Where the writer
 * said which of several meanings they intend (`meantTermId`), that meaning comes first, marked, and the word is
 * underlined as settled rather than as a clash.
 */
function TermMark({
  span,
  cards,
  text,
  meantTermId,
}: {
  span: AnnotatedSpan;
  cards: Map<string, TermCard>;
  text: string;
  meantTermId?: string;
}) {
  const [opened, { open, close, toggle }] = useDisclosure(false);
  const id = useId();
  const meant = meantTermId ? cards.get(meantTermId) : undefined;
  const term = meant ?? cards.get(span.termId);
  const alternatives = [span.termId, ...span.alternativeTermIds]
    .filter((other) => other !== term?.id)
    .map((other) => cards.get(other))
    .filter((card) => card !== undefined);
  if (!term) return text;
  const description = meant
    ? `meant here: ${termTitle(meant)}`
    : span.clashing
      ? "a term with several meanings"
      : "glossary term";
  return (
    <Popover
      opened={opened}
      onChange={(next) => !next && close()}
      width={340}
      position="top"
      withArrow
      shadow="md"
      id={id}
    >
      <Popover.Target>
        <button
          type="button"
          className="glossary-term"
          data-clashing={(span.clashing && !meant) || undefined}
          data-meant={meant ? true : undefined}
          aria-expanded={opened}
          aria-label={`${text} — ${description}: show its meaning`}
          onMouseEnter={open}
          onMouseLeave={close}
          onFocus={open}
          onBlur={close}
          onClick={toggle}
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
        >
          {text}
        </button>
      </Popover.Target>
      <Popover.Dropdown onMouseEnter={open} onMouseLeave={close}>
        <Stack gap="sm">
          {meant ? (
            <Text size="xs" c="var(--mantine-color-teal-text)" fw={600}>
              “{span.form}” has several meanings; the writer means this one:
            </Text>
          ) : (
            span.clashing && (
              <Text size="xs" c="var(--mantine-color-orange-text)" fw={600}>
                “{span.form}” has several meanings here: check which one is meant.
              </Text>
            )
          )}
          <Card term={term} />
          {alternatives.map((alternative) => (
            <Box key={alternative.id} pt="xs" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
              {meant && (
                <Text size="xs" c="dimmed" mb={4}>
                  Not meant here:
                </Text>
              )}
              <Card term={alternative} />
            </Box>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Splits a text at its recognised terms (offsets are UTF-16 indices, as JavaScript strings count). */
function segmentsOf(text: string, spans: AnnotatedSpan[]) {
  const segments: ({ kind: "text"; text: string } | { kind: "term"; text: string; span: AnnotatedSpan })[] = [];
  let at = 0;
  for (const span of spans) {
    // A clash gives one span per term over the same range: the first carries the others as alternatives.
    if (span.start < at) continue;
    if (span.start > at) segments.push({ kind: "text", text: text.slice(at, span.start) });
    segments.push({ kind: "term", text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) segments.push({ kind: "text", text: text.slice(at) });
  return segments;
}

/**
 * Text people wrote, with the glossary's terms underlined (dotted; wavy orange where a term has several meanings,
 * solid teal where the writer said which meaning they intend: `meanings`, e.g. a request's `termMeanings`).
 * The text is never read as HTML: the server sends offsets, the page renders plain strings around them.
 */
export function GlossaryText({
  text,
  meanings,
  ...props
}: { text: string; meanings?: readonly { termId: string }[] } & TextProps) {
  const annotation = useAnnotation(text);
  const spans = annotation.data?.spans ?? [];
  if (spans.length === 0) {
    return (
      <Text {...props} style={{ whiteSpace: "pre-wrap" }}>
        {text}
      </Text>
    );
  }
  const cards = new Map((annotation.data?.terms ?? []).map((term) => [term.id, term]));
  return (
    <Text {...props} style={{ whiteSpace: "pre-wrap" }}>
      {segmentsOf(text, spans).map((segment) =>
        segment.kind === "text" ? (
          segment.text
        ) : (
          <TermMark
            key={segment.span.start}
            span={segment.span}
            cards={cards}
            text={segment.text}
            meantTermId={meaningOfSpan(meanings, segment.span)}
          />
        ),
      )}
    </Text>
  );
}
