import type { Locator, Page } from 'playwright-core';
import { choose } from './RequestPages';

export interface FigureImportCounts {
  read: number;
  added: number;
  revised: number;
  unchanged: number;
}

/** The "Import published figures" screen: source fields, file picker, start button, then the result. */
export class FigureImportPage {
  constructor(private readonly page: Page) {}

  startButton(): Locator {
    return this.page.getByTestId('import-start');
  }

  result(): Locator {
    return this.page.getByTestId('import-result');
  }

  async fillSource(sourceUrl: string, publisher = ''): Promise<void> {
    await this.page.locator('#figure-import-source-url').fill(sourceUrl);
    await this.page.locator('#figure-import-publisher').fill(publisher);
  }

  /** Chooses a file with this content (as if picked in the file chooser). */
  async choose(name: string, content: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await this.page.getByTestId('import-file-name').filter({ hasText: name }).waitFor();
  }

  /** Starts the import and waits for the result of this very attempt. */
  async start(): Promise<void> {
    const attempt = Number((await this.startButton().getAttribute('data-attempts')) ?? 0) + 1;
    await this.startButton().click();
    await this.page.locator(`[data-testid="import-result"][data-attempt="${attempt}"]`).waitFor();
  }

  /** The header line the screen says a format needs, for a file it did not recognise. */
  expectedHeaders(format: string): Promise<string> {
    return this.page.locator(`[data-testid="figure-import-expected"] [data-format="${format}"] code`).innerText();
  }

  /** The counts of a successful import; anything else fails with what the screen says instead. */
  async counts(): Promise<FigureImportCounts> {
    const read = await this.result().getAttribute('data-read');
    if (read === null) throw new Error(`not imported: ${await this.result().innerText()}`);
    const count = async (name: string) => Number(await this.result().getAttribute(`data-${name}`));
    return { read: Number(read), added: await count('added'), revised: await count('revised'), unchanged: await count('unchanged') };
  }
}

/** The cross-check screen: one section per company or service, its charts and its rows with findings. */
export class CrossCheckPage {
  constructor(private readonly page: Page) {}

  subject(name: string): Locator {
    return this.page.locator(`[data-testid="cross-check-subject"][data-subject="${name}"]`);
  }

  row(subject: string, period: string): Locator {
    return this.subject(subject).locator(`[data-testid="cross-check-row"][data-period="${period}"]`);
  }

  /** A row's cell by its data-cell name (published-requests, our-requests, difference-requests, …). */
  cell(row: Locator, name: string): Locator {
    return row.locator(`[data-cell="${name}"]`);
  }

  finding(subject: string, code: string): Locator {
    return this.subject(subject).locator(`[data-testid="cross-check-finding"][data-code="${code}"]`);
  }

  explanations(subject: string): Locator {
    return this.subject(subject).locator('[data-testid="cross-check-explanation"]');
  }

  chart(subject: string, which: 'requests' | 'removal'): Locator {
    return this.subject(subject).getByTestId(`cross-check-chart-${which}`);
  }
}

export interface TypedFigure {
  publisher: string;
  subject: string;
  subjectKind: string;
  period: string;
  jurisdiction: string;
  requesterType: string;
  metric: string;
  value: string;
  sourceUrl: string;
}

/** The form for a figure typed in from a PDF or a bot (labels as shown in English). */
export class FigureForm {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/published-figures/create`);
    await this.page.locator('input[name="publisher"]').waitFor();
  }

  /** Fills the form and saves it; resolves on the figure's page. */
  async save(f: TypedFigure): Promise<void> {
    for (const field of ['publisher', 'subject', 'period', 'jurisdiction', 'value', 'sourceUrl'] as const) {
      await this.page.locator(`input[name="${field}"]`).fill(f[field]);
    }
    await choose(this.page, this.page, 'Company or service?', f.subjectKind);
    await choose(this.page, this.page, 'Requester type', f.requesterType);
    await choose(this.page, this.page, 'Figure', f.metric);
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.waitForURL(/#\/published-figures\/\d+\/show$/);
  }

  /** The earlier values on a figure's page, as shown (revision, value). */
  history(): Promise<string[][]> {
    return this.page
      .getByTestId('figure-history')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => (td.textContent ?? '').trim())));
  }
}
