/** Server pools: how many servers, how fast, how alike; up to 64 servers over at most 4 pools. */
import { useTranslation } from 'react-i18next';
import type { LabDoc } from '../design';
import { MAX_POOLS, MAX_SERVERS } from '../limits';
import { FormSection, NumberField, TextField, type TryEdit } from './fields';
import type { ListEdit } from './list-edit';

export function PoolsForm({ doc, onEdit, onList }: { doc: LabDoc; onEdit: TryEdit; onList: ListEdit }) {
  const { t } = useTranslation();
  const pools = doc.design.pools;
  const total = pools.reduce((sum, p) => sum + p.count, 0);
  return (
    <FormSection title={t('lab.form.pools')} open>
      <p className="lab__hint" data-total-servers={total}>
        {t('lab.form.poolsHint', { total, max: MAX_SERVERS, pools: MAX_POOLS })}
      </p>
      {pools.map((pool, i) => (
        <fieldset key={i} className="lab-row">
          <legend>{t('lab.form.poolN', { id: pool.id })}</legend>
          <TextField
            path={`pools.${i}.id`}
            label={t('lab.form.poolId')}
            value={pool.id}
            hint={t('lab.form.poolIdHint', { example: `${pool.id}-1` })}
            onEdit={onEdit}
          />
          <NumberField path={`pools.${i}.count`} label={t('lab.form.count')} value={pool.count} onEdit={onEdit} />
          <NumberField
            path={`pools.${i}.concurrency`}
            label={t('lab.form.concurrency')}
            value={pool.concurrency}
            onEdit={onEdit}
          />
          <NumberField
            path={`pools.${i}.serviceMs`}
            label={t('lab.form.serviceMs')}
            value={pool.serviceMs}
            onEdit={onEdit}
          />
          <NumberField path={`pools.${i}.speed`} label={t('lab.form.speed')} value={pool.speed} onEdit={onEdit} />
          <NumberField
            path={`pools.${i}.heterogeneity`}
            label={t('lab.form.heterogeneity')}
            value={pool.heterogeneity}
            onEdit={onEdit}
          />
          {pools.length > 1 && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onList('remove', 'pools', i)}
            >
              {t('lab.form.removePool', { id: pool.id })}
            </button>
          )}
        </fieldset>
      ))}
      {pools.length < MAX_POOLS && (
        <button type="button" className="button button--quiet" onClick={() => onList('add', 'pools')}>
          {t('lab.form.addPool')}
        </button>
      )}
    </FormSection>
  );
}
