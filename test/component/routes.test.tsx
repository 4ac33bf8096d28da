import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useLearnerStore } from '../../src/progress/learner-store';
import { location, renderApp } from './render-app';

describe('course home', () => {
  it('lists the lessons in order with reading time, prerequisites and progress', async () => {
    useLearnerStore.setState({
      lessons: {
        'load-balancing-basics': { resetAt: 0, visitedAt: 1, sections: {}, quizzes: {}, reflections: {}, goals: {} },
      },
    });
    renderApp('/en');
    expect(
      await screen.findByRole('heading', { level: 1, name: /load balancing, from packets to requests/i }),
    ).toBeVisible();
    const items = within(screen.getByRole('list', { name: /Lessons/ })).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Load Balancing: Basics',
      'Greedy Balancing',
      'L4 vs L7 Balancing',
      'Reverse Proxy',
    ]);
    expect(items[0]).toHaveTextContent(/0% done/);
    expect(items[2]).toHaveTextContent('Not started');
    expect(items[2]).toHaveTextContent(/35 min read/);
    expect(within(items[2]!).getByRole('link', { name: 'Load Balancing: Basics' })).toHaveAttribute(
      'href',
      '/en/lessons/load-balancing-basics',
    );
  });

  it('speaks Russian with correct plural forms', async () => {
    renderApp('/ru');
    expect(await screen.findByRole('heading', { level: 1, name: /Балансировка нагрузки/ })).toBeVisible();
    expect(screen.getByText(/4 урока/)).toBeVisible();
    expect(document.documentElement.lang).toBe('ru');
  });
});

describe('routing', () => {
  it('sends / to the saved language first', async () => {
    useLearnerStore.setState((s) => ({ settings: { ...s.settings, language: 'ru' } }));
    renderApp('/');
    await waitFor(() => expect(location.current).toBe('/ru'));
  });

  it('sends an unknown language to the same page in English', async () => {
    renderApp('/fr/lessons/reverse-proxy#tls-termination');
    await waitFor(() => expect(location.current).toBe('/en/lessons/reverse-proxy#tls-termination'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reverse Proxy' })).toBeVisible();
  });

  it('shows a translated not-found page for an unknown lesson, with a way back', async () => {
    renderApp('/ru/lessons/no-such-lesson');
    expect(await screen.findByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
    expect(screen.getByText(/no-such-lesson/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Вернуться к курсу' })).toHaveAttribute('href', '/ru');
  });

  it('shows the not-found page for an unknown page', async () => {
    renderApp('/en/nowhere/at/all');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

describe('lesson page', () => {
  it('renders the lesson with its contents, prerequisites and neighbours', async () => {
    renderApp('/en/lessons/l4-vs-l7-balancing');
    expect(screen.getByRole('heading', { level: 1, name: 'L4 vs L7 Balancing' })).toBeVisible();
    const toc = screen.getByRole('navigation', { name: 'On this page' });
    const tocTargets = within(toc)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(tocTargets).toEqual(expect.arrayContaining(['#l4', '#dsr', '#l7', '#tls', '#sticky', '#key-ideas']));
    // The lesson renders in slices: later sections arrive a few tasks after the first screen.
    await screen.findByRole('heading', { level: 2, name: /transport layer/i }, { timeout: 10_000 });
    expect(screen.getByRole('link', { name: /Previous lesson.*Greedy Balancing/ })).toBeVisible();
    expect(screen.getByRole('link', { name: /Next lesson.*Reverse Proxy/ })).toBeVisible();
    expect(useLearnerStore.getState().lessons['l4-vs-l7-balancing']?.visitedAt).toBeTypeOf('number');
  });

  it('opens a glossary term as a popover and closes it with Escape', async () => {
    const user = userEvent.setup();
    renderApp('/en/lessons/l4-vs-l7-balancing');
    // The lesson renders in slices; SNI first appears a few sections in.
    const [term] = await screen.findAllByRole('button', { name: /Definition of “SNI”/ }, { timeout: 10_000 });
    expect(term).toHaveAttribute('aria-expanded', 'false');
    await user.click(term!);
    expect(term).toHaveAttribute('aria-expanded', 'true');
    const popover = document.getElementById(term!.getAttribute('aria-controls') ?? '');
    expect(popover).toBeVisible();
    expect(within(popover!).getByRole('link', { name: 'Open in the glossary' })).toHaveAttribute(
      'href',
      '/en/glossary#sni',
    );
    await user.keyboard('{Escape}');
    expect(term).toHaveAttribute('aria-expanded', 'false');
    expect(term).toHaveFocus();
  });

  it('switches language on the same lesson and remembers the choice', async () => {
    const user = userEvent.setup();
    renderApp('/en/lessons/reverse-proxy');
    await user.click(screen.getByRole('link', { name: 'Русский' }));
    // jsdom has no layout, so which section counts as "being read" is checked in the e2e suite.
    await waitFor(() => expect(location.current).toMatch(/^\/ru\/lessons\/reverse-proxy(#|$)/));
    expect(await screen.findByRole('heading', { level: 1, name: 'Обратный прокси' })).toBeVisible();
    expect(useLearnerStore.getState().settings.language).toBe('ru');
  });
});
