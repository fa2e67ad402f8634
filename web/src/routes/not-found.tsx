import { Text } from "@mantine/core";
import { AnchorLink } from "../components/ui/links";
import { AuthLayout } from "../features/auth/components/auth-layout";

/** Any address the app does not know. */
export function NotFoundPage() {
  return (
    <AuthLayout title="Page not found">
      <Text size="sm">There is no page at this address. It may have moved, or the link may be mistyped.</Text>
      <Text size="sm" mt="md">
        <AnchorLink to="/">Go to your workspace</AnchorLink>
      </Text>
    </AuthLayout>
  );
}
