import { BarChart } from '@mantine/charts';
import { Group, Loader, MultiSelect, Pagination, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { RapportFilter } from '../../../../shared/domain/report';
import { SCORE_PARTS, SCORE_PART_LABELS, STAGES, STAGE_LABELS, type ScorePartKey, type Stage } from '../../../../shared/domain/standing';
import { call } from '../../api/client';
import { formatDay, plural } from '../../ui/format';
import { downloadFile } from '../followups/queries';
import { useTags } from '../people/queries';
import { useSeminars } from '../seminars/queries';
import { Figure, ReportFrame } from './ReportFrame';

/** Above this many people the screen pages the table; printing always takes every row. */
const ALL_ROWS_UP_TO = 1000;
const PAGE = 100;

const PART_SHORT: Record<ScorePartKey, string> = { clientTest: 'Test', recency: 'Rec.', frequency: 'Freq.', homeVisits: 'Home', advocacy: 'Adv.', overdueFollowUps: 'Over.' };

function useFilter(): [RapportFilter, (patch: Partial<RapportFilter>) => void, number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const filter: RapportFilter = {
    tags: params.getAll('tag'),
    stages: params.getAll('stage').filter((s): s is Stage => (STAGES as readonly string[]).includes(s)),
    seminarId: params.get('seminar') ? Number(params.get('seminar')) : null,
    from: params.get('from'),
    to: params.get('to'),
    includePersonal: params.get('personal') === '1',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const write = (f: RapportFilter, p: number) => {
    const out = new URLSearchParams();
    f.tags.forEach((t) => out.append('tag', t));
    f.stages.forEach((s) => out.append('stage', s));
    if (f.seminarId !== null) out.set('seminar', String(f.seminarId));
    if (f.from) out.set('from', f.from);
    if (f.to) out.set('to', f.to);
    if (f.includePersonal) out.set('personal', '1');
    if (p > 1) out.set('page', String(p));
    setParams(out, { replace: true });
  };
  return [filter, (patch) => write({ ...filter, ...patch }, 1), page, (p) => write(filter, p)];
}

/** The rapport report: the book (or a segment) by stage and score, to review on paper. */
export function RapportReportScreen() {
  const [filter, setFilter, page, setPage] = useFilter();
  const tags = useTags();
  const seminars = useSeminars('past');
  // The page asked for first (one request, not a size check and then the page); a segment small
  // enough to print whole is then fetched whole, and shown once it is, so printing takes every row.
  const paged = useQuery({
    queryKey: ['people', 'report', 'rapport', filter, page],
    queryFn: () => call('reports.rapport', { filter, offset: (page - 1) * PAGE, limit: PAGE }),
    placeholderData: keepPreviousData,
  });
  const total = paged.data?.total;
  const all = total !== undefined && total <= ALL_ROWS_UP_TO;
  const whole = useQuery({
    queryKey: ['people', 'report', 'rapport', filter, 'all'],
    queryFn: () => call('reports.rapport', { filter, offset: 0, limit: null }),
    enabled: all && total > PAGE,
    placeholderData: keepPreviousData,
  });
  const report = all && total > PAGE ? whole : paged;
  const r = report.data;
  const controls = (
    <Group gap="sm" align="flex-end">
      <MultiSelect
        aria-label="Stages"
        placeholder="All stages"
        size="xs"
        w={200}
        data={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
        value={filter.stages}
        onChange={(stages) => setFilter({ stages: stages as Stage[] })}
        clearable
      />
      <MultiSelect aria-label="Tags" placeholder="All tags" size="xs" w={200} data={(tags.data ?? []).map((t) => t.name)} value={filter.tags} onChange={(t) => setFilter({ tags: t })} searchable clearable />
      <Select
        aria-label="Seminar"
        placeholder="Any seminar"
        size="xs"
        w={200}
        data={(seminars.data ?? []).map((s) => ({ value: String(s.id), label: s.title }))}
        value={filter.seminarId === null ? null : String(filter.seminarId)}
        onChange={(v) => setFilter({ seminarId: v ? Number(v) : null })}
        clearable
      />
      <TextInput aria-label="Touched from" type="date" size="xs" value={filter.from ?? ''} onChange={(e) => setFilter({ from: e.currentTarget.value || null })} />
      <TextInput aria-label="Touched until" type="date" size="xs" value={filter.to ?? ''} onChange={(e) => setFilter({ to: e.currentTarget.value || null })} />
      {report.isFetching ? <Loader size="xs" aria-label="Loading" /> : null}
    </Group>
  );
  const exportCsv = async () => {
    try {
      const csv = await call('reports.rapportCsv', { filter });
      downloadFile(csv.filename, csv.content, 'text/csv;charset=utf-8');
      notifications.show({ message: `${plural(csv.rows, 'row')} exported to ${csv.filename}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not exported', message: (error as Error).message });
    }
  };
  return (
    <ReportFrame
      title="Rapport report"
      segment={r?.segment ?? '…'}
      generatedAt={r?.generatedAt ?? new Date().toISOString()}
      back={{ to: '/reports', label: 'Reports' }}
      personal={{ value: filter.includePersonal, onChange: (includePersonal) => setFilter({ includePersonal }) }}
      onCsv={() => void exportCsv()}
      controls={controls}
    >
      {r ? (
        <>
          <section aria-label="Stage mix">
            <h2>Stage mix</h2>
            <div className="figures">
              <Figure label="People" value={r.total.toLocaleString()} />
              {[...STAGES].reverse().map((s) => (
                <Figure key={s} label={`${STAGE_LABELS[s]}s`} value={r.stageMix[s].toLocaleString()} />
              ))}
            </div>
            <p>
              Client-to-customer ratio: <b>{r.clientToCustomer === null ? 'no customers' : `${r.clientToCustomer.toFixed(2)} clients per customer`}</b>
            </p>
            <div className="chart">
              <BarChart
                h={150}
                data={[...STAGES].reverse().map((s) => ({ stage: `${STAGE_LABELS[s]}s`, People: r.stageMix[s] }))}
                dataKey="stage"
                orientation="vertical"
                yAxisProps={{ width: 90 }}
                series={[{ name: 'People', color: 'dark.5' }]}
                withBarValueLabel
                gridAxis="none"
                withTooltip={false}
                barProps={{ isAnimationActive: false }}
              />
            </div>
          </section>

          <section aria-label="People by score">
            <h2>People by rapport score</h2>
            <p className="muted">
              Score parts: {SCORE_PARTS.map((k) => `${PART_SHORT[k]} = ${SCORE_PART_LABELS[k].toLowerCase()}`).join(' · ')}.
            </p>
            <table className="report-table" aria-label="People by rapport score">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Stage</th>
                  <th className="num">Score</th>
                  {SCORE_PARTS.map((k) => (
                    <th key={k} className="num">
                      {PART_SHORT[k]}
                    </th>
                  ))}
                  <th>Last personal touch</th>
                  <th className="num">Open follow-ups</th>
                  {filter.includePersonal ? <th>Home address · household</th> : null}
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <b>{row.name}</b>
                      {row.organization ? <div className="muted">{row.organization}</div> : null}
                    </td>
                    <td>{STAGE_LABELS[row.stage]}</td>
                    <td className="num">
                      <b>{row.score}</b>
                    </td>
                    {SCORE_PARTS.map((k) => (
                      <td key={k} className="num">
                        {row.parts[k]}
                      </td>
                    ))}
                    <td>{row.lastPersonalOn ? formatDay(row.lastPersonalOn) : '—'}</td>
                    <td className="num">{row.openFollowUps}</td>
                    {filter.includePersonal ? (
                      <td>
                        {row.address}
                        {row.household ? <div className="muted">{row.household}</div> : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
            {all ? null : (
              <Group className="no-print" justify="center" mt="md">
                <Pagination total={Math.ceil(r.total / PAGE)} value={page} onChange={setPage} aria-label="Pages of people" />
              </Group>
            )}
          </section>

          <section aria-label="Ready to become clients" className="keep">
            <h2>Ready to become clients ({r.readyTotal.toLocaleString()})</h2>
            {r.ready.length ? (
              <p>
                {r.ready.map((p) => `${p.name} (${p.score}; ${p.yeses} of 4 yes)`).join(' · ')}
                {r.readyTotal > r.ready.length ? ` · and ${(r.readyTotal - r.ready.length).toLocaleString()} more (Relationships lists them all)` : ''}
              </p>
            ) : (
              <p className="muted">No one in this segment.</p>
            )}
          </section>
          <section aria-label="At risk" className="keep">
            <h2>At risk ({r.atRiskTotal.toLocaleString()})</h2>
            {r.atRisk.length ? (
              <p>
                {r.atRisk.map((p) => `${p.name} (last personal touch ${p.lastPersonalOn ? formatDay(p.lastPersonalOn) : 'never'})`).join(' · ')}
                {r.atRiskTotal > r.atRisk.length ? ` · and ${(r.atRiskTotal - r.atRisk.length).toLocaleString()} more (Relationships lists them all)` : ''}
              </p>
            ) : (
              <p className="muted">No client in this segment is overdue for a personal touch.</p>
            )}
          </section>
        </>
      ) : (
        <p>{report.isError ? report.error.message : 'Loading…'}</p>
      )}
    </ReportFrame>
  );
}
