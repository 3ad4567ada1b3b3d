import { BarChart } from '@mantine/charts';
import { useQuery } from '@tanstack/react-query';
import { OCCASION_KIND_LABELS } from '../../../../shared/domain/hospitality';
import { call } from '../../api/client';
import { formatDay } from '../../ui/format';
import { Figure, ReportFrame } from './ReportFrame';

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** The intimacy report: how many of the best clients have been in the owner's home, and who never was. */
export function IntimacyReportScreen() {
  const report = useQuery({ queryKey: ['people', 'report', 'intimacy'], queryFn: () => call('reports.intimacy') });
  const r = report.data;
  return (
    <ReportFrame title="Intimacy report" segment={r ? `Top ${r.top} clients by rapport score` : '…'} generatedAt={r?.generatedAt ?? new Date().toISOString()} back={{ to: '/reports', label: 'Reports' }}>
      {r ? (
        <>
          <section aria-label="The measure" className="keep">
            <h2>The measure</h2>
            <p style={{ fontSize: '15pt', fontWeight: 700, margin: '4pt 0' }}>
              {r.hosted} of your top {r.top} clients have been in your home
            </p>
            <div className="figures">
              <Figure label="Top clients" value={String(r.top)} />
              <Figure label="Have been in your home" value={String(r.hosted)} />
              <Figure label="Never invited" value={String(r.neverInvited.length)} />
              <Figure label="Upcoming occasions" value={String(r.upcoming.length)} />
            </div>
          </section>
          <section aria-label="Best clients">
            <h2>Best clients and their visits</h2>
            <table className="report-table" aria-label="Best clients">
              <thead>
                <tr>
                  <th>Client</th>
                  <th className="num">Score</th>
                  <th>Been in my home</th>
                  <th className="num">Times hosted</th>
                  <th>Last hosted</th>
                  <th className="num">Declined</th>
                </tr>
              </thead>
              <tbody>
                {r.clients.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <b>{c.name}</b>
                    </td>
                    <td className="num">{c.score}</td>
                    <td>{c.timesHosted ? 'Yes' : 'No'}</td>
                    <td className="num">{c.timesHosted}</td>
                    <td>{c.lastHosted ? formatDay(c.lastHosted) : '—'}</td>
                    <td className="num">{c.declined}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-label="Hosted over time" className="keep">
            <h2>People hosted per month</h2>
            <div className="chart">
              <BarChart
                h={160}
                data={r.hostedByMonth.map((m) => ({ month: monthFormat.format(new Date(`${m.month}-01T00:00:00Z`)), People: m.people }))}
                dataKey="month"
                series={[{ name: 'People', color: 'dark.5' }]}
                withBarValueLabel
                gridAxis="y"
                withTooltip={false}
                barProps={{ isAnimationActive: false }}
                xAxisProps={{ interval: 1, fontSize: 9 }}
                yAxisProps={{ ticks: wholeTicks(r.hostedByMonth.map((m) => m.people)), domain: [0, Math.max(...wholeTicks(r.hostedByMonth.map((m) => m.people)))], allowDecimals: false, interval: 0 }}
              />
            </div>
          </section>
          <section aria-label="Never invited" className="keep">
            <h2>Best clients never invited ({r.neverInvited.length})</h2>
            {r.neverInvited.length ? <p>{r.neverInvited.map((c) => `${c.name} (${c.score})`).join(' · ')}</p> : <p className="muted">Every best client has been invited.</p>}
          </section>
          <section aria-label="Upcoming occasions" className="keep">
            <h2>Upcoming occasions</h2>
            {r.upcoming.length ? (
              <table className="report-table" aria-label="Upcoming occasions">
                <thead>
                  <tr>
                    <th>Occasion</th>
                    <th>When</th>
                    <th className="num">Invited</th>
                    <th className="num">Accepted</th>
                    <th className="num">Seats</th>
                  </tr>
                </thead>
                <tbody>
                  {r.upcoming.map((o) => (
                    <tr key={o.id}>
                      <td>
                        {o.name}
                        {o.title ? <span className="muted"> · {OCCASION_KIND_LABELS[o.kind]}</span> : null}
                      </td>
                      <td>
                        {formatDay(o.day)} {o.time}
                      </td>
                      <td className="num">{o.counts.invited + o.counts.accepted + o.counts.declined}</td>
                      <td className="num">{o.counts.accepted}</td>
                      <td className="num">{o.seats || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">Nothing planned.</p>
            )}
          </section>
        </>
      ) : (
        <p>{report.isError ? report.error.message : 'Loading…'}</p>
      )}
    </ReportFrame>
  );
}

/** Whole-number ticks from 0 to at least the largest value, evenly spaced (0, 2, 4, 6, 8 — never 0, 2, 4, 8 with the 8 at 7.5). */
export function wholeTicks(values: number[]): number[] {
  const max = Math.max(1, ...values);
  const step = max <= 5 ? 1 : Math.ceil(max / 4);
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}
