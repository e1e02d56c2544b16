import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/login`);
    await this.page.locator('input[name="email"]').waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('input[name="email"]').fill(email);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.locator('button[type="submit"]').click();
    // Signed in: the app bar's user menu appears.
    await this.page.locator('header .RaUserMenu-userButton, header [aria-label="Profile"]').first().waitFor();
  }
}
