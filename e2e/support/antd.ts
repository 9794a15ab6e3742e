import type { Page } from 'playwright-core';

/** Opens the antd Select marked `data-testid=testId` and clicks the option labelled `label`. */
export async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.getByTitle(label, { exact: true }).click();
  await dropdown.waitFor({ state: 'hidden' });
}

/** The text of the status line under a data-entry field, once it has left `saving`. */
export async function settledCellStatus(
  page: Page,
  cellTestId: string,
): Promise<{ status: string; text: string }> {
  const status = page.getByTestId(`${cellTestId}-status`);
  await page.waitForFunction((id) => {
    const kind = document.querySelector(`[data-testid="${id}-status"]`)?.getAttribute('data-status');
    return kind === 'saved' || kind === 'error';
  }, cellTestId);
  return {
    status: (await status.getAttribute('data-status')) ?? '',
    text: (await status.textContent()) ?? '',
  };
}
