/**
 * `/:lang/lab`: a lazy route chunk holding the Lab (its strings, forms, charts) on top of the
 * packet-flow widget's parts, which a lesson page may already have loaded.
 */
import '../lab/ui/lab-strings';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../content/render/WidgetSlot';
import Lab from '../lab/ui/Lab';
import { useDocumentTitle } from '../lib/use-document-title';
import { useLang } from '../lib/use-lang';

export function LabPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const reducedMotion = useReducedMotion();
  useDocumentTitle(t('lab.documentTitle'), t('app.name'));
  return <Lab lang={lang} reducedMotion={reducedMotion} />;
}
