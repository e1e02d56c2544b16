import type { Locator, Page } from 'playwright-core';

export interface ImportedCounts {
  created: number;
  skipped: number;
}

export interface ShownError {
  line: string;
  column: string;
  message: string;
}

/** The "Import requests" screen: file picker, start button, progress, then the result. */
export class ImportPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/import`);
    await this.startButton().waitFor();
  }

  /** The file input (visually hidden; its label, "Choose a CSV file", is the drop zone). */
  fileInput(): Locator {
    return this.page.getByTestId('import-file');
  }

  startButton(): Locator {
    return this.page.getByTestId('import-start');
  }

  result(): Locator {
    return this.page.getByTestId('import-result');
  }

  progress(): Locator {
    return this.page.getByTestId('import-progress');
  }

  templateButton(): Locator {
    return this.page.getByTestId('import-template');
  }

  /** Chooses a file with this content (as if picked in the file chooser). */
  async choose(name: string, content: string): Promise<void> {
    await this.fileInput().setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await this.page.getByTestId('import-file-name').filter({ hasText: name }).waitFor();
  }

  /** Starts the import and waits for its result (success, row errors or failure). */
  async start(): Promise<void> {
    await this.waitForResult(await this.clickStart());
  }

  /** Clicks "Start import"; returns the number of this attempt, to wait for its own result. */
  async clickStart(): Promise<number> {
    const before = Number((await this.startButton().getAttribute('data-attempts')) ?? 0);
    await this.startButton().click();
    return before + 1;
  }

  async waitForResult(attempt: number, timeout?: number): Promise<void> {
    await this.page.locator(`[data-testid="import-result"][data-attempt="${attempt}"]`).waitFor({ timeout });
  }

  /** The counts of a successful import; anything else fails with what the screen says instead. */
  async counts(): Promise<ImportedCounts> {
    const created = await this.result().getAttribute('data-created');
    const skipped = await this.result().getAttribute('data-skipped');
    if (created === null || skipped === null) throw new Error(`not imported: ${await this.result().innerText()}`);
    return { created: Number(created), skipped: Number(skipped) };
  }

  summary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  rejection(): Locator {
    return this.page.getByTestId('import-rejected');
  }

  /** The rows of the error table, as shown. */
  async errors(): Promise<ShownError[]> {
    return this.page
      .getByTestId('import-errors')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const [line, column, message] = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
          return { line, column, message };
        }),
      );
  }
}
