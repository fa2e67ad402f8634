import { AuthLayout } from "../features/auth/components/auth-layout";
import { SetupForm } from "../features/auth/components/setup-form";

/** First visit to a new installation: create the workspace and its first admin. */
export function SetupPage() {
  return (
    <AuthLayout
      title="Set up Tandem"
      description="Create your workspace and the first admin account. You can invite marketing and IT colleagues next."
      footer="Marketing, IT, Security, Legal and Finance teams are created with the workspace."
    >
      <SetupForm />
    </AuthLayout>
  );
}
