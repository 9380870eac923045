// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { enhanceQuickExit, SHIFT_PRESSES, SHIFT_WINDOW_MS } from "~/components/site/quick-exit.module";

/**
 * The quick exit's page module on the link as the server renders it: it
 * leaves with location.replace (so Back does not return) and blanks the page.
 */
const EXIT = "https://www.example.org/search?q=weather";
let undo: () => void = () => {};
let replace: ReturnType<typeof vi.fn<(url: string | URL) => void>>;

beforeEach(() => {
  document.body.innerHTML = `<header><a href="${EXIT}" data-quick-exit>Exit this page</a></header><main><p>Page</p></main>`;
  document.body.style.visibility = "";
  document.title = "Campaign";
  replace = vi.fn<(url: string | URL) => void>();
  vi.spyOn(window.location, "replace").mockImplementation(replace);
  undo = enhanceQuickExit(document);
});

afterEach(() => {
  undo();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const shift = () => document.dispatchEvent(new KeyboardEvent("keydown", { key: "Shift", bubbles: true }));

describe("the quick exit's page module", () => {
  it("replaces the page with the exit address when the link is pressed, and hides the page first", () => {
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    document.querySelector("a")?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(replace).toHaveBeenCalledWith(EXIT);
    expect([document.body.style.visibility, document.title]).toEqual(["hidden", "Loading"]);
  });

  it(`leaves after Shift pressed ${SHIFT_PRESSES} times within ${SHIFT_WINDOW_MS} ms, not after slower presses`, () => {
    vi.useFakeTimers();
    shift();
    vi.advanceTimersByTime(SHIFT_WINDOW_MS + 1);
    shift();
    vi.advanceTimersByTime(SHIFT_WINDOW_MS + 1);
    shift();
    expect(replace).not.toHaveBeenCalled();
    shift();
    shift();
    expect(replace).toHaveBeenCalledWith(EXIT);
  });

  it("does nothing on a page without the link", () => {
    undo();
    document.body.innerHTML = "<main>Staff</main>";
    undo = enhanceQuickExit(document);
    for (let i = 0; i < SHIFT_PRESSES; i++) shift();
    expect(replace).not.toHaveBeenCalled();
  });
});
