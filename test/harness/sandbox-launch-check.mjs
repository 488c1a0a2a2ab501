// The sandbox check's Launch on ECS part: from the sample app's compose file to a live URL in the
// tree and back with Delete App, through the real workbench (keyboard and mouse), checked against
// moto through the SDK. Called by runSandboxCheck with its page and helpers.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { textShown } from './workbenchText.mjs';

const APP = 'sample-app';
const STACK = `ecs-deploy-${APP}-${APP}`;

export async function launchSteps({ page, step, shot, palette, quickInput, until, say, aws }) {
  const cfn = new CloudFormationClient(aws);
  const efs = new EFSClient(aws);
  const tree = page.locator('.pane-body .monaco-list-row');
  const stackStatus = async () => (await cfn.send(new DescribeStacksCommand({ StackName: STACK })).catch(() => ({ Stacks: [] }))).Stacks?.[0]?.StackStatus;
  const titled = (n) => quickInput.locator('.quick-input-title', { hasText: `Launch on ECS (${n}/6)` });
  const editorAction = (label) => page.locator(`.part.editor .editor-actions .action-label[aria-label="${label}"]`).first();
  let fileSystem;
  try {
    await step('Launch on ECS… from compose.yaml: six steps with their defaults, then the preview', async () => {
      // The workspace has one compose file: the command takes it without asking.
      await palette('ECS: Launch on ECS');
      for (let n = 1; n <= 6; n++) {
        await titled(n).waitFor({ state: 'visible', timeout: 30000 });
        if (n === 5) await shot('launch-steps');
        await page.keyboard.press('Enter');
        // Steps 4 and 6 ask a second question under the same number (health check path, task count).
        if (n === 4 || n === 6) {
          await page.waitForTimeout(400);
          await page.keyboard.press('Enter');
        }
      }
      await until('the preview shows the cost', () => textShown(page, 'Estimated monthly cost'), 120000);
      await shot('launch-preview');
      const status = await stackStatus();
      if (status && status !== 'REVIEW_IN_PROGRESS') throw new Error(`the stack is ${status} before Launch was clicked`);
      say(`check:   preview shown; stack ${STACK}: ${status ?? 'none'} (nothing created yet)`);
    });

    await step('Launch: progress, then the URL', async () => {
      await editorAction('Launch').click({ timeout: 10000 });
      // The notification while it works (moto creates the stack in a second: take it at once).
      await page.locator('.notification-list-item', { hasText: 'Launch sample-app on ECS' }).first().waitFor({ state: 'visible', timeout: 30000 });
      await page.screenshot({ path: 'test-results/sandbox-launch-progress.png' });
      await until('the stack is created', async () => (await stackStatus()) === 'CREATE_COMPLETE', 180000);
      const live = page.locator('.notification-list-item-message').filter({ hasText: /is live at http/ }).first();
      await live.waitFor({ timeout: 60000 });
      await shot('launch-outcome');
      say(`check:   ${(await live.textContent())?.trim()}`);
    });

    await step('The tree: the app with its load balancer (healthy target) and stack', async () => {
      await page.keyboard.press('Escape');
      // The ECS view may be showing already: clicking its icon again would hide the side bar.
      const ecsTitle = page.locator('.part.sidebar .composite.title', { hasText: 'ECS' }).first();
      if (!(await ecsTitle.isVisible().catch(() => false))) await page.locator('.activitybar .action-item a[aria-label^="ECS"]').first().click();
      await palette('ECS: Refresh');
      // A refresh may redraw the row under the click: click until it stays open.
      const expand = async (pattern) => {
        const row = tree.filter({ hasText: pattern }).first();
        await row.waitFor({ timeout: 30000 });
        for (let i = 0; i < 5 && (await row.getAttribute('aria-expanded')) !== 'true'; i++) {
          await row.click();
          await page.waitForTimeout(1000);
        }
      };
      await expand(/sample-app\s*\d+ services?/);
      await expand(/sample-app\s*\d+\/\d+/);
      // A click on the Load balancer row opens its URL: reach it with the keyboard and expand it with →.
      const lb = tree.filter({ hasText: /Load balancer/ }).first();
      await lb.waitFor({ timeout: 30000 });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await tree.filter({ hasText: 'healthy' }).first().waitFor({ timeout: 30000 });
      await tree.filter({ hasText: 'Stack' }).first().waitFor({ timeout: 30000 });
      await shot('launch-tree');
    });

    await step('Delete App…: the confirmation lists what goes and what stays; the data is kept', async () => {
      const resources = (await cfn.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks?.[0];
      if (!resources) throw new Error('no stack to delete');
      const service = tree.filter({ hasText: /sample-app\s*\d+\/\d+/ }).first();
      // Its context menu offers Delete App… (last, as destructive actions are); the palette runs it on the selected row.
      await service.click({ button: 'right' });
      await page.getByText('Delete App…').first().waitFor({ timeout: 10000 });
      await shot('delete-menu');
      await page.keyboard.press('Escape');
      await service.click();
      await palette('ECS: Delete App');
      // Asked only when the selection does not say which service.
      for (const [title, row] of [['Select Cluster', APP], [`Select Service in ${APP}`, APP]]) {
        const asked = await quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
        if (!asked) continue;
        await page.keyboard.type(row);
        await quickInput.locator('.monaco-list-row', { hasText: row }).first().waitFor({ timeout: 10000 });
        await page.keyboard.press('Enter');
      }
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.getByText('Kept:').waitFor({ timeout: 30000 });
      await shot('delete-confirm');
      const detail = (await dialog.textContent()) ?? '';
      fileSystem = /EFS file system (fs-[0-9a-f]+)/.exec(detail)?.[1];
      await dialog.getByRole('button', { name: 'Delete App…' }).click();
      await quickInput.waitFor({ state: 'visible', timeout: 10000 });
      await page.keyboard.type(APP);
      await page.keyboard.press('Enter');
      const done = page.locator('.notification-list-item-message').filter({ hasText: /was deleted\. Kept:/ }).first();
      await done.waitFor({ timeout: 120000 });
      await shot('delete-outcome');
      if (await stackStatus()) throw new Error(`the stack is still ${await stackStatus()}`);
      if (!fileSystem) throw new Error('the confirmation named no file system');
      const fsLeft = await efs.send(new DescribeFileSystemsCommand({ FileSystemId: fileSystem }));
      if (fsLeft.FileSystems?.length !== 1) throw new Error(`the data's file system ${fileSystem} is gone`);
      say(`check:   ${(await done.textContent())?.trim()}`);
    });
  } finally {
    cfn.destroy();
    efs.destroy();
  }
}
