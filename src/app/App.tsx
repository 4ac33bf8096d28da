import { lazy, Suspense, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { i18n } from '../i18n';
import { syncLearnerStoreAcrossTabs } from '../progress/learner-store';
import { HomePage } from '../routes/HomePage';
import { LessonPage } from '../routes/LessonPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { useApplySettings } from './use-apply-settings';
import { ErrorBoundary } from './ErrorBoundary';
import { LangLayout } from './LangLayout';
import { RootRedirect } from './RootRedirect';

// Pages a lesson reader rarely needs load on demand, keeping the first script small.
const GlossaryPage = lazy(() => import('../routes/GlossaryPage').then((m) => ({ default: m.GlossaryPage })));
const ProgressPage = lazy(() => import('../routes/ProgressPage').then((m) => ({ default: m.ProgressPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<RootRedirect />} />
      <Route path=":lang" element={<LangLayout />}>
        <Route index element={<HomePage />} />
        <Route path="lessons/:slug" element={<LessonPage />} />
        <Route
          path="glossary"
          element={
            <Suspense fallback={null}>
              <GlossaryPage />
            </Suspense>
          }
        />
        <Route
          path="progress"
          element={
            <Suspense fallback={null}>
              <ProgressPage />
            </Suspense>
          }
        />
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
