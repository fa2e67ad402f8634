import type { CSSProperties, ReactNode } from "react";

/** A table's box that scrolls sideways (or down) and so takes keyboard focus, named for screen readers. */
export function ScrollRegion({
  label,
  style,
  children,
}: {
  label: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take keyboard focus
    <section className="table-scroll" tabIndex={0} aria-label={label} style={style}>
      {children}
    </section>
  );
}
