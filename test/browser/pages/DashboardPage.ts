import type { Locator, Page } from 'playwright-core';

export type Metric =
  | 'sent'
  | 'responded'
  | 'unanswered'
  | 'responseRate'
  | 'medianResponseHours'
  | 'p90ResponseHours'
  | 'kmMedianResponseHours'
  | 'overdue'
  | 'onTimeRate';

export class DashboardPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/`);
    await this.waitForFigures();
  }

  /** Waits until the figures and the charts are drawn and no stats query is in flight. */
  async waitForFigures(): Promise<void> {
    await this.page.getByTestId('platform-table').waitFor();
    await this.page.getByTestId('chart-response-rate').waitFor();
    await this.page.getByTestId('overdue-total').or(this.page.getByTestId('overdue-table')).first().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="dashboard"] .MuiLinearProgress-root'));
  }

  kpi(name: 'sent' | 'responded' | 'response-rate' | 'overdue' | 'content'): Locator {
    return this.page.getByTestId(`kpi-${name}`);
  }

  metric(platform: string, metric: Metric): Locator {
    return this.page.locator(`[data-testid="platform-table"] tr[data-platform="${platform}"] td[data-metric="${metric}"]`);
  }

  async metrics(platform: string): Promise<Record<Metric, string>> {
    const cells = this.page.locator(`[data-testid="platform-table"] tr[data-platform="${platform}"] td[data-metric]`);
    const entries = await cells.evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-metric'), td.textContent ?? '']));
    return Object.fromEntries(entries) as Record<Metric, string>;
  }

  /** Bars drawn in a chart (recharts' rectangles). */
  bars(chart: 'chart-response-rate' | 'chart-response-time' | 'chart-trend'): Locator {
    return this.page.getByTestId(chart).locator('.recharts-bar-rectangle');
  }

  /** The Kaplan-Meier chart's lines, one per platform with requests. */
  kmLines(): Locator {
    return this.page.getByTestId('chart-km-curve').locator('.recharts-line-curve');
  }

  overdueRow(reference: string): Locator {
    return this.page.locator(`[data-testid="overdue-table"] tr[data-reference="${reference}"]`);
  }

  /** Picks an option of one of the filter bar's selects (by its element id) and waits for the new figures. */
  async filter(id: 'dashboard-period' | 'dashboard-type' | 'dashboard-category', option: string): Promise<void> {
    await this.page.locator(`#${id}`).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.waitForTimeout(100);
    await this.waitForFigures();
  }
}
