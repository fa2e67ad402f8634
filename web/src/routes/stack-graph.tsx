import { Card, List, SimpleGrid, Text, Title } from "@mantine/core";
import { IconTopologyStar3 } from "@tabler/icons-react";
import { useMemo } from "react";
import { EmptyState } from "../components/ui/empty-state";
import { AnchorLink } from "../components/ui/links";
import { ErrorState } from "../components/ui/page-error";
import { PageHeader } from "../components/ui/page-header";
import { PageLoader } from "../components/ui/page-loader";
import { StackGraph } from "../features/stack/components/stack-graph";
import { StackNav } from "../features/stack/components/stack-nav";
import { flagTools } from "../features/stack/graph-model";
import { useStackGraph } from "../features/stack/hooks/use-stack";

/** How data flows between the tools: the integrations graph, with what needs attention listed beside it. */
export function StackGraphPage() {
  const graph = useStackGraph();
  const flagged = useMemo(
    () => (graph.data ? [...flagTools(graph.data.tools, graph.data.integrations).values()] : []),
    [graph.data],
  );
  const atRisk = flagged.filter((entry) => entry.isAtRisk);
  const islands = flagged.filter((entry) => entry.isIsland);

  return (
    <>
      <PageHeader
        title="Integrations"
        description="How data flows between the tools, by category. Click a tool to see its integrations and open it; switch on “Highlight personal data” to see where customer data goes."
      />
      <StackNav />
      {graph.isPending ? (
        <PageLoader label="Loading the graph…" />
      ) : graph.isError ? (
        <ErrorState
          error={graph.error}
          onRetry={() => {
            void graph.refetch();
          }}
        />
      ) : graph.data.tools.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconTopologyStar3}
            title="No tools to draw yet"
            description="Add tools to the catalog and connect them on their pages; the graph draws itself."
          />
        </Card>
      ) : (
        <>
          <StackGraph tools={graph.data.tools} integrations={graph.data.integrations} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="lg">
            <Card>
              <Title order={2} size="h4" mb="xs">
                Receiving personal data while not compliant
              </Title>
              {atRisk.length === 0 ? (
                <Text size="sm" c="dimmed">
                  None: every tool that receives personal data from a sanctioned tool is compliant.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {atRisk.map(({ tool }) => (
                    <List.Item key={tool.id}>
                      <AnchorLink to="/stack/tools/$id" params={{ id: tool.id }}>
                        {tool.name}
                      </AnchorLink>{" "}
                      — {tool.compliance.gaps.map((gap) => gap.message).join("; ") || "see its page"}
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
            <Card>
              <Title order={2} size="h4" mb="xs">
                Islands: tools with no integration
              </Title>
              {islands.length === 0 ? (
                <Text size="sm" c="dimmed">
                  None: every tool exchanges data with another.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {islands.map(({ tool }) => (
                    <List.Item key={tool.id}>
                      <AnchorLink to="/stack/tools/$id" params={{ id: tool.id }}>
                        {tool.name}
                      </AnchorLink>
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          </SimpleGrid>
        </>
      )}
    </>
  );
}
