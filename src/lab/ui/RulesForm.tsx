/** L7 listener rules: first match wins; a rule can split its matches with a canary pool. */
import { useTranslation } from 'react-i18next';
import type { LabDoc } from '../design';
import { CHOICES, MAX_RULES } from '../limits';
import { NumberField, SelectField, TextField, type TryEdit } from './fields';
import type { ListEdit } from './list-edit';

const NO_CANARY = '';

export function RulesForm({ doc, onEdit, onList }: { doc: LabDoc; onEdit: TryEdit; onList: ListEdit }) {
  const { t } = useTranslation();
  const pools = doc.design.pools.map((p) => p.id);
  const rules = doc.design.l7.rules;
  return (
    <div className="lab-rules">
      <h3 className="lab__subtitle">{t('lab.form.rules')}</h3>
      <p className="lab__hint">{t('lab.form.rulesHint', { max: MAX_RULES })}</p>
      {rules.map((rule, i) => (
        <fieldset key={i} className="lab-row">
          <legend>{t('lab.form.ruleN', { n: i + 1 })}</legend>
          <SelectField
            path={`l7.rules.${i}.kind`}
            label={t('lab.form.ruleKind')}
            value={rule.kind}
            options={CHOICES['l7.rules.*.kind']}
            optionLabel={(o) => t(`lab.option.rule-${o}` as 'lab.option.rule-path')}
            onEdit={onEdit}
          />
          {rule.kind !== 'path' && (
            <TextField
              path={`l7.rules.${i}.name`}
              label={t(rule.kind === 'header' ? 'lab.form.headerName' : 'lab.form.cookieName')}
              value={rule.name}
              onEdit={onEdit}
            />
          )}
          <TextField
            path={`l7.rules.${i}.value`}
            label={t(rule.kind === 'path' ? 'lab.form.pathPrefix' : 'lab.form.matchValue')}
            value={rule.value}
            {...(rule.kind === 'cookie' ? { hint: t('lab.form.cookieHint') } : {})}
            onEdit={onEdit}
          />
          <SelectField
            path={`l7.rules.${i}.pool`}
            label={t('lab.form.rulePool')}
            value={rule.pool}
            options={pools}
            optionLabel={(o) => o}
            onEdit={onEdit}
          />
          <SelectField
            path={`l7.rules.${i}.canaryPool`}
            label={t('lab.form.canaryPool')}
            value={rule.canaryPool ?? NO_CANARY}
            options={[NO_CANARY, ...pools.filter((p) => p !== rule.pool)]}
            optionLabel={(o) => (o === NO_CANARY ? t('lab.form.noCanary') : o)}
            onEdit={(path, value) => onEdit(path, value === NO_CANARY ? null : value)}
          />
          {rule.canaryPool !== null && (
            <NumberField
              path={`l7.rules.${i}.canaryPercent`}
              label={t('lab.form.canaryPercent')}
              value={rule.canaryPercent}
              onEdit={onEdit}
            />
          )}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onList('remove', 'l7.rules', i)}
          >
            {t('lab.form.removeRule', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {rules.length < MAX_RULES && (
        <button type="button" className="button button--quiet" onClick={() => onList('add', 'l7.rules')}>
          {t('lab.form.addRule')}
        </button>
      )}
      <SelectField
        path="l7.defaultPool"
        label={t('lab.form.defaultPool')}
        value={doc.design.l7.defaultPool}
        options={pools}
        optionLabel={(o) => o}
        onEdit={onEdit}
      />
    </div>
  );
}
