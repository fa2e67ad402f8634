import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { OwnerCostTable, SpendChart } from "../features/stack/components/spend-chart";
import { StackNav } from "../features/stack/components/stack-nav";
import { TimeMatrix } from "../features/stack/components/time-matrix";
import { useAllTools } from "../features/stack/hooks/use-stack";

/** Numbers people compare: spend by category and the TIME portfolio matrix. */
export function StackChartsPage() {
  const tools = useAllTools();
  return (
    <>
      <PageHeader
        title="Spend and fit"
        description="Where the money goes, and which tools to invest in, tolerate, migrate or eliminate."
      />
      <StackNav />
      {tools.isPending ? (
        <PageLoader label="Loading the portfolio…" />
      ) : tools.isError ? (
        <ErrorState error={tools.error} onRetry={() => tools.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Card>
            <Title order={2} size="h4" mb="md">
              Spend by category
            </Title>
            <SpendChart tools={tools.data} />
          </Card>
          <Card>
            <Title order={2} size="h4" mb={4}>
              TIME portfolio matrix
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              One dot per tool scored by both sides. Click a dot to open the tool.
            </Text>
            <TimeMatrix tools={tools.data} />
          </Card>
          <Card>
            <Title order={2} size="h4" mb="md">
              Cost per owner
            </Title>
            <OwnerCostTable tools={tools.data} />
          </Card>
        </SimpleGrid>
      )}
    </>
  );
}
