import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answeredRequest,
  FIELD_GROUPS,
  wireOf,
  type Field,
  type FieldGroup,
  type FieldName,
  type FieldNote,
  type Hop,
} from '../engine';
import { LockIcon } from './LockIcon';
import { useNodeName } from './node-names';

const GROUPS = Object.keys(FIELD_GROUPS) as FieldGroup[];

/** Whether a whole group reads the same hidden reason in both columns (shown as one row then). */
function collapsedReason(hop: Hop, names: readonly FieldName[]): Field | null {
  const first = hop.l4[names[0]!];
  if (first.readable) return null;
  const same = (f: Field) => !f.readable && f.reason === first.reason;
  return names.every((n) => same(hop.l4[n]) && same(hop.l7[n])) ? first : null;
}

/**
 * The selected packet as an L4 and an L7 balancer see it, field by field in four groups (TCP/IP,
 * the TLS ClientHello, the HTTP request, the HTTP response). Only what the packet carries on this
 * hop is readable; everything else says why not. A group the packet does not carry at all is one
 * row. Notes (e.g. "known from the ClientHello") are numbered under the table, so cell text stays
 * the value itself.
 */
export const Inspector = memo(function Inspector({ hop, onClose }: { hop: Hop | null; onClose: () => void }) {
  const { t } = useTranslation();
  const name = useNodeName();
  const id = useId();
  const title = hop
    ? t('widget.inspector.packet', { kind: t(`widget.kind.${hop.kind}`), from: name(hop.from), to: name(hop.to) })
    : '';
  // Numbered in order of first use.
  const notes: FieldNote[] = [];
  const noteRefs = (field: Field) => {
    if (!field.readable || !field.notes) return [];
    return field.notes.map((note) => {
      if (!notes.includes(note)) notes.push(note);
      return notes.indexOf(note) + 1;
    });
  };
  const answers = hop ? answeredRequest(hop.facts) : null;
  // The QUIC header group exists only in QUIC packets; TCP ones would show it as one empty row.
  const udp = hop?.facts.transport === 'udp';
  const groupTitle = (group: FieldGroup) =>
    group === 'transport' && udp ? t('widget.inspector.transportUdp') : t(`widget.inspector.group.${group}`);
  const body = hop
    ? GROUPS.filter((group) => group !== 'quic' || hop.facts.quicPacket !== '').map((group) => {
        const names = FIELD_GROUPS[group];
        const collapsed = collapsedReason(hop, names);
        return (
          <tbody key={group} data-group={group}>
            {collapsed ? (
              <tr className="inspector__group inspector__group--collapsed">
                <th scope="row">{groupTitle(group)}</th>
                <FieldCell field={collapsed} name={names[0]!} refs={[]} noteId={id} />
                <FieldCell field={collapsed} name={names[0]!} refs={[]} noteId={id} />
              </tr>
            ) : (
              <>
                <tr className="inspector__group">
                  <th scope="rowgroup" colSpan={3}>
                    {groupTitle(group)}
                  </th>
                </tr>
                {names.map((field) => (
                  <tr key={field}>
                    <th scope="row">{t(`widget.field.${field}`)}</th>
                    <FieldCell field={hop.l4[field]} name={field} refs={noteRefs(hop.l4[field])} noteId={id} />
                    <FieldCell field={hop.l7[field]} name={field} refs={noteRefs(hop.l7[field])} noteId={id} />
                  </tr>
                ))}
              </>
            )}
          </tbody>
        );
      })
    : null;
  return (
    <section
      className={hop ? 'inspector' : 'inspector inspector--empty'}
      aria-label={t('widget.inspector.title')}
      data-inspecting={hop?.packetId}
    >
      {/* Mounted before any selection, so a screen reader hears each newly selected packet. */}
      <p className="visually-hidden" aria-live="polite">
        {hop ? t('widget.inspector.announce', { packet: title }) : ''}
      </p>
      {!hop ? (
        <p>{t('widget.inspector.empty')}</p>
      ) : (
        <>
          <div className="inspector__head">
            <p className="inspector__title">
              {title}
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
          <p className="inspector__wire" data-wire={wireOf(hop.facts)}>
            {t(`widget.inspector.wire.${wireOf(hop.facts)}`)}
            {!hop.facts.seenByBalancer && <> {t('widget.inspector.notSeen')}</>}
          </p>
          {answers && <p className="inspector__context">{t('widget.inspector.answers', { request: answers })}</p>}
          <table className="inspector__table">
            <thead>
              <tr>
                <th scope="col">{t('widget.inspector.field')}</th>
                <th scope="col">{t('widget.inspector.l4')}</th>
                <th scope="col">{t('widget.inspector.l7')}</th>
              </tr>
            </thead>
            {body}
          </table>
          {notes.length > 0 && (
            <ol className="inspector__notes" aria-label={t('widget.inspector.notesTitle')}>
              {notes.map((note, i) => (
                <li key={note} id={`${id}-note-${i + 1}`}>
                  {t(`widget.inspector.note.${note}`)}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
});

function FieldCell({ field, name, refs, noteId }: { field: Field; name: FieldName; refs: number[]; noteId: string }) {
  const { t, i18n } = useTranslation();
  if (field.readable) {
    const value =
      name === 'size' && field.value
        ? t('widget.inspector.bytes', {
            count: Number(field.value),
            value: new Intl.NumberFormat(i18n.language).format(Number(field.value)),
          })
        : name === 'quicPacket' && (field.value === 'initial' || field.value === '1-rtt')
          ? t(`widget.quicPacket.${field.value}`)
          : field.value || '—';
    return (
      <td
        className="inspector__value"
        // The note marks are drawn by CSS from data-note, so the cell's text is the value alone.
        data-note={refs.length > 0 ? refs.join(',') : undefined}
        aria-describedby={refs.length > 0 ? refs.map((n) => `${noteId}-note-${n}`).join(' ') : undefined}
      >
        {value}
      </td>
    );
  }
  // data-hidden: the broad class (encrypted or not); data-reason: the exact reason.
  const encrypted = field.reason === 'encrypted' || field.reason === 'key-elsewhere';
  return (
    <td className="inspector__hidden" data-hidden={encrypted ? 'encrypted' : field.reason} data-reason={field.reason}>
      {encrypted ? <LockIcon /> : <span aria-hidden="true">⋯</span>} {t(`widget.hidden.${field.reason}`)}
    </td>
  );
}
