import { BarChart } from '@mantine/charts';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { formatSeminarDate, formatSeminarHours } from '../../../../shared/domain/seminar';
import { STAGE_LABELS } from '../../../../shared/domain/standing';
import { call } from '../../api/client';
import { Figure, ReportFrame } from './ReportFrame';

/** The seminar report: who registered, who came and how, what was promised, and how attendees moved since. */
export function SeminarReportScreen() {
  const seminarId = Number(useParams().id);
  const report = useQuery({ queryKey: ['people', 'report', 'seminar', seminarId], queryFn: () => call('reports.seminar', { seminarId }) });
  const r = report.data;
  const when = r ? `${formatSeminarDate(r.seminar.startsAt, r.seminar.timeZone)}, ${formatSeminarHours(r.seminar.startsAt, r.seminar.endsAt, r.seminar.timeZone)}` : '…';
  return (
    <ReportFrame title={r ? `Seminar report: ${r.seminar.title}` : 'Seminar report'} segment={when} generatedAt={r?.generatedAt ?? new Date().toISOString()} back={{ to: '/reports', label: 'Reports' }}>
      {r ? (
        <>
          <section aria-label="Attendance" className="keep">
            <h2>Attendance</h2>
            <div className="figures">
              <Figure label="Registered" value={String(r.registered)} />
              <Figure label="Attended" value={String(r.attended)} />
              <Figure label="Walk-ins" value={String(r.walkIns)} />
              <Figure label={r.seminar.closed ? 'No-shows' : 'Not yet arrived'} value={String(r.seminar.closed ? r.noShows : r.registered - r.attended)} />
            </div>
            <p>
              Attendance rate: <b>{r.registered ? Math.round((r.attended / r.registered) * 100) : 0}%</b> · in person <b>{r.inPerson}</b> · on the live stream <b>{r.stream}</b>
              {r.cancelled ? ` · ${r.cancelled} cancelled` : ''}
            </p>
            <div className="chart">
              <BarChart
                h={140}
                orientation="vertical"
                yAxisProps={{ width: 110, interval: 0 }}
                data={[
                  { what: 'Registered', People: r.registered },
                  { what: 'In person', People: r.inPerson },
                  { what: 'Live stream', People: r.stream },
                  { what: 'Walk-ins', People: r.walkIns },
                  { what: 'No-shows', People: r.noShows },
                ]}
                dataKey="what"
                series={[{ name: 'People', color: 'dark.5' }]}
                withBarValueLabel
                gridAxis="none"
                withTooltip={false}
                barProps={{ isAnimationActive: false }}
              />
            </div>
          </section>
          <section aria-label="Follow-ups" className="keep">
            <h2>Follow-ups</h2>
            <div className="figures">
              <Figure label="Captured" value={String(r.followUps.captured)} />
              <Figure label="Done" value={String(r.followUps.done)} />
              <Figure label="Still open" value={String(r.followUps.open)} />
              <Figure label="Dropped" value={String(r.followUps.dropped)} />
            </div>
          </section>
          <section aria-label="Stage movement">
            <h2>How attendees moved since</h2>
            <table className="report-table" aria-label="Stage movement">
              <thead>
                <tr>
                  <th>On the day</th>
                  <th>Today</th>
                  <th className="num">Attendees</th>
                </tr>
              </thead>
              <tbody>
                {r.movement.map((m) => (
                  <tr key={`${m.from}-${m.to}`}>
                    <td>{STAGE_LABELS[m.from]}</td>
                    <td>{m.from === m.to ? `${STAGE_LABELS[m.to]} (unchanged)` : <b>{STAGE_LABELS[m.to]}</b>}</td>
                    <td className="num">{m.people}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.moved.length ? (
              <p>
                <b>Moved:</b> {r.moved.map((m) => `${m.name} (${STAGE_LABELS[m.from]} → ${STAGE_LABELS[m.to]})`).join(' · ')}
              </p>
            ) : (
              <p className="muted">No attendee has changed stage since.</p>
            )}
          </section>
        </>
      ) : (
        <p>{report.isError ? report.error.message : 'Loading…'}</p>
      )}
    </ReportFrame>
  );
}
