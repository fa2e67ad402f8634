import { Alert, Button, Group, Text } from "@mantine/core";
import { IconCircleCheck, IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { ErrorState } from "../../../components/ui/page-error";
import { useVerifyAudit } from "../hooks/use-audit";

/** Re-computes the hash chain on demand and says whether it is intact, or where it breaks. */
export function VerifyChain() {
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <>
      <Group>
        <Button
          variant="default"
          leftSection={<IconShieldCheck size={16} aria-hidden="true" />}
          onClick={() => verify.mutate()}
          loading={verify.isPending}
        >
          Verify chain
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.isError && <ErrorState error={verify.error} title="The chain could not be verified" />}
        {result?.intact && (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck aria-hidden="true" />}
            title="Chain intact ✓"
            mt="md"
          >
            <Text size="sm">All {result.checked} events check out: none was changed, removed or reordered.</Text>
          </Alert>
        )}
        {result && !result.intact && (
          <Alert
            color="red"
            variant="light"
            icon={<IconShieldX aria-hidden="true" />}
            title={`Chain broken at event ${result.firstBrokenSeq}`}
            mt="md"
            role="alert"
          >
            <Text size="sm">
              {result.reason ?? "An event does not match its hash."} {result.checked} events were checked. Events from
              this one on cannot be trusted; restore from a backup and investigate.
            </Text>
          </Alert>
        )}
      </div>
    </>
  );
}
