/**
 * Above the design: where to start from (a template), undo and redo, the seed, and the ways to
 * keep or pass on a design (saved in this browser, a link, a JSON file).
 */
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabDoc } from '../design';
import { LAB_TEMPLATE_IDS, labTemplate, type LabTemplateId } from '../templates';
import { NumberField, type TryEdit } from './fields';
import type { Notice } from './LabNotices';
import { SavedDesigns } from './SavedDesigns';
import { SharePanel } from './SharePanel';
import type { LabUrlState } from './use-lab-url';

export const LabToolbar = memo(function LabToolbar(props: {
  doc: LabDoc;
  canUndo: boolean;
  canRedo: boolean;
  urlState: LabUrlState;
  onUndo: () => void;
  onRedo: () => void;
  onLoad: (doc: LabDoc) => void;
  onEdit: TryEdit;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const templateId = useId();
  const [template, setTemplate] = useState<LabTemplateId>(LAB_TEMPLATE_IDS[0]);
  return (
    <div className="lab-toolbar">
      <div className="lab-toolbar__row" role="group" aria-label={t('lab.toolbar.start')}>
        <div className="lab-field">
          <label htmlFor={templateId}>{t('lab.toolbar.template')}</label>
          <select
            id={templateId}
            value={template}
            onChange={(e) => setTemplate(e.target.value as LabTemplateId)}
            aria-describedby={`${templateId}-desc`}
          >
            {LAB_TEMPLATE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`lab.template.${id}.name`)}
              </option>
            ))}
          </select>
          <span className="lab-field__hint" id={`${templateId}-desc`}>
            {t(`lab.template.${template}.desc`)}
          </span>
        </div>
        <button type="button" className="button" onClick={() => props.onLoad(labTemplate(template))} data-load-template>
          {t('lab.toolbar.useTemplate')}
        </button>
      </div>
      <div className="lab-toolbar__row" role="group" aria-label={t('lab.toolbar.history')}>
        <button type="button" className="button button--quiet" onClick={props.onUndo} disabled={!props.canUndo}>
          <span aria-hidden="true">↶ </span>
          {t('lab.toolbar.undo')}
        </button>
        <button type="button" className="button button--quiet" onClick={props.onRedo} disabled={!props.canRedo}>
          <span aria-hidden="true">↷ </span>
          {t('lab.toolbar.redo')}
        </button>
        <NumberField
          path="seed"
          label={t('lab.toolbar.seed')}
          value={props.doc.seed}
          onEdit={props.onEdit}
          commitOnBlur
        />
      </div>
      <SharePanel doc={props.doc} urlState={props.urlState} onLoad={props.onLoad} onNotice={props.onNotice} />
      <SavedDesigns doc={props.doc} onLoad={props.onLoad} />
    </div>
  );
});
