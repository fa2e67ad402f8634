import { Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import type { PipelineRequest } from "#contracts/pipeline";
import { Fact } from "../../../components/ui/fact";
import { AnchorLink } from "../../../components/ui/links";
import { formatDateTime } from "../../../lib/format";
import { formatMoney } from "../../../lib/money";
import { GlossaryText } from "../../glossary/components/glossary-text";
import { RequestKpisPanel } from "../../scorecard/components/request-kpis";
import { outcomeMeta } from "../labels";

function Prose({ label, text, meanings }: { label: string; text: string; meanings?: PipelineRequest["termMeanings"] }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {text ? (
        <GlossaryText size="sm" text={text} meanings={meanings} />
      ) : (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </div>
  );
}

/** The decision taken on a request: its outcome, reason, alternatives, and the appeal or acceptance after it. */
export function DecisionCard({ decision }: { decision: NonNullable<PipelineRequest["decision"]> }) {
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Decision
        </Title>
        <Badge color={outcomeMeta[decision.outcome].color} tt="none">
          {outcomeMeta[decision.outcome].label}
        </Badge>
      </Group>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {decision.reason}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {decision.decidedBy?.name ?? "—"} · {formatDateTime(decision.decidedAt)}
      </Text>
      {decision.alternatives.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm">
            Alternatives
          </Text>
          <List size="sm">
            {decision.alternatives.map((alternative, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: read-only list without ids; two alternatives may share a text
              <List.Item key={`${alternative.text}-${index}`}>
                {alternative.text}
                {alternative.tool && (
                  <>
                    {alternative.text ? " — " : ""}
                    <AnchorLink to="/stack/tools/$id" params={{ id: alternative.tool.id }}>
                      {alternative.tool.name}
                    </AnchorLink>{" "}
                    (already in the Stack)
                  </>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {decision.appealedAt && (
        <Text size="sm" mt="sm">
          Appealed {formatDateTime(decision.appealedAt)}: “{decision.appealComment}”
        </Text>
      )}
      {decision.alternativeAcceptedAt && (
        <Text size="sm" mt="sm">
          Alternative accepted {formatDateTime(decision.alternativeAcceptedAt)}
        </Text>
      )}
    </Card>
  );
}

/** The request's case: the problem, its objectives and KPIs, the deadline, sponsor and team. */
export function CaseCard({ request, canWrite }: { request: PipelineRequest; canWrite: boolean }) {
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        The case
      </Title>
      <Stack gap="sm">
        <Prose label="The problem" text={request.problem} meanings={request.termMeanings} />
        <Prose label="Objectives and KPIs" text={request.objectives} meanings={request.termMeanings} />
        <RequestKpisPanel requestId={request.id} canWrite={canWrite} />
        <Fact label="Deadline">
          {request.deadline ?? "—"}
          {request.deadlineReason ? ` — ${request.deadlineReason}` : ""}
        </Fact>
        <Fact label="Sponsor">{request.sponsor?.name ?? "—"}</Fact>
        <Fact label="Team">{request.team?.name ?? "—"}</Fact>
      </Stack>
    </Card>
  );
}

/** What the request is expected to bring, and what its value review found. */
export function ValueCard({ request }: { request: PipelineRequest }) {
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Value
      </Title>
      <Stack gap={8}>
        <Fact label="Expected benefit">{formatMoney(request.expectedBenefit, request.currency)}</Fact>
        <Fact label="Soft benefit">
          {request.softHours !== null && request.hourlyRate !== null
            ? `${request.softHours} h × ${formatMoney(request.hourlyRate, request.currency)}`
            : "—"}
        </Fact>
        <Fact label="Total expected">
          <Text fw={700} size="sm">
            {formatMoney(request.totalExpectedBenefit, request.currency)}
          </Text>
        </Fact>
        <Fact label="Cost estimate">{formatMoney(request.costEstimate, request.currency)}</Fact>
        <Fact label="Confidence">{request.confidence === null ? "—" : `${request.confidence}%`}</Fact>
        <Fact label="Review due">{request.review.dueOn ?? "After delivery"}</Fact>
        <Fact label="Realised benefit">
          <Text fw={700} size="sm">
            {formatMoney(request.review.realisedBenefit, request.currency)}
          </Text>
        </Fact>
        {request.review.realisedBenefit !== null && request.totalExpectedBenefit !== null && (
          <Fact label="Realised vs expected">
            {Math.round((Number(request.review.realisedBenefit) / Number(request.totalExpectedBenefit)) * 100)}%
          </Fact>
        )}
        {request.review.notes && <Prose label="Review notes" text={request.review.notes} />}
      </Stack>
    </Card>
  );
}
