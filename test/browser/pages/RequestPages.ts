import type { Locator, Page } from 'playwright-core';

/** Picks an option of a react-admin SelectInput (a MUI select) by its accessible label. */
export async function choose(scope: Page | Locator, page: Page, label: string | RegExp, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

export class RequestListPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/requests`);
    await this.rows().first().waitFor();
  }

  rows(): Locator {
    return this.page.locator('.RaDatagrid-tbody tr');
  }

  row(reference: string): Locator {
    return this.rows().filter({ hasText: reference });
  }

  createButton(): Locator {
    return this.page.locator('a[href="#/requests/create"]');
  }

  async search(text: string): Promise<void> {
    await this.page.locator('input[name="q"]').fill(text);
    await this.page.waitForURL(/filter=.*q/);
  }
}

export interface NewRequest {
  platform: string;
  agency: string;
  reference: string;
  type: string;
  category: string;
  channel?: string;
  sentAt?: string;
  notes?: string;
  items: { url: string; contentHash?: string }[];
}

export class RequestCreatePage {
  constructor(private readonly page: Page) {}

  async fill(request: NewRequest): Promise<void> {
    const { page } = this;
    await page.locator('input[name="reference"]').waitFor();
    await choose(page, page, /^Platform/, request.platform);
    await choose(page, page, /^Agency/, request.agency);
    await page.locator('input[name="reference"]').fill(request.reference);
    await choose(page, page, /^Type/, request.type);
    await choose(page, page, /^Category/, request.category);
    if (request.channel) await choose(page, page, /^Channel/, request.channel);
    if (request.sentAt) await page.locator('input[name="sentAt"]').fill(request.sentAt);
    if (request.notes) await page.locator('textarea[name="notes"]').fill(request.notes);
    for (const [i, item] of request.items.entries()) {
      await page.getByRole('button', { name: 'Add content item' }).click();
      await page.locator(`input[name="items.${i}.url"]`).fill(item.url);
      if (item.contentHash) await page.locator(`input[name="items.${i}.contentHash"]`).fill(item.contentHash);
    }
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.waitForURL(/#\/requests\/\d+\/show/);
  }
}

export interface RecordedEvent {
  kind: string;
  occurredAt: string;
  outcome?: string;
  itemStates?: Record<string, string>;
  note?: string;
}

export class RequestShowPage {
  constructor(private readonly page: Page) {}

  id(): number {
    const match = /#\/requests\/(\d+)\/show/.exec(this.page.url());
    if (!match) throw new Error(`not on a request's page: ${this.page.url()}`);
    return Number(match[1]);
  }

  heading(): Locator {
    return this.page.locator('h1');
  }

  /** The status chip next to the heading (data-value holds the API's status). */
  status(): Locator {
    return this.page.getByTestId('request-status');
  }

  /** Waits until the status chip shows `value` (the record is fetched again after an event, apart from the timeline). */
  async waitForStatus(value: string): Promise<void> {
    await this.page.locator(`[data-testid="request-status"][data-value="${value}"]`).waitFor();
  }

  itemRows(): Locator {
    return this.page.locator('[data-testid="request-items"] tbody tr');
  }

  timelineEntries(): Locator {
    return this.page.getByTestId('timeline').locator(':scope > li');
  }

  /** The kinds on the timeline, oldest first (it shows the newest on top). */
  async timelineKinds(): Promise<string[]> {
    const kinds = await this.timelineEntries().evaluateAll((lis) => lis.map((li) => li.getAttribute('data-kind') ?? ''));
    return kinds.reverse();
  }

  recordResponseButton(): Locator {
    return this.page.getByRole('button', { name: 'Record platform response' });
  }

  editButton(): Locator {
    return this.page.locator(`a[href="#/requests/${this.id()}"]`);
  }

  async recordPlatformResponse(event: RecordedEvent): Promise<void> {
    const { page } = this;
    const before = await this.timelineEntries().count();
    await this.recordResponseButton().click();
    const dialog = page.getByRole('dialog');
    await choose(dialog, page, /^Event/, event.kind);
    await dialog.locator('input[name="occurredAt"]').fill(event.occurredAt);
    if (event.outcome) await choose(dialog, page, /^Outcome/, event.outcome);
    for (const [url, state] of Object.entries(event.itemStates ?? {})) {
      await choose(dialog, page, `State of ${url}`, state);
    }
    if (event.note) await dialog.locator('textarea[name="note"]').fill(event.note);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="timeline"] > li').length > n, before);
  }
}
