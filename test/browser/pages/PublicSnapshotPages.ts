import type { Locator, Page } from 'playwright-core';

/** The console's public snapshots screen (admins): the form, the preview, the list of snapshots published. */
export class PublicSnapshotsScreen {
  constructor(private readonly page: Page) {}

  async setPeriod(firstDay: string, lastDay: string): Promise<void> {
    await this.page.getByTestId('snapshot-first-day').fill(firstDay);
    await this.page.getByTestId('snapshot-last-day').fill(lastDay);
  }

  async preview(): Promise<void> {
    await this.page.getByTestId('snapshot-preview-button').click();
    await this.page.getByTestId('snapshot-preview').waitFor();
  }

  /** The preview's cell of a platform ('*' for the totals) and figure. */
  cell(platform: string, metric: string): Locator {
    return this.page.locator(`[data-testid="snapshot-preview-row"][data-platform="${platform}"] td[data-metric="${metric}"]`);
  }

  publishButton(): Locator {
    return this.page.getByTestId('snapshot-publish-button');
  }

  async publish(): Promise<void> {
    await this.publishButton().click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await this.page.getByTestId('snapshot-preview').waitFor({ state: 'detached' });
  }

  listRow(id: number): Locator {
    return this.page.locator(`[data-testid="snapshot-list-row"][data-id="${id}"]`);
  }
}

/** A published snapshot's page, as anyone reads it (no console, no script). */
export class PublicSnapshotPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    const response = await this.page.goto(url);
    if (!response || response.status() !== 200) throw new Error(`${url}: ${response?.status()}`);
  }

  heading(): Locator {
    return this.page.locator('h1');
  }

  /** The figures table's row of a platform, by the name in its header cell. */
  row(name: string): Locator {
    return this.page.locator('#figures tbody tr').filter({ has: this.page.locator('th', { hasText: name }) });
  }

  columnHeaders(): Promise<string[]> {
    return this.page.locator('#figures thead th').allInnerTexts();
  }

  totals(): Locator {
    return this.page.locator('#figures tfoot tr');
  }

  languageLink(name: string): Locator {
    return this.page.locator('nav .langs a', { hasText: name });
  }
}
