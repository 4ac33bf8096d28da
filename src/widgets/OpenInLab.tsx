import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScenarioRun } from '../engine';
import { labPath } from '../lib/paths';
import { useLang } from '../lib/use-lang';
import { serializeWidgetState } from './url-state';

/**
 * "Open in the Lab": the widget's scenario, its current settings and the student's own changes,
 * in the widget's own link format, for the Lab to rebuild as a design it can then change freely.
 * `version` changes whenever a setting or a server does, so the link is rebuilt then.
 */
export const OpenInLab = memo(function OpenInLab({
  scenarioId,
  run,
}: {
  scenarioId: string;
  run: ScenarioRun;
  version: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const search = new URLSearchParams({ from: scenarioId, w: serializeWidgetState(scenarioId, run) });
  return (
    <p className="packet-flow__lab">
      <Link to={labPath(lang, `?${search.toString()}`)} data-open-in-lab>
        {t('widget.openInLab')}
      </Link>{' '}
      <span className="packet-flow__lab-hint">{t('widget.openInLabHint')}</span>
    </p>
  );
});
