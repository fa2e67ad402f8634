import { describe, expect, it } from "vitest";
import { focusFirstInvalid, hasNewErrors } from "./form";

// The part of the DOM the helper uses: fields in page order, each with a label, a focus and a scroll.
function field(label: string, log: string[]) {
  return {
    getAttribute: (name: string) => (name === "aria-label" ? label : null),
    labels: null,
    ownerDocument: { getElementById: () => null },
    scrollIntoView: (options: ScrollIntoViewOptions) => log.push(`scroll ${label} ${options.block}`),
    focus: (options: FocusOptions) => log.push(`focus ${label} preventScroll=${options.preventScroll}`),
  };
}

describe("forms that say what is wrong", () => {
  it("reacts to a failed submit, not to someone clearing an error by typing", () => {
    expect(hasNewErrors({}, { name: "Name is required" })).toBe(true);
    expect(hasNewErrors({ name: "x" }, { name: "x", subcategory: "y" })).toBe(true);
    expect(hasNewErrors({ name: "x", subcategory: "y" }, { subcategory: "y" })).toBe(false);
    expect(hasNewErrors({ name: "x" }, {})).toBe(false);
  });

  it("scrolls to the first invalid field in page order, focuses it, and names every invalid field", () => {
    const log: string[] = [];
    const fields = [field("Name", log), field("Subcategory", log), field("Name", log)];
    let asked = "";
    const form = {
      querySelectorAll: (selector: string) => {
        asked = selector;
        return fields;
      },
    } as unknown as ParentNode;
    expect(focusFirstInvalid(form)).toEqual(["Name", "Subcategory"]);
    expect(asked).toBe('[aria-invalid="true"]');
    expect(log).toEqual(["scroll Name center", "focus Name preventScroll=true"]);
  });

  it("does nothing when no field is invalid (the error is the whole form's)", () => {
    const form = { querySelectorAll: () => [] } as unknown as ParentNode;
    expect(focusFirstInvalid(form)).toEqual([]);
  });
});
