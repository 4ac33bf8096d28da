import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface State {
  failed: boolean;
}

/** Last line of defence: a calm, translated message instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <main id="main" className="page page--message">
            <h1>{t('error.heading')}</h1>
            <p>{t('error.body')}</p>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('error.reload')}
            </button>
          </main>
        )}
      </Translation>
    );
  }
}
