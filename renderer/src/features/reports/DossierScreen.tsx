import { flagLabels } from '../../../../shared/domain/boundaries';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { AGENDA_BUCKETS } from '../../../../shared/domain/followup';
import { ADVOCACY_KINDS, NEED_STATUS_LABELS } from '../../../../shared/domain/relationship';
import { CLIENT_TEST_QUESTIONS, STAGE_LABELS } from '../../../../shared/domain/standing';
import { formatDay } from '../../ui/format';
import { useAgenda } from '../followups/queries';
import { usePersonHospitality } from '../hospitality/queries';
import { usePerson } from '../people/queries';
import { useRelationship, useTimeline } from '../relationships/queries';
import { ReportFrame } from './ReportFrame';
import { usePersonDates, usePhoto } from '../dates/queries';
import { dayText } from '../dates/DatesPanel';
import { dateTitle } from '../../../../shared/domain/important-dates';

/** One page to read before meeting someone: standing and why, what they want, the recent story, what is promised. */
export function DossierScreen() {
  const personId = Number(useParams().personId);
  const [params, setParams] = useSearchParams();
  const personal = params.get('personal') === '1';
  const [generatedAt] = useState(() => new Date().toISOString());
  const person = usePerson(personId).data;
  const r = useRelationship(personId).data;
  const timeline = useTimeline(personId).data;
  const agenda = useAgenda(personId).data;
  const home = usePersonHospitality(personId).data;
  const photo = usePhoto(personId).data?.photo ?? null;
  const dates = usePersonDates(personId).data ?? [];
  const ready = person && r && timeline && agenda && home;
  const open = agenda ? AGENDA_BUCKETS.flatMap((b) => agenda[b]) : [];
  const touches = (timeline ?? []).filter((e) => e.type === 'interaction' || e.type === 'seminar').slice(0, 6);
  const household = (r?.links ?? []).filter((l) => l.kind === 'partner' || l.kind === 'family');
  const address = person ? [person.address.street, [person.address.city, person.address.region, person.address.postalCode].filter(Boolean).join(' '), person.address.country].filter(Boolean).join(', ') : '';
  return (
    <ReportFrame
      title={person ? `Dossier: ${person.name}` : 'Dossier'}
      segment={person ? [person.role, person.organization].filter(Boolean).join(', ') || 'Person' : '…'}
      generatedAt={generatedAt}
      back={{ to: `/people/${personId}`, label: person?.name ?? 'Person' }}
      personal={{ value: personal, onChange: (on) => setParams(on ? { personal: '1' } : {}, { replace: true }) }}
    >
      {ready ? (
        <div className="dossier">
          {photo ? <img src={photo.url} alt={`Photo of ${person.name}`} className="dossier-photo" /> : null}
          <section aria-label="Standing" className="keep">
            <h2>Standing</h2>
            <p>
              <b>{STAGE_LABELS[r.stage]}</b> — {r.reason}. Rapport score <b>{r.score.score}</b> ({r.score.parts.map((p) => `${p.label.toLowerCase()} ${p.points}`).join(', ')}).
              {r.marks.friend ? ' A friend.' : ''}
            </p>
            {dates.length ? (
              <p>
                {dates.map((d) => `${dateTitle(d)}: ${dayText(d)}`).join(' · ')}
              </p>
            ) : null}
            <p>
              Introduce as: <b>{person.introduceAs || person.name}</b>
              {person.howWeMet ? ` · Met: ${person.howWeMet}` : ''}
            </p>
            {r.tests[0] ? (
              <p className="muted">
                Client test {formatDay(r.tests[0].on)}:{' '}
                {CLIENT_TEST_QUESTIONS.map((q) => `${q.short} ${r.tests[0]?.answers[q.key].yes ? 'yes' : 'no'}`).join(', ')}
              </p>
            ) : null}
          </section>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '8mm' }}>
            <section aria-label="What they want" className="keep">
              <h2>What they want</h2>
              <p>
                <b>Desired results:</b> {person.desiredResults || '—'}
              </p>
              <p>
                <b>Their work:</b> {person.theirWork || '—'}
              </p>
              <p>
                <b>Boundaries:</b> {[flagLabels(person.boundaryFlags), person.boundaries].filter(Boolean).join('. ') || '—'}
              </p>
            </section>
            <section aria-label="Needs" className="keep">
              <h2>Needs</h2>
              {r.needs.length ? (
                r.needs.map((n) => (
                  <p key={n.id}>
                    <b>{n.what}</b> ({NEED_STATUS_LABELS[n.status].toLowerCase()}){n.problem ? ` — ${n.problem}` : ''}
                  </p>
                ))
              ) : (
                <p className="muted">None noted.</p>
              )}
            </section>
            <section aria-label="Recent touches" className="keep">
              <h2>Recent touches</h2>
              {touches.length ? (
                touches.map((t) => (
                  <p key={`${t.type}-${t.id}`}>
                    {formatDay(t.on)}: <b>{t.title}</b>
                    {t.type === 'interaction' && !t.personal ? ' (broadcast)' : ''}
                    {t.note ? ` — ${t.note}` : ''}
                  </p>
                ))
              ) : (
                <p className="muted">No touches yet.</p>
              )}
            </section>
            <section aria-label="Open follow-ups" className="keep">
              <h2>Open follow-ups</h2>
              {open.length ? (
                open.map((f) => (
                  <p key={f.id}>
                    {f.when ? `${formatDay(f.when)}: ` : ''}
                    <b>{f.what}</b>
                  </p>
                ))
              ) : (
                <p className="muted">Nothing promised.</p>
              )}
            </section>
            <section aria-label="Home visits" className="keep">
              <h2>In my home</h2>
              <p>
                {home.hasBeenInMyHome ? `Yes: ${home.timesHosted} ${home.timesHosted === 1 ? 'time' : 'times'}, last on ${formatDay(home.lastHosted ?? '')}.` : 'Never.'}
                {home.invitationsDeclined ? ` Declined ${home.invitationsDeclined}.` : ''}
              </p>
            </section>
            <section aria-label="Advocacy" className="keep">
              <h2>Advocacy</h2>
              {r.advocacyGiven.length || r.referredBy.length ? (
                <>
                  {r.referredBy.map((a) => (
                    <p key={`by-${a.id}`}>Referred by {a.by.name} ({formatDay(a.on)})</p>
                  ))}
                  {r.advocacyGiven.map((a) => (
                    <p key={a.id}>
                      {a.kind === 'referral' ? `Referred ${a.referred?.name ?? 'someone'}` : ADVOCACY_KINDS[a.kind].verb} ({formatDay(a.on)})
                    </p>
                  ))}
                </>
              ) : (
                <p className="muted">None yet.</p>
              )}
            </section>
          </div>
          <section aria-label="Contact" className="keep">
            <h2>Contact</h2>
            <p>
              {[...person.emails.map((e) => e.address), ...person.phones.map((p) => p.number)].join(' · ') || '—'}
              {personal && address ? ` · Home: ${address}` : ''}
              {personal && household.length ? ` · Household: ${household.map((h) => `${h.other.name} (${h.label.toLowerCase()})`).join(', ')}` : ''}
            </p>
          </section>
        </div>
      ) : (
        <p>Loading…</p>
      )}
    </ReportFrame>
  );
}
