import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { HomeSummary } from "#contracts/home";
import { formatMoney, formatMoneyList } from "../../../lib/money";
import { PartnershipTile } from "../../health/components/partnership-tile";
import { HomeTile } from "./home-tile";
import { HrefLink } from "./href-link";
import { ServiceLevelTrend } from "./service-level-trend";

const share = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

/** What waits on the signed-in person: their requests, KPIs to check in and experiments to decide. */
export function WaitingOnMe({ home }: { home: HomeSummary }) {
  const { mine } = home;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing={{ base: "sm", sm: "lg" }}>
      <HomeTile
        title="Requests waiting on me"
        href="/pipeline/my-work"
        linkLabel="My work"
        list={mine.requests}
        emptyText="No request waits on you."
      />
      <HomeTile
        title="My KPIs to check in"
        href="/scorecard"
        linkLabel="Scorecard"
        list={mine.kpisToCheckIn}
        emptyText="Your KPIs are measured and on track."
      />
      <HomeTile
        title="My experiments to decide"
        href="/experiments"
        linkLabel="Experiments"
        list={mine.experimentsToDecide}
        emptyText="None of your experiments waits for a decision."
      />
      <HomeTile
        title="Reviews waiting on me"
        href="/guardrails/reviews"
        linkLabel="Reviews"
        list={mine.reviews}
        emptyText="No purchase waits on your team's review."
      />
    </SimpleGrid>
  );
}

/** The shared picture: service levels, decisions, value, renewals, shadow IT, compliance and the Scorecard. */
export function SharedPicture({ home }: { home: HomeSummary }) {
  const sla = home.serviceLevels;
  return (
    <Stack gap="lg">
      {home.partnership && <PartnershipTile glance={home.partnership} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={{ base: "sm", sm: "lg" }}>
        <HomeTile
          title="Service levels"
          href="/service-levels"
          linkLabel="Service levels"
          figure={sla ? `${share(sla.decision.share)} decided within target` : "—"}
        >
          {sla && (
            <>
              <Text size="xs" c="dimmed" mb="xs">
                Last 12 months: {sla.decision.met} of {sla.decision.total} decisions and {sla.delivery.met} of{" "}
                {sla.delivery.total} deliveries ({share(sla.delivery.share)}) within target.
              </Text>
              <ServiceLevelTrend trend={sla.trend} goal={sla.goal} />
            </>
          )}
        </HomeTile>
        <HomeTile
          title="Shared objectives"
          href="/scorecard"
          linkLabel="Scorecard"
          list={home.scorecard.offTrack}
          emptyText="No KPI is off track."
        >
          {home.scorecard.objectives.length === 0 ? (
            <Text size="sm" c="dimmed" mb="xs">
              No objective covers today yet.
            </Text>
          ) : (
            <Stack gap={4} mb="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
              {home.scorecard.objectives.map((objective) => (
                <Group key={objective.id} component="li" gap={6} wrap="nowrap">
                  <HrefLink href={objective.url} size="sm" lineClamp={1}>
                    {objective.title}
                  </HrefLink>
                  {!objective.shared && (
                    <Badge size="xs" color="yellow" variant="light" tt="none">
                      not shared
                    </Badge>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          <Text size="sm" fw={600} mt="sm">
            Off track ({home.scorecard.offTrack.count}) · at risk ({home.scorecard.atRisk.count})
          </Text>
        </HomeTile>
      </SimpleGrid>

      <Card component="section" aria-label="Which half of the spend works">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            Spend and attributed return
          </Title>
          {home.whichHalf && (
            <Text size="sm" c="dimmed">
              {formatMoney(home.whichHalf.totalSpend, home.whichHalf.currency)} spent ·{" "}
              {formatMoney(home.whichHalf.totalValue, home.whichHalf.currency)} attributed
            </Text>
          )}
        </Group>
        {home.whichHalf ? (
          <HrefLink href={home.whichHalf.url} size="sm" mt={4} display="block">
            {home.whichHalf.headline}
          </HrefLink>
        ) : (
          <Text size="sm" c="dimmed" mt={4}>
            No attribution run yet.{" "}
            <HrefLink href="/value/runs" size="sm" underline="always">
              Run one
            </HrefLink>{" "}
            to see which half of the spend works.
          </Text>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={{ base: "sm", sm: "lg" }}>
        <HomeTile
          title="Waiting on a decision"
          href="/pipeline/board"
          linkLabel="Board"
          list={home.awaitingDecision}
          emptyText="No request waits on a decision."
        />
        <HomeTile
          title="Past a service-level target"
          href="/pipeline?breached=true&stage=in_flight"
          linkLabel="Breaching requests"
          list={home.breaching}
          emptyText="No open request is past its target."
        />
        <HomeTile
          title="Experiments ready to decide"
          href="/experiments?status=stopped"
          linkLabel="Stopped experiments"
          list={home.experimentsToDecide}
          emptyText="No stopped experiment waits for a decision."
        />
        <HomeTile
          title="Renewals in the next 90 days"
          href="/stack/renewals"
          linkLabel="Renewals"
          figure={formatMoneyList(home.renewals.atStake)}
          list={home.renewals.list}
          emptyText="No cancel-by date in the next 90 days."
        />
        <HomeTile
          title="Shadow IT found"
          href="/stack/discovery"
          linkLabel="Shadow IT"
          figure={`${formatMoneyList(home.shadowIt.yearlySpend)} a year`}
        >
          <Text size="sm" c="dimmed">
            {home.shadowIt.candidates} {home.shadowIt.candidates === 1 ? "tool" : "tools"} paid for outside the catalog.
          </Text>
        </HomeTile>
        <HomeTile
          title="Compliance gaps"
          href="/stack/compliance"
          linkLabel="Compliance"
          figure={`${home.compliance.withGaps} of ${home.compliance.tools} tools`}
          list={home.compliance.list}
          emptyText="Every live tool is compliant."
        />
      </SimpleGrid>
    </Stack>
  );
}
