import { lazy, Suspense, useEffect, type ComponentType } from 'react';
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
const LabPage = lazy(() => import('../routes/LabPage').then((m) => ({ default: m.LabPage })));

/** A lazily loaded page: nothing is shown for the moment its chunk loads. */
function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<RootRedirect />} />
      <Route path=":lang" element={<LangLayout />}>
        <Route index element={<HomePage />} />
        <Route path="lessons/:slug" element={<LessonPage />} />
        <Route path="glossary" element={<Lazy page={GlossaryPage} />} />
        <Route path="progress" element={<Lazy page={ProgressPage} />} />
        <Route path="lab" element={<Lazy page={LabPage} />} />
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
