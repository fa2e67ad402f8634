import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { PipelineRequest } from "#contracts/pipeline";
import { AnchorLink } from "../../../components/ui/links";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { termTitle } from "../../glossary/labels";
import { dataClassLabels } from "../../stack/labels";
import { requirementLabels } from "./requirements-fields";

type Gaps = PipelineRequest["requirementGaps"];

const gapLabels: Record<Gaps["business"][number] | Gaps["technical"][number], string> = {
  outcome: "the outcome",
  users: "its users",
  successMeasure: "the success measure",
  systems: "the systems",
  data: "the data",
  security: "security",
  nonFunctionalNeeds: "non-functional needs",
};

function Part({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function Written({ text, meanings }: { text: string; meanings: PipelineRequest["termMeanings"] }) {
  return text.trim() ? (
    <GlossaryText size="sm" text={text} meanings={meanings} />
  ) : (
    <Text size="sm" c="dimmed">
      Not written yet
    </Text>
  );
}

function ViewHeading({ title, gaps }: { title: string; gaps: string[] }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Title order={3} size="h5">
        {title}
      </Title>
      {gaps.length === 0 ? (
        <Badge color="teal" variant="light" tt="none" style={{ flexShrink: 0 }}>
          Complete
        </Badge>
      ) : (
        <Badge color="orange" variant="light" tt="none" style={{ flexShrink: 0 }}>
          {gaps.length} to write
        </Badge>
      )}
    </Group>
  );
}

/**
 * A request's requirements as both sides read them: the business view (outcome, users, success measure) beside
 * the technical view (systems, data, security, non-functional needs), glossary terms underlined, what each side
 * still has to write named, and the meaning intended for each word of several meanings.
 */
export function RequirementsView({ request }: { request: PipelineRequest }) {
  const meanings = request.termMeanings;
  const gaps = request.requirementGaps;
  return (
    <Card component="section" aria-labelledby="requirements-view-heading">
      <Title order={2} size="h4" mb="sm" id="requirements-view-heading">
        Requirements
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Stack gap="sm">
          <ViewHeading title="Business view" gaps={gaps.business} />
          <Part label={requirementLabels.outcome}>
            <Written text={request.outcome} meanings={meanings} />
          </Part>
          <Part label={requirementLabels.beneficiaries}>
            <Written text={request.beneficiaries} meanings={meanings} />
          </Part>
          <Part label={requirementLabels.successMeasure}>
            <Written text={request.successMeasure} meanings={meanings} />
          </Part>
          {gaps.business.length > 0 && (
            <Text size="xs" c="dimmed">
              Still to write: {gaps.business.map((gap) => gapLabels[gap]).join(", ")}.
            </Text>
          )}
        </Stack>
        <Stack gap="sm">
          <ViewHeading title="Technical view" gaps={gaps.technical} />
          <Part label={requirementLabels.systems}>
            <Written text={request.systems} meanings={meanings} />
            {request.tools.length > 0 && (
              <Text size="sm">
                From the Stack:{" "}
                {request.tools.map((tool, index) => (
                  <span key={tool.id}>
                    {index > 0 && ", "}
                    <AnchorLink to="/stack/tools/$id" params={{ id: tool.id }} size="sm">
                      {tool.name}
                    </AnchorLink>
                  </span>
                ))}
              </Text>
            )}
          </Part>
          <Part label="Data">
            <Text size="sm">
              {request.dataClasses.length
                ? request.dataClasses.map((value) => dataClassLabels[value]).join(", ")
                : "No data classes picked"}
            </Text>
            {request.dataNeeds.trim() && <GlossaryText size="sm" text={request.dataNeeds} meanings={meanings} />}
          </Part>
          <Part label={requirementLabels.securityNotes}>
            <Written text={request.securityNotes} meanings={meanings} />
          </Part>
          <Part label={requirementLabels.nonFunctionalNeeds}>
            <Written text={request.nonFunctionalNeeds} meanings={meanings} />
          </Part>
          {gaps.technical.length > 0 && (
            <Text size="xs" c="dimmed">
              Still to write: {gaps.technical.map((gap) => gapLabels[gap]).join(", ")}.
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      {meanings.length > 0 && (
        <Stack gap={4} mt="md" pt="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <Text size="sm" fw={600}>
            Words of several meanings, as meant here
          </Text>
          <List size="sm" spacing={2}>
            {meanings.map((meaning) => (
              <List.Item key={meaning.form}>
                “{meaning.form}” means{" "}
                {meaning.term ? (
                  <>
                    <AnchorLink to="/glossary/terms/$id" params={{ id: meaning.term.id }} size="sm">
                      {termTitle(meaning.term)}
                    </AnchorLink>
                    {meaning.term.status === "retired" && " (since retired from the glossary)"}
                  </>
                ) : (
                  "a term no longer in the glossary"
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}
