import { Button, Divider, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { authApi } from "#contracts/api/auth";
import { call, keyOf } from "../../../lib/api";
import { useSignIn } from "../hooks/use-auth-actions";

/** Demo mode only: one button per demo account (CMO, CIO…) that signs in as that person. */
export function DemoSignIn({ redirectTo }: { redirectTo?: string }) {
  // Outside demo mode the list is empty: then there is nothing to offer.
  const accounts = useQuery({
    queryKey: keyOf(authApi.demoAccounts),
    queryFn: ({ signal }) => call(authApi.demoAccounts, {}, { signal, isAuthCall: true }),
    staleTime: Infinity,
  });
  const signIn = useSignIn(redirectTo);
  const items = accounts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" mt="lg" component="section" aria-label="Sign in as a demo person">
      <Divider label="Demo: sign in as" labelPosition="center" />
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
        {items.map((account) => (
          <Button
            key={account.email}
            variant="light"
            size="compact-sm"
            h="auto"
            py={6}
            loading={signIn.isPending && signIn.variables?.email === account.email}
            onClick={() => signIn.mutate({ email: account.email, password: account.password })}
            aria-label={`Sign in as ${account.name}, ${account.role}`}
          >
            <Stack gap={0} align="center">
              <Text size="sm" fw={600} inherit>
                {account.role}
              </Text>
              <Text size="xs" inherit opacity={0.8}>
                {account.name}
              </Text>
            </Stack>
          </Button>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" ta="center">
        Every demo account's password is {items[0].password}.
      </Text>
    </Stack>
  );
}
