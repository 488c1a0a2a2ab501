// Whether text shows in the workbench or in any webview of it (webviews are nested frames that
// a locator of the main page does not see into). Used by the e2e runner and the sandbox check.
export async function textShown(page, text) {
  for (const frame of page.frames()) {
    const hits = frame.getByText(text, { exact: false });
    const n = await hits.count().catch(() => 0);
    for (let i = 0; i < n; i++) if (await hits.nth(i).isVisible().catch(() => false)) return true;
  }
  return false;
}
