import type { Locator, Page } from 'playwright-core';
import { choose } from './RequestPages';

export interface NewConsultation {
  title: string;
  platform: string;
  heldAt: string;
  format: string;
  attendees: string[];
  agenda?: string;
  linkedRequests: string[];
  actionItems: { owner: string; text: string; dueDate?: string }[];
}

export class ConsultationFormPage {
  constructor(private readonly page: Page) {}

  async fill(c: NewConsultation): Promise<void> {
    const { page } = this;
    await page.locator('input[name="title"]').fill(c.title);
    await choose(page, page, /^Platform/, c.platform);
    await page.locator('input[name="heldAt"]').fill(c.heldAt);
    await choose(page, page, /^Format/, c.format);
    const attendees = page.getByRole('combobox', { name: 'Attendees' });
    for (const name of c.attendees) {
      await attendees.fill(name);
      await attendees.press('Enter');
    }
    if (c.agenda) await page.locator('textarea[name="agenda"]').fill(c.agenda);
    for (const reference of c.linkedRequests) {
      await this.linkedRequests().click();
      await page.getByRole('option', { name: reference, exact: true }).click();
    }
    for (const [i, item] of c.actionItems.entries()) {
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await choose(page, page, /^Owner/, item.owner);
      await page.locator(`input[name="actionItems.${i}.text"]`).fill(item.text);
      if (item.dueDate) await page.locator(`input[name="actionItems.${i}.dueDate"]`).fill(item.dueDate);
    }
  }

  linkedRequests(): Locator {
    return this.page.getByRole('combobox', { name: 'Linked requests' });
  }

  /** The references the linked-requests input offers (it opens its list to read them). */
  async offeredRequests(): Promise<string[]> {
    await this.linkedRequests().click();
    const options = this.page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    const texts = await options.allInnerTexts();
    await this.page.keyboard.press('Escape');
    return texts;
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.waitForURL(/#\/consultations\/\d+\/show/);
  }
}
