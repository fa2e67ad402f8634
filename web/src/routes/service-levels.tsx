import { Card, Group, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from "@mantine/core";
import { IconClockHour4 } from "@tabler/icons-react";
import { useState } from "react";
import type { RequestType } from "#contracts/pipeline";
import { ListSection } from "../components/ui/list-page";
import { PageHeader } from "../components/ui/page-header";
import { useIsAdmin } from "../features/auth/hooks/use-me";
import { Calendars } from "../features/pipeline/components/sla-calendars";
import { SlaGoal } from "../features/pipeline/components/sla-goal";
import { SlaByClassChart, SlaFigures, SlaTrendChart } from "../features/pipeline/components/sla-report";
import { SlaPolicies } from "../features/pipeline/components/sla-settings";
import { useSlaReport } from "../features/pipeline/hooks/use-pipeline";
import { typeOptions } from "../features/pipeline/labels";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** IT's responsiveness as numbers both sides accept: the SLA dashboard, the targets and the calendars. */
export function ServiceLevelsPage() {
  const isAdmin = useIsAdmin();
  const [tab, setTab] = useState<string | null>("dashboard");
  return (
    <>
      <PageHeader
        title="Service levels"
        description="How quickly IT answers marketing: first response, decision and delivery against targets per class, in business time."
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="dashboard">Dashboard</Tabs.Tab>
          <Tabs.Tab value="targets">Targets and calendars</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard">
          <Dashboard />
        </Tabs.Panel>
        <Tabs.Panel value="targets">
          <Stack gap="lg">
            <SlaGoal isAdmin={isAdmin} />
            <SlaPolicies isAdmin={isAdmin} />
            <Calendars isAdmin={isAdmin} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Dashboard() {
  const today = new Date();
  const [from, setFrom] = useState(isoDate(new Date(today.getTime() - 365 * 86_400_000)));
  const [to, setTo] = useState(isoDate(today));
  const [type, setType] = useState<RequestType | null>(null);
  const valid = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  const report = useSlaReport({
    from: valid(from) ? from : undefined,
    to: valid(to) ? to : undefined,
    type: type ?? undefined,
  });
  return (
    <Stack gap="lg">
      <Card>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label="From"
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            w={{ base: "calc(50% - 6px)", xs: 170 }}
          />
          <TextInput
            type="date"
            label="To"
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            w={{ base: "calc(50% - 6px)", xs: 170 }}
          />
          <Select
            label="Type"
            placeholder="Every type"
            data={typeOptions}
            value={type}
            onChange={(value) => setType(value as RequestType | null)}
            clearable
            w={{ base: "100%", xs: 220 }}
          />
        </Group>
      </Card>
      <ListSection
        withCard={false}
        query={report}
        loadingLabel="Loading the report…"
        isEmpty={report.data !== undefined && report.data.trend.length === 0 && report.data.open.total === 0}
        empty={{
          icon: IconClockHour4,
          title: "No requests in this period",
          description:
            "Once requests are submitted, their clocks show here: first response, decision and delivery against the targets.",
        }}
      >
        {report.data && (
          <Stack gap="lg">
            <SlaFigures report={report.data} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <SlaByClassChart report={report.data} />
              <SlaTrendChart report={report.data} />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {report.data.from} to {report.data.to} · requests submitted in the period; a share counts the clocks that
              have stopped.
            </Text>
          </Stack>
        )}
      </ListSection>
    </Stack>
  );
}
