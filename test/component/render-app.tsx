import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router';
import { AppRoutes } from '../../src/app/App';
import { i18n } from '../../src/i18n';

export const location = { current: '' };

function LocationProbe() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    location.current = pathname + hash;
  }, [pathname, hash]);
  return null;
}

/** The real routes in a memory router; `location.current` follows navigation. */
export function renderApp(path: string) {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </I18nextProvider>,
  );
}
