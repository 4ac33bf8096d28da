/**
 * The design as forms, in the order traffic flows: clients, what they ask for, the optional L4
 * tier, the balancer, health, and the server pools. Every field edits one path of the design through
 * `onEdit`, which refuses (with a message) anything that would make the design invalid. The
 * balancer's mode decides what else it offers: only the TLS and stickiness choices valid at that
 * layer, the return path at L4 only, and at L4 a note in place of the rules and the L4 tier (both
 * kept in the design for a switch back to L7).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionLabel } from '../../i18n/keys';
import type { SessionStore } from '../../engine';
import type { LabDoc } from '../design';
import { CHOICES, MAX_PATHS, MODE_CHOICES, withMode } from '../limits';
import { CheckField, FormSection, NumberField, SelectField, TextField, type TryEdit } from './fields';
import { PoolsForm } from './PoolsForm';
import { RulesForm } from './RulesForm';
import type { ListEdit } from './list-edit';

export const LabForm = memo(function LabForm({
  doc,
  onEdit,
  onList,
}: {
  doc: LabDoc;
  onEdit: TryEdit;
  onList: ListEdit;
}) {
  const { t } = useTranslation();
  const d = doc.design;
  const atL4 = d.l7.mode === 'l4';
  const option = (o: string) => t(`widget.option.${o as OptionLabel}`);
  return (
    <div className="lab-form">
      <FormSection title={t('lab.form.clients')} open>
        <NumberField path="clients.count" label={t('lab.form.clientCount')} value={d.clients.count} onEdit={onEdit} />
        <NumberField
          path="clients.ratePerSecond"
          label={t('lab.form.rate')}
          value={d.clients.ratePerSecond}
          onEdit={onEdit}
        />
        <NumberField
          path="clients.natShare"
          label={t('lab.form.natShare')}
          value={d.clients.natShare}
          onEdit={onEdit}
        />
        <NumberField
          path="clients.usersPerIp"
          label={t('lab.form.usersPerIp')}
          value={d.clients.usersPerIp}
          onEdit={onEdit}
        />
        <SelectField
          path="clients.protocol"
          label={t('lab.form.protocol')}
          value={d.clients.protocol}
          options={CHOICES['clients.protocol']}
          optionLabel={option}
          onEdit={onEdit}
        />
        {d.clients.protocol === 'http1' && (
          <NumberField
            path="clients.requestsPerConnection"
            label={t('lab.form.requestsPerConnection')}
            value={d.clients.requestsPerConnection}
            onEdit={onEdit}
          />
        )}
        <NumberField
          path="clients.cookieShare"
          label={t('lab.form.cookieShare')}
          value={d.clients.cookieShare}
          onEdit={onEdit}
        />
      </FormSection>

      <FormSection title={t('lab.form.paths')}>
        <p className="lab__hint">{t('lab.form.pathsHint', { max: MAX_PATHS })}</p>
        {d.paths.map((p, i) => (
          <fieldset key={i} className="lab-row">
            <legend>{t('lab.form.pathN', { n: i + 1 })}</legend>
            <TextField path={`paths.${i}.path`} label={t('lab.form.path')} value={p.path} onEdit={onEdit} />
            <NumberField path={`paths.${i}.weight`} label={t('lab.form.weight')} value={p.weight} onEdit={onEdit} />
            <NumberField
              path={`paths.${i}.responseKb`}
              label={t('lab.form.responseKb')}
              value={p.responseKb}
              onEdit={onEdit}
            />
            {d.paths.length > 1 && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => onList('remove', 'paths', i)}
              >
                {t('lab.form.removePath', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {d.paths.length < MAX_PATHS && (
          <button type="button" className="button button--quiet" onClick={() => onList('add', 'paths')}>
            {t('lab.form.addPath')}
          </button>
        )}
      </FormSection>

      <FormSection title={t('lab.form.l4')}>
        {atL4 && <p className="lab__hint">{t('lab.form.l4TierAtL4')}</p>}
        {!atL4 && (
          <CheckField path="l4.enabled" label={t('lab.form.l4Enabled')} checked={d.l4.enabled} onEdit={onEdit} />
        )}
        {!atL4 && d.l4.enabled && (
          <>
            <NumberField path="l4.proxies" label={t('lab.form.proxies')} value={d.l4.proxies} onEdit={onEdit} />
            <SelectField
              path="l4.forwarding"
              label={t('lab.form.forwarding')}
              value={d.l4.forwarding}
              options={CHOICES['l4.forwarding']}
              optionLabel={option}
              onEdit={onEdit}
            />
            <SelectField
              path="l4.hashing"
              label={t('lab.form.hashing')}
              value={d.l4.hashing}
              options={CHOICES['l4.hashing']}
              optionLabel={option}
              onEdit={onEdit}
            />
          </>
        )}
      </FormSection>

      <FormSection title={t('lab.form.l7')} open>
        <SelectField
          path="l7.mode"
          label={t('lab.form.mode')}
          value={d.l7.mode}
          options={CHOICES['l7.mode']}
          optionLabel={option}
          // One edit: what the new layer cannot use (passthrough at L7, a cookie at L4) is replaced too.
          onEdit={(_path, mode) => onEdit('l7', withMode(d.l7, mode as typeof d.l7.mode))}
        />
        <p className="lab__hint">{t('lab.form.modeHint')}</p>
        {atL4 && (
          <SelectField
            path="l7.forwarding"
            label={t('lab.form.forwarding')}
            value={d.l7.forwarding}
            options={CHOICES['l7.forwarding']}
            optionLabel={option}
            onEdit={onEdit}
          />
        )}
        <SelectField
          path="l7.algorithm"
          label={t('lab.form.algorithm')}
          value={d.l7.algorithm}
          options={CHOICES['l7.algorithm']}
          optionLabel={option}
          onEdit={onEdit}
        />
        <SelectField
          path="l7.tls"
          label={t('lab.form.tls')}
          value={d.l7.tls}
          options={MODE_CHOICES[d.l7.mode]['l7.tls']}
          optionLabel={option}
          onEdit={onEdit}
        />
        <SelectField
          path="l7.stickiness"
          label={t('lab.form.stickiness')}
          value={d.l7.stickiness}
          options={MODE_CHOICES[d.l7.mode]['l7.stickiness']}
          optionLabel={option}
          onEdit={onEdit}
        />
        <SelectField
          path="sessions"
          label={t('lab.form.sessions')}
          value={d.sessions}
          options={CHOICES.sessions}
          optionLabel={(o: string) => t(`lab.option.sessions-${o as SessionStore}`)}
          onEdit={onEdit}
        />
        <NumberField path="l7.slowStartMs" label={t('lab.form.slowStart')} value={d.l7.slowStartMs} onEdit={onEdit} />
        <NumberField path="l7.drainMs" label={t('lab.form.drain')} value={d.l7.drainMs} onEdit={onEdit} />
        {atL4 ? (
          <div className="lab-rules">
            <h3 className="lab__subtitle">{t('lab.form.rules')}</h3>
            <p className="lab__hint">
              {t('lab.form.rulesAtL4')}
              {d.l7.rules.length > 0 && ` ${t('lab.form.rulesKept')}`}
            </p>
            <SelectField
              path="l7.defaultPool"
              label={t('lab.form.l4Pool')}
              value={d.l7.defaultPool}
              options={d.pools.map((p) => p.id)}
              optionLabel={(o) => o}
              onEdit={onEdit}
            />
          </div>
        ) : (
          <RulesForm doc={doc} onEdit={onEdit} onList={onList} />
        )}
      </FormSection>

      <FormSection title={t('lab.form.health')}>
        <CheckField
          path="l7.activeHealth.enabled"
          label={t('lab.form.activeHealth')}
          checked={d.l7.activeHealth.enabled}
          onEdit={onEdit}
        />
        {d.l7.activeHealth.enabled && (
          <>
            <NumberField
              path="l7.activeHealth.intervalMs"
              label={t('lab.form.interval')}
              value={d.l7.activeHealth.intervalMs}
              onEdit={onEdit}
            />
            <NumberField
              path="l7.activeHealth.healthyThreshold"
              label={t('lab.form.healthyThreshold')}
              value={d.l7.activeHealth.healthyThreshold}
              onEdit={onEdit}
            />
            <NumberField
              path="l7.activeHealth.unhealthyThreshold"
              label={t('lab.form.unhealthyThreshold')}
              value={d.l7.activeHealth.unhealthyThreshold}
              onEdit={onEdit}
            />
          </>
        )}
        <CheckField
          path="l7.passiveHealth.enabled"
          label={t('lab.form.passiveHealth')}
          checked={d.l7.passiveHealth.enabled}
          onEdit={onEdit}
        />
        {d.l7.passiveHealth.enabled && (
          <>
            <NumberField
              path="l7.passiveHealth.consecutiveErrors"
              label={t('lab.form.consecutiveErrors')}
              value={d.l7.passiveHealth.consecutiveErrors}
              onEdit={onEdit}
            />
            <NumberField
              path="l7.passiveHealth.ejectionMs"
              label={t('lab.form.ejection')}
              value={d.l7.passiveHealth.ejectionMs}
              onEdit={onEdit}
            />
          </>
        )}
        <NumberField
          path="l7.panicThresholdPercent"
          label={t('lab.form.panic')}
          value={d.l7.panicThresholdPercent}
          onEdit={onEdit}
        />
      </FormSection>

      <PoolsForm doc={doc} onEdit={onEdit} onList={onList} />
    </div>
  );
});
