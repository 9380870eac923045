import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { browserForThisFile, newPage } from "./browser";

/**
 * "Exit this page" must be on screen wherever a visitor at risk has scrolled
 * (it used to scroll away with the header: 2,320 px above the screen after
 * 2,500 px on a phone), with JavaScript on or off, without covering what it
 * sits over, and with its Shift-three-times shortcut.
 */
const baseUrl = inject("baseUrl");
const browser = browserForThisFile();
const CAMPAIGN = `${baseUrl}/campaigns/end-sex-trafficking`;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

type Box = { top: number; bottom: number; left: number; right: number };

/** Where the exit link is, and whether a tap at its centre reaches it (nothing lies on top of it). */
async function exitOnScreen(page: Page): Promise<{ box: Box; reachable: boolean; viewport: { width: number; height: number } }> {
  return page.evaluate(() => {
    const link = document.querySelector<HTMLElement>("[data-quick-exit]");
    if (!link) throw new Error("no quick exit on the page");
    const rect = link.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return {
      box: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
      reachable: hit !== null && link.contains(hit),
      viewport: { width: window.innerWidth, height: window.innerHeight },
    };
  });
}

async function expectExitOnScreen(page: Page, where: string) {
  const { box, reachable, viewport } = await exitOnScreen(page);
  expect(box.top, `${where}: top`).toBeGreaterThanOrEqual(0);
  expect(box.bottom, `${where}: bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box.left, `${where}: left`).toBeGreaterThanOrEqual(0);
  expect(box.right, `${where}: right`).toBeLessThanOrEqual(viewport.width);
  expect(reachable, `${where}: nothing covers it`).toBe(true);
}

const scrollTo = (page: Page, y: number | "bottom") =>
  page.evaluate((target) => window.scrollTo(0, target === "bottom" ? document.documentElement.scrollHeight : target), y);

/** Scrolled as far as the page goes (a long way on a phone: the campaign page is about 4,800 px tall there). */
const atTheBottom = (page: Page) =>
  page.evaluate(() => window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);

async function expectToLeave(page: Page) {
  await page.waitForURL((url) => !url.href.startsWith(baseUrl));
  expect(await page.title()).toBe("Outside");
}

describe("the quick exit while the page scrolls", () => {
  for (const [device, viewport] of [
    ["a 360 px phone", PHONE],
    ["a desktop", DESKTOP],
  ] as const) {
    it(`stays on screen on ${device} wherever the visitor has scrolled, and leaves from the bottom of the page`, async () => {
      const page = await newPage(browser(), { viewport });
      await page.goto(`${baseUrl}/`);
      await page.goto(CAMPAIGN);
      for (const y of [0, 800, 2_500] as const) {
        await scrollTo(page, y);
        await expectExitOnScreen(page, `scrolled to ${y}`);
      }
      await scrollTo(page, "bottom");
      expect(await atTheBottom(page)).toBe(true);
      await expectExitOnScreen(page, "at the bottom");

      await page.getByRole("link", { name: "Exit this page" }).click();
      await expectToLeave(page);
      // The page it left was replaced in history: Back does not return to it.
      await page.goBack();
      expect(page.url()).toBe(`${baseUrl}/`);
      await page.context().close();
    });
  }

  it("stays on screen with JavaScript off, and the plain link leaves from the bottom of the page", async () => {
    const page = await newPage(browser(), { viewport: PHONE, javaScriptEnabled: false });
    await page.goto(CAMPAIGN);
    // Scrolled by the keyboard, as a visitor would; the page runs no script of its own.
    await page.keyboard.press("End");
    await expect.poll(() => atTheBottom(page)).toBe(true);
    await expectExitOnScreen(page, "JavaScript off, at the bottom");
    await page.getByRole("link", { name: "Exit this page" }).click();
    await expectToLeave(page);
    await page.context().close();
  });

  it("keeps its keyboard shortcut: Shift three times at the bottom of the page leaves", async () => {
    const page = await newPage(browser(), { viewport: PHONE });
    await page.goto(CAMPAIGN);
    // The listener is attached by the quick-exit page module.
    await page.waitForLoadState("networkidle");
    await scrollTo(page, "bottom");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await expectToLeave(page);
    await page.context().close();
  });
});

describe("the sticky header with the quick exit", () => {
  it("covers nothing when the page is at the top: it has its own place between the hotline and the page", async () => {
    const page = await newPage(browser(), { viewport: PHONE });
    await page.goto(CAMPAIGN);
    const boxes = await page.evaluate(() => {
      const rect = (selector: string) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        if (!r) throw new Error(`${selector} is missing`);
        return { top: r.top, bottom: r.bottom };
      };
      return {
        hotline: rect("aside[aria-label='Help is available']"),
        header: rect("[data-site-header]"),
        main: rect("main"),
        exit: rect("[data-quick-exit]"),
      };
    });
    expect(boxes.header.top).toBeGreaterThanOrEqual(boxes.hotline.bottom);
    expect(boxes.main.top).toBeGreaterThanOrEqual(boxes.header.bottom);
    expect(boxes.exit.top).toBeGreaterThanOrEqual(boxes.header.top);
    expect(boxes.exit.bottom).toBeLessThanOrEqual(boxes.header.bottom);
    await page.context().close();
  });

  it("never hides what a link or the keyboard brings into view: #give and every focused field stop below it", async () => {
    const page = await newPage(browser(), { viewport: PHONE });
    await page.goto(CAMPAIGN);
    await page.waitForLoadState("networkidle");
    const headerBottom = async () =>
      page.evaluate(() => document.querySelector("[data-site-header]")?.getBoundingClientRect().bottom ?? Number.NaN);

    await page.getByRole("link", { name: "Give now" }).click();
    await page.waitForFunction(() => window.scrollY > 0);
    const giveTop = await page
      .getByRole("heading", { name: "Give to this campaign" })
      .evaluate((heading) => heading.getBoundingClientRect().top);
    expect(giveTop).toBeGreaterThanOrEqual(await headerBottom());

    // Tab from the form down to the page's end: each focused control starts below the header, on screen.
    await page.getByRole("heading", { name: "Give to this campaign" }).click();
    let checked = 0;
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        // The page's own content; the skip link and the header come round again after the footer.
        if (!element?.closest("main")) return null;
        const rect = element.getBoundingClientRect();
        return { label: element.outerHTML.slice(0, 80), top: rect.top, height: window.innerHeight };
      });
      if (!focused) continue;
      checked++;
      expect(focused.top, focused.label).toBeGreaterThanOrEqual(await headerBottom());
      expect(focused.top, focused.label).toBeLessThan(focused.height);
    }
    expect(checked).toBeGreaterThan(10);
    await page.context().close();
  });
});
