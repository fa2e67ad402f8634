import { Alert, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AnchorLink } from "../components/ui/links";
import { describeError } from "../components/ui/page-error";
import { PageLoader } from "../components/ui/page-loader";
import { AuthLayout } from "../features/auth/components/auth-layout";
import { meQuery } from "../features/auth/hooks/use-me";
import { AcceptInvitationForm } from "../features/invitations/components/accept-invitation-form";
import { useInvitationPreview } from "../features/invitations/hooks/use-invitations";
import { isApiError } from "../lib/api";
import { formatDate } from "../lib/format";

/** The secret rides in the URL fragment (never sent to a server): `#token=…`. */
function readTokenFromHash(): string | null {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token");
  return token && token.length >= 20 ? token : null;
}

const signInLink = (
  <AnchorLink to="/sign-in" search={{ redirect: undefined }}>
    Go to sign-in
  </AnchorLink>
);

/** Opens an invitation link: who invites you where, then name and password. */
export function AcceptInvitePage() {
  const [token] = useState(readTokenFromHash);
  const preview = useInvitationPreview(token);
  const { data: me } = useQuery(meQuery);

  if (token === null) {
    return (
      <AuthLayout title="This invitation link is incomplete">
        <Text size="sm">
          The link should end with <code>#token=…</code>. Copy the whole link from the invitation, or ask an admin of
          your workspace for a new one.
        </Text>
        <Text size="sm" mt="md">
          {signInLink}
        </Text>
      </AuthLayout>
    );
  }

  if (preview.isPending) {
    return (
      <AuthLayout title="Opening your invitation">
        <PageLoader label="Checking the invitation…" />
      </AuthLayout>
    );
  }

  if (preview.isError) {
    const isGone = isApiError(preview.error, "gone");
    const isInvalid = isApiError(preview.error) && (preview.error.status === 404 || preview.error.status === 400);
    return (
      <AuthLayout title={isGone ? "This invitation can no longer be used" : "This invitation could not be opened"}>
        <Alert color={isGone ? "orange" : "red"} variant="light" role="alert">
          {isGone
            ? "It has expired or was already used. Invitations work once and for 7 days. Ask an admin of your workspace to send you a new one."
            : isInvalid
              ? "The link is not valid. Copy the whole link from the invitation, or ask an admin for a new one."
              : describeError(preview.error)}
        </Alert>
        <Text size="sm" mt="md">
          Already have an account? {signInLink}
        </Text>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  return (
    <AuthLayout
      title={`Join ${invitation.workspaceName}`}
      description={
        <>
          You are invited to the <strong>{invitation.teamName}</strong> team as{" "}
          {invitation.role === "admin" ? "an" : "a"} <strong>{invitation.role}</strong>. The invitation is valid until{" "}
          {formatDate(invitation.expiresAt)}.
        </>
      }
      footer="Tandem is the shared workspace where marketing and IT work as one."
    >
      {me && (
        <Alert color="indigo" variant="light" mb="md">
          You are signed in as {me.user.name}. Accepting signs you in with the new account instead.
        </Alert>
      )}
      <AcceptInvitationForm token={token} preview={invitation} />
    </AuthLayout>
  );
}
