// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../../../src/i18n/t';
import { inviteRequests, section, setUp } from './team-screen-setup';

afterEach(cleanup);

describe('inviting', () => {
  it('refuses a founder invitation without a deal key before sending it', async () => {
    const { user, server } = setUp();
    await user.selectOptions(screen.getByLabelText('Role'), 'founder');
    expect(screen.getByLabelText('Deal key')).toHaveAccessibleDescription(
      /The company's deal key, for example deeplake-ai/,
    );
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const deal = screen.getByLabelText('Deal key');
    expect(deal).toHaveFocus();
    expect(deal).toHaveAttribute('aria-invalid', 'true');
    expect(deal).toHaveAccessibleDescription(/Enter the company's deal key/);
    expect(inviteRequests(server)).toHaveLength(0);
    expect(screen.queryByTestId('invitation-link')).toBeNull();
  });

  it('shows a partner invitation link once, copies it, and says it works once for 7 days', async () => {
    const { user, server } = setUp();
    expect(screen.getByLabelText('Role')).toHaveValue('partner');
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));

    const result = await screen.findByTestId('invitation-link');
    const [token, invitation] = [...server.invitations].at(-1)!;
    expect(invitation).toMatchObject({ role: 'partner', deal: null });
    expect(inviteRequests(server)[0]?.body).toEqual({ role: 'partner' });
    expect(within(result).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Invitation link for a partner',
    );
    expect(within(result).getByRole('heading', { level: 3 })).toHaveFocus();
    const field = within(result).getByLabelText('Invitation link');
    expect(field).toHaveValue(`http://localhost:8080/#invite=${token}`);
    expect(field).toHaveAttribute('readonly');
    const expiry = new Intl.DateTimeFormat(LOCALES.en, {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(invitation.expiresAt));
    expect(result).toHaveTextContent(`works once and expires in 7 days, on ${expiry}`);

    await user.click(within(result).getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`http://localhost:8080/#invite=${token}`);
    expect(within(result).getByRole('status')).toHaveTextContent('Copied.');

    // The invitation is logged, and the log on screen says so.
    const audit = section('Audit log');
    expect(
      await within(audit).findByRole('cell', { name: `partner, expires ${invitation.expiresAt}` }),
    ).toBeVisible();
  });

  it('selects the link for copying by hand when the clipboard refuses', async () => {
    const { user } = setUp();
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const result = await screen.findByTestId('invitation-link');
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(within(result).getByRole('button', { name: 'Copy link' }));
    const field = within(result).getByLabelText('Invitation link') as HTMLInputElement;
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field.selectionEnd! - field.selectionStart!).toBe(field.value.length);
    expect(within(result).getByRole('status')).toHaveTextContent('press Ctrl+C');
  });

  it('files a founder under the deal key of the company name typed', async () => {
    const { user, server } = setUp();
    await user.selectOptions(screen.getByLabelText('Role'), 'founder');
    await user.type(screen.getByLabelText('Deal key'), 'DeepLake AI');
    expect(screen.getByText('Sent as the deal key deeplake-ai')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const result = await screen.findByTestId('invitation-link');
    expect(inviteRequests(server)[0]?.body).toEqual({ role: 'founder', deal: 'deeplake-ai' });
    expect(within(result).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Invitation link for the founder of deeplake-ai',
    );
  });

  it('says why no invitation was made, and keeps the previous link', async () => {
    const { user, server } = setUp();
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const first = await screen.findByLabelText('Invitation link');
    const link = (first as HTMLInputElement).value;
    server.state = 'offline';
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    expect(
      await screen.findByText(/No invitation was made\. The team server cannot be reached/),
    ).toBeVisible();
    expect(screen.getByLabelText('Invitation link')).toHaveValue(link);
  });
});
