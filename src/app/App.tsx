import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { i18n } from '../i18n';
import { syncLearnerStoreAcrossTabs } from '../progress/learner-store';
import { GlossaryPage } from '../routes/GlossaryPage';
import { HomePage } from '../routes/HomePage';
import { LessonPage } from '../routes/LessonPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { ProgressPage } from '../routes/ProgressPage';
import { useApplySettings } from './use-apply-settings';
import { ErrorBoundary } from './ErrorBoundary';
import { LangLayout } from './LangLayout';
import { RootRedirect } from './RootRedirect';

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<RootRedirect />} />
      <Route path=":lang" element={<LangLayout />}>
        <Route index element={<HomePage />} />
        <Route path="lessons/:slug" element={<LessonPage />} />
        <Route path="glossary" element={<GlossaryPage />} />
        <Route path="progress" element={<ProgressPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  useEffect(() => syncLearnerStoreAcrossTabs(), []);
  useApplySettings();
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
