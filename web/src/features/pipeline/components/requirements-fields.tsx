import { Card, MultiSelect, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { PipelineLimits } from "#contracts/pipeline";
import { dataClassOptions } from "../../stack/labels";

/** The request template's parts as forms and pages name them: the business view, then the technical view. */
export const requirementLabels = {
  outcome: "The outcome you want",
  beneficiaries: "Who benefits: its users",
  successMeasure: "How success is measured",
  systems: "Systems it touches",
  dataClasses: "Data involved",
  dataNeeds: "Data it needs",
  securityNotes: "Security needs",
  nonFunctionalNeeds: "Non-functional needs",
} as const;

/** What each part asks for, in words both sides read the same way. */
export const requirementHints = {
  outcome: "What is true afterwards, for customers or the business",
  beneficiaries: "The people or customers who use it or gain from it",
  successMeasure: "A figure, a KPI or an event that says it worked, and by when",
  systems: "The tools, sites and platforms involved, and what must connect",
  dataClasses: "IT and security look at this first",
  dataNeeds: "Sources, fields, volumes and how fresh they must be",
  securityNotes: "Who may see or change what; sign-in, consent, suppliers' access",
  nonFunctionalNeeds: "Speed, availability, scale, accessibility, languages, retention",
} as const;

type RequirementField = keyof typeof requirementLabels;

// As the contract limits each field.
const maxLengths: Record<Exclude<RequirementField, "dataClasses">, number> = {
  outcome: PipelineLimits.textMax,
  beneficiaries: 2000,
  successMeasure: PipelineLimits.requirementMax,
  systems: PipelineLimits.requirementMax,
  dataNeeds: PipelineLimits.requirementMax,
  securityNotes: PipelineLimits.textMax,
  nonFunctionalNeeds: PipelineLimits.requirementMax,
};
type InputProps = (field: RequirementField) => GetInputPropsReturnType;

function View({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h5">
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/**
 * The request template: the business view (outcome, users, success measure) beside the technical view (systems,
 * data, security, non-functional needs), so both sides write and read one page.
 */
export function RequirementsFields({ inputProps }: { inputProps: InputProps }) {
  const area = (field: Exclude<RequirementField, "dataClasses">, minRows = 2) => (
    <Textarea
      label={requirementLabels[field]}
      description={requirementHints[field]}
      autosize
      minRows={minRows}
      maxLength={maxLengths[field]}
      {...inputProps(field)}
    />
  );
  return (
    <Card component="section" aria-labelledby="requirements-heading">
      <Title order={2} size="h4" id="requirements-heading">
        Requirements both sides can read
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        The business view beside the technical view: write what you know, IT completes the rest while planning.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <View title="Business view" description="What it is for and how we will know it worked">
          {area("outcome")}
          {area("beneficiaries")}
          {area("successMeasure")}
        </View>
        <View title="Technical view" description="What it takes to build and run it safely">
          {area("systems")}
          <MultiSelect
            label={requirementLabels.dataClasses}
            description={requirementHints.dataClasses}
            placeholder="Pick the data classes"
            data={dataClassOptions}
            {...inputProps("dataClasses")}
          />
          {area("dataNeeds")}
          {area("securityNotes")}
          {area("nonFunctionalNeeds")}
        </View>
      </SimpleGrid>
    </Card>
  );
}
