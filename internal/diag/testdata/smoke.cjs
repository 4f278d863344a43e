// Recorded testdata/runtime/browser.txt: node smoke.cjs /client /boom against `next start -p 3517`.
// Needs playwright-core and a chromium at /usr/bin/chromium.
// Loads each path and prints browser problems one per line:
//   console.error: <text> (<url>:<line>:<col>)
//   pageerror: <stack>
const { chromium } = require("playwright-core");
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() !== "error" && m.type() !== "warning") return;
    const l = m.location();
    const where = l.url ? ` (${l.url}:${l.lineNumber + 1}:${l.columnNumber + 1})` : "";
    console.log(`console.${m.type() === "warning" ? "warn" : "error"}: ${m.text()}${where}`);
  });
  page.on("pageerror", (e) => console.log(`pageerror: ${e.stack || e.message}`));
  for (const p of process.argv.slice(2)) {
    const res = await page.goto("http://127.0.0.1:3517" + p, { waitUntil: "load" });
    console.log(`goto ${p}: ${res ? res.status() : "no response"}`);
    await page.waitForTimeout(300);
  }
  await browser.close();
})();
