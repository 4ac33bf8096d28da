import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { HTTP_FIELDS, L4_FIELDS, type Field, type Hop } from '../engine';
import { LockIcon } from './LockIcon';
import { useNodeName } from './node-names';

/** The selected packet as an L4 and an L7 balancer see it; unreadable fields say why. */
export const Inspector = memo(function Inspector({ hop, onClose }: { hop: Hop | null; onClose: () => void }) {
  const { t } = useTranslation();
  const name = useNodeName();
  if (!hop) {
    return (
      <section className="inspector inspector--empty" aria-label={t('widget.inspector.title')}>
        <p>{t('widget.inspector.empty')}</p>
      </section>
    );
  }
  const fields = [...L4_FIELDS, ...HTTP_FIELDS];
  return (
    <section className="inspector" aria-label={t('widget.inspector.title')} data-inspecting={hop.packetId}>
      <div className="inspector__head">
        <p className="inspector__title">
          {t('widget.inspector.packet', { kind: t(`widget.kind.${hop.kind}`), from: name(hop.from), to: name(hop.to) })}
          {hop.encrypted && (
            <span>
              {' '}
              · <LockIcon /> {t('widget.encrypted')}
            </span>
          )}
        </p>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('glossary.close')}
        </button>
      </div>
      <table className="inspector__table">
        <thead>
          <tr>
            <th scope="col">{t('widget.inspector.field')}</th>
            <th scope="col">{t('widget.inspector.l4')}</th>
            <th scope="col">{t('widget.inspector.l7')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((name) => (
            <tr key={name}>
              <th scope="row">{t(`widget.field.${name}`)}</th>
              <FieldCell field={hop.l4[name]} />
              <FieldCell field={hop.l7[name]} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});

function FieldCell({ field }: { field: Field }) {
  const { t } = useTranslation();
  if (field.readable) return <td className="inspector__value">{field.value || '—'}</td>;
  return (
    <td className="inspector__hidden" data-hidden={field.reason}>
      {field.reason === 'encrypted' ? <LockIcon /> : <span aria-hidden="true">⋯</span>}{' '}
      {t(`widget.hidden.${field.reason}`)}
    </td>
  );
}
