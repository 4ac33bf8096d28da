import { Navigate } from 'react-router';
import { preferredLang } from '../lib/lang';
import { useLearnerStore } from '../progress/learner-store';
import { homePath } from '../lib/paths';

/** `/`: the saved preference, then the browser language, then English. */
export function RootRedirect() {
  const saved = useLearnerStore((state) => state.settings.language);
  const lang = preferredLang(saved, typeof navigator === 'undefined' ? undefined : navigator.languages);
  return <Navigate to={homePath(lang)} replace />;
}
