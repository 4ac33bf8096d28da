/**
 * Faults on the timeline: what happens to which server at what simulated time. A target list
 * offers the servers present at that time (after earlier adds and removes), or the pools for an
 * add. Markers for these sit on the run's timeline, and the event log names each as it happens.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabDoc } from '../design';
import { CHOICES, MAX_FAULTS } from '../limits';
import { serverIdsAt } from '../to-run';
import { FormSection, NumberField, SelectField, type TryEdit } from './fields';
import type { ListEdit } from './list-edit';

export const FaultsForm = memo(function FaultsForm({
  doc,
  onEdit,
  onList,
}: {
  doc: LabDoc;
  onEdit: TryEdit;
  onList: ListEdit;
}) {
  const { t } = useTranslation();
  const pools = doc.design.pools.map((p) => p.id);
  return (
    <FormSection title={t('lab.form.faults')} open>
      <p className="lab__hint">{t('lab.form.faultsHint', { max: MAX_FAULTS })}</p>
      {doc.faults.map((fault, i) => {
        const servers = serverIdsAt(doc, fault.atMs);
        const targets =
          fault.kind === 'add' ? pools : servers.includes(fault.target) ? servers : [fault.target, ...servers];
        return (
          <fieldset key={i} className="lab-row lab-row--fault">
            <legend>{t('lab.form.faultN', { n: i + 1 })}</legend>
            <NumberField
              path={`faults.${i}.atMs`}
              label={t('lab.form.faultAt')}
              value={fault.atMs}
              onEdit={onEdit}
              commitOnBlur
            />
            <SelectField
              path={`faults.${i}.kind`}
              label={t('lab.form.faultKind')}
              value={fault.kind}
              options={CHOICES['faults.*.kind']}
              optionLabel={(o) => t(`lab.fault.${o}` as 'lab.fault.crash')}
              onEdit={(path, value) =>
                // Switching to or from "add" changes what the target names (a pool or a server).
                value === 'add' || fault.kind === 'add'
                  ? onEdit(`faults.${i}`, {
                      ...fault,
                      kind: value,
                      target: value === 'add' ? (pools[0] ?? '') : (servers[0] ?? ''),
                    })
                  : onEdit(path, value)
              }
            />
            <SelectField
              path={`faults.${i}.target`}
              label={t(fault.kind === 'add' ? 'lab.form.faultPool' : 'lab.form.faultServer')}
              value={fault.target}
              options={targets}
              optionLabel={(o) => o}
              onEdit={onEdit}
            />
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onList('remove', 'faults', i)}
            >
              {t('lab.form.removeFault', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      {doc.faults.length < MAX_FAULTS && (
        <button type="button" className="button button--quiet" onClick={() => onList('add', 'faults')} data-add-fault>
          {t('lab.form.addFault')}
        </button>
      )}
    </FormSection>
  );
});
