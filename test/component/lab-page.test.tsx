import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

// The Lab keeps its design in the address bar: each test starts from a bare one.
afterEach(() => window.history.replaceState(null, '', '/'));

describe('the Lab page', { timeout: 30_000 }, () => {
  it('is linked from the header and offers every template', async () => {
    renderApp('/en/lab');
    // The Lab is a lazy route: its chunk loads first.
    expect(await screen.findByRole('heading', { level: 1, name: 'The Lab' }, { timeout: 15_000 })).toBeVisible();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Lab' })).toHaveAttribute(
      'href',
      '/en/lab',
    );
    expect(within(screen.getByLabelText('Template')).getAllByRole('option').length).toBeGreaterThanOrEqual(6);
  });

  it('states each field’s limits, refuses a bad value beside the field, and undoes a change', async () => {
    const user = userEvent.setup();
    renderApp('/en/lab');
    const users = await screen.findByLabelText('Users', undefined, { timeout: 15_000 });
    expect(users).toHaveAccessibleDescription('From 1 to 10,000');
    const undo = screen.getByRole('button', { name: /Undo/ });
    expect(undo).toBeDisabled();

    await user.clear(users);
    expect(users).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('This can’t be empty.');
    await user.type(users, '20000');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a value from 1 to 10,000.');
    await user.clear(users);
    await user.type(users, 'lots');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number.');

    await user.clear(users);
    await user.type(users, '500');
    expect(users).toHaveAttribute('aria-invalid', 'false');
    await waitFor(() => expect(undo).toBeEnabled());
    await user.click(undo);
    await waitFor(() => expect(screen.getByLabelText('Users')).toHaveValue('200'));
    expect(screen.getByRole('button', { name: /Redo/ })).toBeEnabled();
  });

  it('refuses a fault on a server that a smaller pool no longer has, and says which fault', async () => {
    const user = userEvent.setup();
    renderApp('/en/lab');
    await user.click(await screen.findByRole('button', { name: 'Add a fault' }, { timeout: 15_000 }));
    const target = screen.getByLabelText('Server');
    await user.selectOptions(target, 'web-4');
    const servers = screen.getByLabelText('Servers');
    await user.clear(servers);
    await user.type(servers, '2');
    expect(await screen.findByText(/Not applied: Fault 1 would break/)).toBeVisible();
    expect(screen.getByLabelText('Server')).toHaveValue('web-4');
  });

  it('speaks Russian', async () => {
    renderApp('/ru/lab');
    expect(await screen.findByRole('heading', { level: 1, name: 'Лаборатория' }, { timeout: 15_000 })).toBeVisible();
    expect(screen.getByLabelText('Пользователи')).toHaveValue('200');
  });
});
