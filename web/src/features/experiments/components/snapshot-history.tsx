import { Card, Table, Title } from "@mantine/core";
import { ErrorState } from "../../../components/ui/page-error";
import { PageLoader } from "../../../components/ui/page-loader";
import { formatDateTime } from "../../../lib/format";
import { useSnapshots } from "../hooks/use-experiments";

/** Every result snapshot of an experiment: when, by whom, from where, how many units. */
export function SnapshotHistory({ id }: { id: string }) {
  const snapshots = useSnapshots(id);
  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Result history
      </Title>
      {snapshots.isPending ? (
        <PageLoader label="Loading the history…" />
      ) : snapshots.isError ? (
        <ErrorState error={snapshots.error} onRetry={() => snapshots.refetch()} />
      ) : (
        <div className="table-scroll">
          <Table fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Entered</Table.Th>
                <Table.Th scope="col">By</Table.Th>
                <Table.Th scope="col">From</Table.Th>
                <Table.Th scope="col" ta="right">
                  Units
                </Table.Th>
                <Table.Th scope="col">Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.data.items.map((snapshot) => (
                <Table.Tr key={snapshot.id}>
                  <Table.Td>{formatDateTime(snapshot.enteredAt)}</Table.Td>
                  <Table.Td>{snapshot.enteredBy?.name ?? "—"}</Table.Td>
                  <Table.Td>{snapshot.source.toUpperCase()}</Table.Td>
                  <Table.Td ta="right">{snapshot.totalUnits.toLocaleString("en-US")}</Table.Td>
                  <Table.Td>{snapshot.note || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
