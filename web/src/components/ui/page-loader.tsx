import { Center, Loader } from "@mantine/core";

/** The spinner shown while a page's code or first data is loading. */
export function PageLoader({ label = "Loading…" }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </Center>
  );
}
