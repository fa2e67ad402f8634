import { getRouteApi } from "@tanstack/react-router";
import { AuthLayout } from "../features/auth/components/auth-layout";
import { DemoSignIn } from "../features/auth/components/demo-sign-in";
import { SignInForm } from "../features/auth/components/sign-in-form";

const route = getRouteApi("/sign-in");

/** Email and password, then back to where the person was going. */
export function SignInPage() {
  const { redirect } = route.useSearch();
  return (
    <AuthLayout
      title="Sign in"
      description="Welcome back to your shared workspace."
      footer="No account yet? Ask an admin of your workspace for an invitation."
    >
      <SignInForm redirectTo={redirect} />
      <DemoSignIn redirectTo={redirect} />
    </AuthLayout>
  );
}
