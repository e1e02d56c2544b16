import type { Locator, Page } from 'playwright-core';

export const LANGUAGES = { en: 'English', ko: '한국어', id: 'Bahasa Indonesia' } as const;

/** The dashboard's menu entry in each language: once it reads so, the language's messages are in use. */
const DASHBOARD = { en: 'Dashboard', ko: '대시보드', id: 'Dasbor' } as const;

/** The frame around every screen: app bar, language menu, user menu, side menu. */
export class AppShell {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Goes to a route of the console (hash router), e.g. "/requests" or "/requests/3/show". */
  async goto(route: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#${route}`);
  }

  /** The side menu's entry for a resource (or the dashboard, "/"). */
  menuLink(route: string): Locator {
    return this.page.locator(`.RaSidebar-fixed a[href="#${route}"]`);
  }

  menuLabels(): Promise<string[]> {
    return this.page.locator('.RaSidebar-fixed a[role="menuitem"]').allInnerTexts();
  }

  /** The app bar's page title (react-admin's <Title>). */
  title(): Locator {
    return this.page.locator('#react-admin-title');
  }

  async chooseLanguage(language: keyof typeof LANGUAGES): Promise<void> {
    const names = Object.values(LANGUAGES).join('|');
    await this.page
      .locator('header')
      .getByRole('button', { name: new RegExp(names, 'i') })
      .click();
    await this.page.getByRole('menuitem', { name: LANGUAGES[language], exact: true }).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    // Korean and Indonesian messages load lazily: the page's language can change before the labels do.
    await this.menuLink('/').filter({ hasText: DASHBOARD[language] }).waitFor();
  }

  async signOut(): Promise<void> {
    await this.page.locator('header .RaUserMenu-userButton').click();
    await this.page.locator('.MuiMenu-list li').last().click();
    await this.page.locator('input[name="email"]').waitFor();
  }
}
