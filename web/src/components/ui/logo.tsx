import { Group, Text } from "@mantine/core";

/** Two rings that overlap: marketing and IT, working as one. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="16" r="8" fill="none" stroke="var(--mantine-color-violet-6)" strokeWidth="3.5" />
      <circle cx="20" cy="16" r="8" fill="none" stroke="var(--mantine-color-cyan-7)" strokeWidth="3.5" />
    </svg>
  );
}

/** The Tandem mark and name; `wordmarkFrom` hides the name on screens narrower than that breakpoint. */
export function Logo({ size = 28, wordmarkFrom }: { size?: number; wordmarkFrom?: "xs" | "sm" }) {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark size={size} />
      <Text
        component="span"
        fw={700}
        fz={size * 0.68}
        lh={1}
        style={{ letterSpacing: "-0.01em" }}
        visibleFrom={wordmarkFrom}
      >
        Tandem
      </Text>
    </Group>
  );
}
