// bench/dashboard.sh's latency figure: from a CLI change (its run's RUN_FINISHED in the journal) to the dashboard's
// catalog row showing it in a real headless Chromium. Prints one latency in ms per line.
// Usage: node dashboard-latency.mjs BASE_URL LINK_TOKEN CHROMIUM JOURNAL_DIR N -- CLI_COMMAND... (gets enable|disable APP)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const argv = process.argv.slice(2);
const [base, token, executablePath, journalDir, n] = argv;
const cli = argv.slice(argv.indexOf('--') + 1);
const APP = 'qdrant';

/** The time the newest run of `operation` finished, from the journal the CLI wrote. */
function finishedAt(operation) {
  const files = readdirSync(journalDir).filter((f) => /^activity.*\.jsonl$/.test(f)).sort();
  const lines = readFileSync(`${journalDir}/${files[files.length - 1]}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const started = lines.filter((l) => l.event.type === 'RUN_STARTED' && l.event.input?.forwardedProps?.operation === operation).pop();
  const done = lines.find((l) => l.runId === started.runId && l.event.type === 'RUN_FINISHED');
  return Date.parse(done.time);
}

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(`${base}/login?token=${token}`);
  await page.goto(`${base}/catalog`);
  await page.waitForFunction(() => document.querySelector('#live')?.textContent === 'live');
  for (let i = 0; i < Number(n); i++) {
    const enable = (await page.textContent(`tr[data-app="${APP}"] .status`)).trim() === 'off';
    const want = enable ? 'enabled' : 'off';
    // The page notes when the row changes; the CLI runs in its own process, as a user's would.
    await page.evaluate(([app, want]) => {
      window.__shown = null;
      const observer = new MutationObserver(() => {
        if (document.querySelector(`tr[data-app="${app}"] .status`)?.textContent.trim() === want) {
          window.__shown = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, [APP, want]);
    execFileSync(cli[0], [...cli.slice(1), 'app', enable ? 'enable' : 'disable', APP, '--no-wait'], { stdio: 'ignore' });
    await page.waitForFunction(() => window.__shown !== null, null, { timeout: 30_000 });
    const shown = await page.evaluate(() => window.__shown);
    console.log(shown - finishedAt(enable ? 'catalog_enable' : 'catalog_disable'));
  }
} finally {
  await browser.close();
}
